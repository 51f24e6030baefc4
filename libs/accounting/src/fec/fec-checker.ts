import { Dec, isCalendarDate } from '@comptoir/platform/kernel';
import { FEC_COLUMNS } from './fec-format';

export interface FecProblem {
  /** 1-based line of the file (0: the file as a whole). */
  line: number;
  rule: FecRule;
  message: string;
}

export type FecRule =
  | 'file_name'
  | 'empty_file'
  | 'header'
  | 'separator'
  | 'empty_line'
  | 'field_count'
  | 'mandatory'
  | 'account_number'
  | 'amount'
  | 'date'
  | 'outside_fiscal_year'
  | 'debit_credit'
  | 'auxiliary_pair'
  | 'lettering_pair'
  | 'entry_unbalanced'
  | 'entry_mixed'
  | 'entry_split'
  | 'numbering';

export interface FecCheckOptions {
  /** Checked against `<SIREN>FEC<YYYYMMDD>.txt`. */
  fileName?: string;
  /** Every EcritureDate must fall inside it (YYYY-MM-DD, inclusive). */
  fiscalYear?: { start: string; end: string };
}

const MANDATORY = ['JournalCode', 'JournalLib', 'EcritureNum', 'EcritureDate', 'CompteNum', 'CompteLib', 'PieceDate', 'EcritureLib', 'ValidDate'] as const;
const DATES = ['EcritureDate', 'PieceDate', 'DateLet', 'ValidDate'] as const;
const AMOUNTS = ['Debit', 'Credit', 'Montantdevise'] as const;
const FILE_NAME = /^(\d{9})FEC(20\d\d[01]\d[0-3]\d)\.txt$/;
const AMOUNT = /^[+-]?\d+(,\d+)?$/;

type Field = (typeof FEC_COLUMNS)[number];
type Record = { line: number; get: (field: Field) => string };

interface EntryState {
  first: Record;
  lastLine: number;
  debit: Dec;
  credit: Dec;
  /** An amount could not be read: its balance is not judged (the amount is reported already). */
  unreadable: boolean;
  closed: boolean;
}

/**
 * The rules of standards/fec/FEC.md (arrêté A 47 A-1 and the blocking checks of the DGFiP "Test Compta
 * Demat" tool) applied to a flat FEC file, plus the continuity of entry numbers per journal that the
 * texts require. Returns every problem found (none: the file passes). Used by the tests of the export.
 */
export function checkFec(content: string, options: FecCheckOptions = {}): FecProblem[] {
  const problems: FecProblem[] = [];
  const report = (line: number, rule: FecRule, message: string) => problems.push({ line, rule, message });
  if (options.fileName !== undefined) checkFileName(options.fileName, report);
  const text = content.replace(/^\uFEFF/, '');
  if (!text.trim()) {
    report(0, 'empty_file', 'The file is empty');
    return problems;
  }
  const rows = text.split(/\r\n|\r|\n/);
  if (rows.at(-1) === '') rows.pop();
  const header = rows[0]!;
  const separator = header.includes('\t') ? '\t' : header.includes('|') ? '|' : null;
  if (!separator) {
    report(1, 'separator', 'The header uses neither tab nor | as separator');
    return problems;
  }
  if (header.split(separator).join('|') !== FEC_COLUMNS.join('|')) report(1, 'header', `The header must be the 18 field names in order: ${FEC_COLUMNS.join('|')}`);

  const entries = new Map<string, EntryState>();
  const lastNumberOfJournal = new Map<string, number>();
  let current: EntryState | null = null;
  rows.slice(1).forEach((row, i) => {
    const line = i + 2;
    if (row === '') return report(line, 'empty_line', 'Empty line');
    const values = row.split(separator);
    if (values.length !== FEC_COLUMNS.length) {
      // Its amounts cannot be placed: the balance of its entry (when the number is readable) is not judged.
      const unreadable = entries.get(values[2] ?? '');
      if (unreadable) unreadable.unreadable = true;
      else if (values[2]) entries.set(values[2], { first: { line, get: (field) => values[FEC_COLUMNS.indexOf(field)] ?? '' }, lastLine: line, debit: new Dec(0), credit: new Dec(0), unreadable: true, closed: false });
      return report(line, 'field_count', `${values.length} fields instead of ${FEC_COLUMNS.length}`);
    }
    const record: Record = { line, get: (field) => values[FEC_COLUMNS.indexOf(field)]!.trim() };
    checkRecord(record, options, report);
    const num = record.get('EcritureNum');
    let entry = entries.get(num);
    if (!entry) {
      entry = { first: record, lastLine: line, debit: new Dec(0), credit: new Dec(0), unreadable: false, closed: false };
      entries.set(num, entry);
      checkNumbering(record, lastNumberOfJournal, report);
    } else {
      if (entry.closed) report(line, 'entry_split', `The lines of entry ${num} are not together`);
      if (record.get('JournalCode') !== entry.first.get('JournalCode')) report(line, 'entry_mixed', `JournalCode differs from the first line of entry ${num} (line ${entry.first.line})`);
      const [date, firstDate] = [record.get('EcritureDate'), entry.first.get('EcritureDate')];
      if (isFecDate(date) && isFecDate(firstDate) && date !== firstDate) report(line, 'entry_mixed', `EcritureDate differs from the first line of entry ${num} (line ${entry.first.line})`);
    }
    if (current && current !== entry) current.closed = true;
    current = entry;
    entry.lastLine = line;
    entry.unreadable ||= !AMOUNT.test(record.get('Debit')) || !AMOUNT.test(record.get('Credit'));
    entry.debit = entry.debit.plus(amountOf(record.get('Debit')));
    entry.credit = entry.credit.plus(amountOf(record.get('Credit')));
  });
  for (const [num, entry] of entries) {
    if (!entry.unreadable && !entry.debit.eq(entry.credit)) report(entry.lastLine, 'entry_unbalanced', `Entry ${num} does not balance: debit ${entry.debit.toFixed(2)}, credit ${entry.credit.toFixed(2)}`);
  }
  return problems.sort((a, b) => a.line - b.line);
}

