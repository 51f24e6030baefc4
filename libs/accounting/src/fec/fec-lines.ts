import type { JournalSetting } from '../settings/accounting-defaults';
import { FEC_COLUMNS, FEC_EOL, FEC_SEPARATOR, fecAmount, fecDate, fecText } from './fec-format';
import type { JournalEntry } from './journal-entry';

export const FEC_HEADER = FEC_COLUMNS.join(FEC_SEPARATOR) + FEC_EOL;

/**
 * Numbers the entries of one journal: "VT000001", "VT000002"… — a continuous sequence per journal in
 * the order the entries are written (BOFiP § 100), which is their date order.
 */
export class JournalSequence {
  private count = 0;

  constructor(readonly journal: JournalSetting) {}

  next(): string {
    this.count += 1;
    return `${this.journal.code}${String(this.count).padStart(6, '0')}`;
  }

  get entries(): number {
    return this.count;
  }
}

/** The FEC records of one entry, each ending with CRLF; amounts in euros (Montantdevise/Idevise left empty). */
export function entryRecords(sequence: JournalSequence, entry: JournalEntry): string {
  const num = sequence.next();
  // What every line of the entry shares, joined once.
  const head = [fecText(sequence.journal.code), fecText(sequence.journal.label), num, fecDate(entry.date)].join(FEC_SEPARATOR);
  const piece = [fecText(entry.pieceRef), fecDate(entry.pieceDate), fecText(entry.label)].join(FEC_SEPARATOR);
  const tail = `${fecDate(entry.validDate)}${FEC_SEPARATOR}${FEC_SEPARATOR}${FEC_EOL}`;
  const sep = FEC_SEPARATOR;
  let out = '';
  // One template per line rather than an array joined: no array per line, the same bytes.
  for (const line of entry.lines) {
    out += `${head}${sep}${fecText(line.account.num)}${sep}${fecText(line.account.label)}${sep}${fecText(line.aux?.num)}${sep}${fecText(line.aux?.label)}${sep}${piece}${sep}`;
    out += `${fecAmount(line.debit)}${sep}${fecAmount(line.credit)}${sep}${fecText(line.lettering?.code)}${sep}${fecDate(line.lettering?.date)}${sep}${tail}`;
  }
  return out;
}
