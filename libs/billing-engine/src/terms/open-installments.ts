import { Dec, ZERO, toFixedString } from '../decimal';

export interface InstallmentAmount {
  dueDate: string;
  amount: string;
}

export interface OpenInstallment {
  /** Position in the schedule (0 for the single installment of an invoice without terms). */
  index: number;
  dueDate: string;
  /** What the installment asks for. */
  amount: string;
  /** What is still to be received on it. */
  open: string;
}

/**
 * What remains open on each installment of an invoice once `settled` (payments and credit notes
 * allocated to it) has been received. Settlements pay the oldest installment first, as a bookkeeper
 * letters them; an invoice without a schedule is one installment for its whole amount due on its due
 * date. A negative `settled` (a reversed payment larger than the rest) is read as nothing received,
 * and an overpayment leaves every installment closed. Ageing, dunning, SEPA collections and the
 * cash-flow forecast all read the installments this way; the aged-receivables SQL mirrors it.
 */
export function openInstallments(schedule: readonly InstallmentAmount[], whole: InstallmentAmount, settled: string): OpenInstallment[] {
  const installments = schedule.length > 0 ? schedule : [whole];
  let remaining = Dec.max(new Dec(settled), ZERO);
  return installments.map((installment, index) => {
    const amount = new Dec(installment.amount);
    const covered = Dec.min(remaining, Dec.max(amount, ZERO));
    remaining = remaining.minus(covered);
    return { index, dueDate: installment.dueDate, amount: toFixedString(amount, 2), open: toFixedString(amount.minus(covered), 2) };
  });
}
