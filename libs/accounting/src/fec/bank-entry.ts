import { Dec } from '@comptoir/platform/kernel';
import type { AccountPlan } from './account-plan';
import { AuxiliaryAccount, EntryBuilder, JournalEntry, LedgerAccount, Lettering } from './journal-entry';
import { proRataCents } from './pro-rata';
import type { VatPosting } from './sales-entry';

/**
 * What happened on the bank side, dated: a payment received (`in`) or a refund paid (`out`), its
 * cancellation (a reversing entry on the cancellation date), or customer credit applied to invoices
 * later than the payment (only VAT moves, on the receipts regime).
 */
export type BankEvent = 'payment' | 'cancellation' | 'allocation';

export interface BankMovement {
  event: BankEvent;
  direction: 'in' | 'out';
  /** EcritureDate: the payment date, the cancellation date or the allocation date. */
  date: string;
  validDate: string;
  pieceRef: string;
  /** The payment's own date. */
  pieceDate: string;
  amount: string;
  bank: LedgerAccount;
  customer: AuxiliaryAccount;
  /** Numbers of the invoices it settles (label only). */
  invoiceNumbers: string[];
  /** Parts of an incoming payment that settle a fully paid invoice: lettered with that invoice. */
  lettered: { amount: string; lettering: Lettering }[];
  /** Pending VAT that becomes due (positive) or pending again (negative, a cancellation), per rate. */
  vatMoves: { rate: string; amount: Dec }[];
}

/**
 * The bank-journal entry of a movement: bank against the customer (each lettered part of the customer
 * line on its own line, so the letter matches the invoice it settles), plus the VAT on receipts moved
 * from the pending account to the collected one of its rate. Null when there is nothing to post.
 */
export function bankEntry(m: BankMovement, plan: AccountPlan): JournalEntry | null {
  const entry = new EntryBuilder({ date: m.date, pieceRef: m.pieceRef, pieceDate: m.pieceDate, label: bankLabel(m), validDate: m.validDate });
  const amount = new Dec(m.amount);
  const customers = plan.customers();
  if (m.event === 'payment' && m.direction === 'in') {
    entry.debit(m.bank, amount);
    let rest = amount;
    for (const part of m.lettered) {
      entry.credit(customers, new Dec(part.amount), { aux: m.customer, lettering: part.lettering });
      rest = rest.minus(part.amount);
    }
    entry.credit(customers, rest, { aux: m.customer });
  } else if (m.event !== 'allocation') {
    // A refund leaves the bank; cancelling a receipt takes it back out; cancelling a refund brings it back.
    const outflow = (m.direction === 'out') === (m.event === 'payment');
    entry.debit(customers, outflow ? amount : amount.negated(), { aux: m.customer });
    entry.credit(m.bank, outflow ? amount : amount.negated());
  }
  for (const move of m.vatMoves) {
    entry.debit(plan.vatPending(), move.amount);
    entry.credit(plan.vatCollected(move.rate), move.amount);
  }
  const built = entry.build();
  return built.lines.length ? built : null;
}

/**
 * The pending VAT of an invoice that a settlement makes due, per rate: the VAT in the part of the
 * gross paid so far, minus what earlier settlements already moved. Rounding the cumulative share
 * (never each payment alone) moves exactly the whole pending VAT once the invoice is paid, and a
 * cancellation (a negative settlement) moves back exactly what it had moved.
 */
export function vatOnReceipt(pending: VatPosting[], gross: Dec, paidBefore: Dec, paidAfter: Dec): { rate: string; amount: Dec }[] {
  return pending
    .filter((p) => p.pending)
    .map((p) => ({ rate: p.rate, amount: proRataCents(p.amount, paidAfter, gross).minus(proRataCents(p.amount, paidBefore, gross)) }))
    .filter((move) => !move.amount.isZero());
}

function bankLabel(m: BankMovement): string {
  const invoices = m.invoiceNumbers.length ? ` ${m.invoiceNumbers.slice(0, 5).join(' ')}${m.invoiceNumbers.length > 5 ? ' …' : ''}` : '';
  if (m.event === 'allocation') return `TVA sur encaissement${invoices} ${m.customer.label}`;
  const what = m.direction === 'in' ? 'Règlement' : 'Remboursement';
  return `${m.event === 'cancellation' ? `Annulation ${what.toLowerCase()}` : what}${invoices} ${m.customer.label}`;
}
