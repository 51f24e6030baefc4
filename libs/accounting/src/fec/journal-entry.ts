import { Dec } from '@comptoir/platform/kernel';

export interface LedgerAccount {
  /** CompteNum: general-ledger account, its first three characters digits of the French chart (PCG). */
  num: string;
  /** CompteLib */
  label: string;
}

export interface AuxiliaryAccount {
  num: string;
  label: string;
}

export interface Lettering {
  code: string;
  /** YYYY-MM-DD */
  date: string;
}

export interface EntryLine {
  account: LedgerAccount;
  aux: AuxiliaryAccount | null;
  debit: Dec;
  credit: Dec;
  lettering: Lettering | null;
}

/** What an entry (one EcritureNum) shares across its lines. */
export interface EntryHeader {
  /** EcritureDate, YYYY-MM-DD */
  date: string;
  /** PieceRef */
  pieceRef: string;
  /** PieceDate, YYYY-MM-DD */
  pieceDate: string;
  /** EcritureLib */
  label: string;
  /** ValidDate, YYYY-MM-DD */
  validDate: string;
}

export interface JournalEntry extends EntryHeader {
  lines: EntryLine[];
}

/** Decimal values are immutable: one zero serves every line. */
const ZERO = new Dec(0);

export class UnbalancedEntryError extends Error {
  constructor(pieceRef: string, debit: Dec, credit: Dec) {
    super(`Entry ${pieceRef} does not balance: debit ${debit.toFixed(2)} ≠ credit ${credit.toFixed(2)}`);
  }
}

interface LineOptions {
  aux?: AuxiliaryAccount | null;
  lettering?: Lettering | null;
}

/**
 * Collects the movements of one entry and only ever hands back a balanced one: `build()` throws when
 * debits and credits differ, so no caller can write an unbalanced EcritureNum. A negative amount goes
 * to the other side (a credit note's negative line, a reversal), and zero movements are dropped (a
 * FEC line carries exactly one non-zero amount).
 */
export class EntryBuilder {
  private readonly lines: EntryLine[] = [];

  constructor(private readonly header: EntryHeader) {}

  debit(account: LedgerAccount, amount: Dec, options: LineOptions = {}): this {
    return this.move(account, amount, options);
  }

  credit(account: LedgerAccount, amount: Dec, options: LineOptions = {}): this {
    return this.move(account, amount.negated(), options);
  }

  /** Debit minus credit so far. */
  balance(): Dec {
    return this.lines.reduce((total, line) => total.plus(line.debit).minus(line.credit), ZERO);
  }

  build(): JournalEntry {
    const debit = this.lines.reduce((total, line) => total.plus(line.debit), ZERO);
    const credit = this.lines.reduce((total, line) => total.plus(line.credit), ZERO);
    if (!debit.eq(credit)) throw new UnbalancedEntryError(this.header.pieceRef, debit, credit);
    return { ...this.header, lines: [...this.lines] };
  }

  /** `signed` > 0 is a debit, < 0 a credit. */
  private move(account: LedgerAccount, signed: Dec, { aux = null, lettering = null }: LineOptions): this {
    if (signed.isZero()) return this;
    const debit = signed.isPositive();
    this.lines.push({ account, aux, lettering, debit: debit ? signed : ZERO, credit: debit ? ZERO : signed.negated() });
    return this;
  }
}

/** The same entry with debits and credits swapped: a credit note, a cancelled payment. */
export function mirrored(entry: JournalEntry): JournalEntry {
  return { ...entry, lines: entry.lines.map((line) => ({ ...line, debit: line.credit, credit: line.debit })) };
}
