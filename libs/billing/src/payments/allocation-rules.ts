import { Dec, FieldError } from '@comptoir/platform/kernel';
import type { SettlementDocument } from './settlement-ledger';

/** A requested allocation to an invoice: `amount` a positive decimal string. */
export interface RequestedAllocation {
  invoiceId: string;
  amount: string;
}

/** The codes of the problems an allocation request can have, worst first (the problem takes the first one found). */
export const ALLOCATION_CODES = ['not_found', 'invoice_not_payable', 'allocation_exceeds_balance', 'allocation_exceeds_payment'] as const;
export type AllocationCode = (typeof ALLOCATION_CODES)[number];

export interface AllocationProblem extends FieldError {
  code: AllocationCode;
}

/** Who pays and what is available: the invoices must be this customer's, in this currency. */
export interface AllocationContext {
  accountId: string;
  currency: string;
  /** What the source can still give: the payment's amount or unallocated credit, the credit note's remaining credit. */
  available: string;
  /** Wording of the source in messages: "the payment", "the customer credit", "the credit note". */
  sourceLabel: string;
  /** The field that holds the allocations: `allocations`. */
  path: string;
}

/** Why an invoice cannot receive money, or null when it can: a validated invoice or deposit invoice of the payer, in its currency. */
export function notPayableReason(doc: SettlementDocument, ctx: Pick<AllocationContext, 'accountId' | 'currency'>): string | null {
  if (doc.type !== 'invoice' || doc.kind === 'credit_note') return 'only an invoice or a deposit invoice can be paid (a credit note gives credit, it is not paid)';
  if (doc.status !== 'validated' && doc.status !== 'done') return `the invoice is ${doc.status}: only a validated invoice can be paid`;
  if (doc.testMode || doc.balanceDue === null) return 'a TEST-mode invoice is never paid';
  if (doc.accountId !== ctx.accountId) return 'the invoice belongs to another customer';
  if (doc.currency !== ctx.currency) return `the invoice is in ${doc.currency}, the payment in ${ctx.currency}`;
  return null;
}

/**
 * Every problem of a set of allocations, each naming its field: unknown invoices, invoices that cannot
 * be paid, more than an invoice's balance due (allocations to the same invoice add up), more in total
 * than the source can give. Pure: the caller has locked and loaded the invoices.
 */
export function allocationProblems(allocations: RequestedAllocation[], invoices: Map<string, SettlementDocument>, ctx: AllocationContext): AllocationProblem[] {
  const problems: AllocationProblem[] = [];
  const taken = new Map<string, Dec>();
  let total = new Dec(0);
  allocations.forEach((allocation, i) => {
    const at = `${ctx.path}[${i}]`;
    const amount = new Dec(allocation.amount);
    total = total.plus(amount);
    if (amount.lte(0)) {
      problems.push({ code: 'invoice_not_payable', path: `${at}.amount`, message: 'An allocation must be more than 0' });
      return;
    }
    const invoice = invoices.get(allocation.invoiceId);
    if (!invoice) {
      problems.push({ code: 'not_found', path: `${at}.invoiceId`, message: `Invoice ${allocation.invoiceId} not found` });
      return;
    }
    const reason = notPayableReason(invoice, ctx);
    if (reason) {
      problems.push({ code: 'invoice_not_payable', path: `${at}.invoiceId`, message: `${invoice.number ?? invoice.id}: ${reason}` });
      return;
    }
    const sum = (taken.get(invoice.id) ?? new Dec(0)).plus(amount);
    taken.set(invoice.id, sum);
    if (sum.gt(invoice.balanceDue!)) {
      problems.push({ code: 'allocation_exceeds_balance', path: `${at}.amount`, message: `${invoice.number}: ${sum.toFixed(2)} is more than its balance due of ${new Dec(invoice.balanceDue!).toFixed(2)}` });
    }
  });
  if (total.gt(ctx.available)) {
    problems.push({ code: 'allocation_exceeds_payment', path: ctx.path, message: `The allocations total ${total.toFixed(2)}, more than the ${new Dec(ctx.available).toFixed(2)} of ${ctx.sourceLabel}` });
  }
  return problems;
}

/** The code a set of problems is reported under: the worst one. */
export function worstCode(problems: AllocationProblem[]): AllocationCode {
  return ALLOCATION_CODES.find((code) => problems.some((p) => p.code === code))!;
}

/** Sum of decimal strings, as a decimal string with 2 decimals. */
export function sumAmounts(amounts: string[]): string {
  return amounts.reduce((sum, a) => sum.plus(a), new Dec(0)).toFixed(2);
}