function checkFileName(fileName: string, report: (line: number, rule: FecRule, message: string) => void): void {
  const match = FILE_NAME.exec(fileName);
  if (!match || !isCalendarDate(`${match[2]!.slice(0, 4)}-${match[2]!.slice(4, 6)}-${match[2]!.slice(6)}`)) {
    report(0, 'file_name', `The file name must be <SIREN>FEC<YYYYMMDD>.txt (closing date), not ${fileName}`);
  }
}

function checkRecord(record: Record, options: FecCheckOptions, report: (line: number, rule: FecRule, message: string) => void): void {
  const { line, get } = record;
  for (const field of MANDATORY) if (!get(field)) report(line, 'mandatory', `${field} is mandatory`);
  const account = get('CompteNum');
  if (account && !/^\d{3}/.test(account)) report(line, 'account_number', `CompteNum ${account} must start with three digits of the chart of accounts`);
  for (const field of AMOUNTS) {
    const value = get(field);
    if (!value) continue;
    if (/[ \u00a0']/.test(value)) report(line, 'amount', `${field} ${value}: no thousands separator allowed`);
    else if (value.includes('.')) report(line, 'amount', `${field} ${value}: the decimal separator is a comma`);
    else if (!AMOUNT.test(value)) report(line, 'amount', `${field} ${value} is not a number`);
  }
  for (const field of DATES) {
    const value = get(field);
    if (value && !isFecDate(value)) report(line, 'date', `${field} ${value} must be a real date written YYYYMMDD`);
  }
  const date = get('EcritureDate');
  if (options.fiscalYear && isFecDate(date)) {
    const iso = isoOf(date);
    if (iso < options.fiscalYear.start || iso > options.fiscalYear.end) report(line, 'outside_fiscal_year', `EcritureDate ${date} is outside the fiscal year`);
  }
  const debit = amountOf(get('Debit'));
  const credit = amountOf(get('Credit'));
  if (!debit.isZero() && !credit.isZero()) report(line, 'debit_credit', 'A line carries a debit or a credit, not both');
  if (debit.isZero() && credit.isZero() && AMOUNT.test(get('Debit')) && AMOUNT.test(get('Credit'))) report(line, 'debit_credit', 'Debit and Credit are both zero');
  if (!get('CompAuxNum') !== !get('CompAuxLib')) report(line, 'auxiliary_pair', 'CompAuxNum and CompAuxLib go together');
  if (!get('EcritureLet') !== !get('DateLet')) report(line, 'lettering_pair', 'EcritureLet and DateLet go together');
}

/** Entry numbers of a journal: its prefix followed by a counter that goes up by one, in file order. */
function checkNumbering(record: Record, last: Map<string, number>, report: (line: number, rule: FecRule, message: string) => void): void {
  const journal = record.get('JournalCode');
  const counter = /(\d+)$/.exec(record.get('EcritureNum'));
  if (!counter) return report(record.line, 'numbering', `EcritureNum ${record.get('EcritureNum')} does not end with a sequence number`);
  const value = Number(counter[1]);
  const previous = last.get(journal);
  if (previous !== undefined && value !== previous + 1) report(record.line, 'numbering', `EcritureNum ${record.get('EcritureNum')} breaks the sequence of journal ${journal} (after ${previous})`);
  last.set(journal, value);
}

function amountOf(value: string): Dec {
  return AMOUNT.test(value) ? new Dec(value.replace(',', '.')) : new Dec(0);
}

function isFecDate(value: string): boolean {
  return /^\d{8}$/.test(value) && isCalendarDate(isoOf(value));
}

function isoOf(value: string): string {
  return `${value.slice(0, 4)}-${value.slice(4, 6)}-${value.slice(6, 8)}`;
}
