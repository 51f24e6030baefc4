import { Dec, HUNDRED, isDecimalString, round2, toFixedString, ZERO } from '../decimal';
import { formatIsoDate, parseIsoDate } from './calendar-date';
import { dueDateFrom } from './due-date';
import { PaymentTermsError } from './payment-terms-error';
import type { InstallmentInput, ScheduledInstallment } from './terms.types';
import { validatePaymentTerms } from './validate-payment-terms';

/**
 * Due dates and amounts of the installments of a document of `gross` starting on `startDate`.
 * Each rule applies to the previous installment's due date, the first to the start date. Each amount is
 * round2(gross × percent / 100) and the last takes the remainder, so the amounts add up to gross exactly.
 * A negative gross (a draft holding only returns) is split like its absolute value, every amount negated.
 * Throws PaymentTermsError on invalid terms and a RangeError on an invalid date or gross.
 */
export function computeSchedule(installments: InstallmentInput[], opts: { startDate: string; gross: string }): ScheduledInstallment[] {
  const problems = validatePaymentTerms(installments);
  if (problems.length > 0) throw new PaymentTermsError(problems);
  let base = parseIsoDate(opts.startDate);
  const gross = parseGross(opts.gross);
  const sign = gross.isNegative() ? -1 : 1;
  const magnitude = gross.abs();
  let allotted = ZERO;
  return installments.map((installment, index) => {
    base = dueDateFrom(base, installment.rule);
    const amount = index === installments.length - 1 ? magnitude.minus(allotted) : share(magnitude, installment.percent, allotted);
    allotted = allotted.plus(amount);
    return {
      index,
      dueDate: formatIsoDate(base),
      percent: toFixedString(new Dec(installment.percent), 2),
      amount: toFixedString(amount.times(sign), 2),
      kind: installment.kind,
      ...(installment.method !== undefined ? { method: installment.method } : {}),
      ...(installment.label !== undefined ? { label: installment.label } : {}),
    };
  });
}

/**
 * round2(gross × percent / 100), but never more than what is left: with many installments and a gross of a
 * few cents, rounding every share up could otherwise leave the last installment negative.
 */
function share(gross: Dec, percent: string, allotted: Dec): Dec {
  return Dec.min(round2(gross.times(percent).dividedBy(HUNDRED)), gross.minus(allotted));
}

function parseGross(value: string): Dec {
  if (!isDecimalString(value, 2)) throw new RangeError(`gross must be a decimal string with at most 2 decimals: ${JSON.stringify(value)}`);
  return new Dec(value);
}
