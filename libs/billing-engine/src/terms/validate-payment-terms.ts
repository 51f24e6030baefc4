import { Dec, HUNDRED, isDecimalString, sum } from '../decimal';
import type { EarlyPaymentDiscount, InstallmentInput, InstallmentRule, TermsProblem } from './terms.types';

export const RULE_TYPES: readonly InstallmentRule['type'][] = ['on_order', 'days', 'days_end_of_month', 'end_of_month_plus_days'];
/** Ten years: beyond that a "payment term" is a typing error. */
export const MAX_TERM_DAYS = 3650;

/**
 * Problems of a payment terms list, [] when it is valid: at least one installment, each well-formed
 * (percent > 0 and ≤ 100 with at most 2 decimals, days an integer 0..3650), percents totalling exactly 100;
 * and of the early-payment discount option when given (see earlyPaymentDiscountProblems).
 * Checked at run time field by field: the list may come from a form or a JSON body.
 */
export function validatePaymentTerms(installments: InstallmentInput[], earlyPaymentDiscount?: EarlyPaymentDiscount | null): TermsProblem[] {
  const discountProblems = earlyPaymentDiscount == null ? [] : earlyPaymentDiscountProblems(earlyPaymentDiscount);
  return [...validateInstallments(installments), ...discountProblems];
}

/**
 * Problems of an early-payment discount: percent a decimal string with at most 2 decimals, 0 < p ≤ 100;
 * withinDays an integer from 0 (paid on the invoice date) to 3650. Paths start with `earlyPaymentDiscount`.
 */
export function earlyPaymentDiscountProblems(value: unknown): TermsProblem[] {
  const path = 'earlyPaymentDiscount';
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return [invalid(path, 'must be an object')];
  const discount = value as Record<string, unknown>;
  const problems: TermsProblem[] = [];
  const percent = discount['percent'];
  if (!isDecimalString(percent, 2) || !new Dec(percent).gt(0) || new Dec(percent).gt(HUNDRED)) {
    problems.push(invalid(`${path}.percent`, 'must be a decimal string greater than 0 and at most 100, with at most 2 decimals'));
  }
  const days = discount['withinDays'];
  if (typeof days !== 'number' || !Number.isInteger(days) || days < 0 || days > MAX_TERM_DAYS) {
    problems.push(invalid(`${path}.withinDays`, `must be an integer from 0 to ${MAX_TERM_DAYS}`));
  }
  return problems;
}

function validateInstallments(installments: InstallmentInput[]): TermsProblem[] {
  if (!Array.isArray(installments) || installments.length === 0) {
    return [{ path: 'installments', code: 'terms_not_100', message: 'at least one installment is required' }];
  }
  const problems = installments.flatMap((installment, i) => installmentProblems(installment, `installments[${i}]`));
  if (problems.length > 0) return problems;
  const total = sum(installments.map((installment) => new Dec(installment.percent)));
  if (!total.eq(HUNDRED)) {
    return [{ path: 'installments', code: 'terms_not_100', message: `percents total ${total.toString()}, not 100` }];
  }
  return [];
}

function installmentProblems(value: unknown, path: string): TermsProblem[] {
  if (typeof value !== 'object' || value === null) return [invalid(path, 'must be an object')];
  const installment = value as Record<string, unknown>;
  const problems: TermsProblem[] = [];
  const percent = installment['percent'];
  if (!isDecimalString(percent, 2) || !new Dec(percent).gt(0) || new Dec(percent).gt(HUNDRED)) {
    problems.push(invalid(`${path}.percent`, 'must be a decimal string greater than 0 and at most 100, with at most 2 decimals'));
  }
  if (installment['kind'] !== 'deposit' && installment['kind'] !== 'payment') problems.push(invalid(`${path}.kind`, 'must be deposit or payment'));
  problems.push(...ruleProblems(installment['rule'], `${path}.rule`));
  for (const field of ['method', 'label'] as const) {
    const text = installment[field];
    if (text !== undefined && text !== null && typeof text !== 'string') problems.push(invalid(`${path}.${field}`, 'must be a string'));
  }
  return problems;
}

function ruleProblems(value: unknown, path: string): TermsProblem[] {
  if (typeof value !== 'object' || value === null) return [invalid(path, 'must be an object')];
  const rule = value as Record<string, unknown>;
  if (!RULE_TYPES.includes(rule['type'] as InstallmentRule['type'])) return [invalid(`${path}.type`, `must be one of ${RULE_TYPES.join(', ')}`)];
  if (rule['type'] === 'on_order') return [];
  const days = rule['days'];
  if (typeof days !== 'number' || !Number.isInteger(days) || days < 0 || days > MAX_TERM_DAYS) {
    return [invalid(`${path}.days`, `must be an integer from 0 to ${MAX_TERM_DAYS}`)];
  }
  return [];
}

function invalid(path: string, message: string): TermsProblem {
  return { path, message, code: 'invalid_installment' };
}
