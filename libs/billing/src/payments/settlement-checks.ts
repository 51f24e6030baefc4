import { closedUntil, assertOpenUntil } from '@comptoir/ledger-lock';
import { companyCalendar } from '@comptoir/org';
import { TenantTx } from '@comptoir/platform/database';
import { BusinessRuleError, ConflictError, Dec, DomainError, ValidationFailedError } from '@comptoir/platform/kernel';
import { AllocationProblem, worstCode } from './allocation-rules';

/**
 * The date of a payment, a cancellation or an allocation: not in the company's future, not before the
 * record it follows (`notBefore`: the payment, the credit note), and not in a closed period (409
 * period_closed, the ledger's rule). Returns the date, or today when none was given.
 */
export async function settlementDate(tx: TenantTx, date: string | undefined, opts: { path: string; notBefore?: { date: string; what: string } }): Promise<string> {
  const { today } = await companyCalendar(tx);
  const at = date ?? today;
  if (at > today) throw new ConflictError('date_in_future', `The date ${at} is after today (${today})`, [{ path: opts.path, message: `${opts.path} must not be after ${today}` }]);
  if (opts.notBefore && at < opts.notBefore.date) {
    throw new BusinessRuleError('date_before_source', `The date ${at} is before ${opts.notBefore.what} (${opts.notBefore.date})`, [{ path: opts.path, message: `${opts.path} must be on or after ${opts.notBefore.date}` }]);
  }
  assertOpenUntil(at, await closedUntil(tx));
  return at;
}

/** An amount of a payment must be more than 0 (the DTO already checked the format and 2 decimals). */
export function assertPositive(amount: string, path: string): void {
  if (!new Dec(amount).gt(0)) throw new ValidationFailedError([{ path, message: `${path} must be more than 0` }]);
}

/** Raises the allocation problems, if any, as ONE problem: 404 when an invoice is unknown (or another tenant's), else 422 under the worst code. */
export function throwIfProblems(problems: AllocationProblem[]): void {
  if (!problems.length) return;
  const code = worstCode(problems);
  const errors = problems.map(({ path, message }) => ({ path, message }));
  if (code === 'not_found') throw new DomainError('not_found', 404, 'Invoice not found', errors);
  const titles: Record<string, string> = {
    invoice_not_payable: 'An invoice cannot receive this payment',
    allocation_exceeds_balance: 'An allocation is more than the balance due of its invoice',
    allocation_exceeds_payment: 'The allocations add up to more than is available',
  };
  throw new BusinessRuleError(code, titles[code]!, errors);
}
