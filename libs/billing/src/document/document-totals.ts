import { computeSchedule, computeTotals, DocumentTotals, EarlyPaymentDiscount, earlyPaymentDiscountProblems, InstallmentInput, LineInput, TermsProblem, TotalsInputError } from '@comptoir/billing-engine';
import { BusinessRuleError, ValidationFailedError } from '@comptoir/platform/kernel';
import type { SalesDocumentLineEntity } from './sales-document-line.entity';
import type { SalesDocumentEntity } from './sales-document.entity';

export function engineLine(line: SalesDocumentLineEntity): LineInput {
  return {
    kind: line.kind,
    quantity: line.quantity,
    unitPrice: line.unitPrice,
    discountPercent: line.discountPercent,
    vatRate: line.vatRate,
    vatCategory: line.vatCategory,
    vatExemptionReason: line.vatExemptionReason,
    otherTaxes: line.otherTaxes,
    depositDeduction: line.depositInvoiceId !== null,
  };
}

/** The engine's totals for the document's lines and footer; a bad number is a 400 naming the field. */
export function totalsOf(doc: Pick<SalesDocumentEntity, 'generalDiscount' | 'shipping'>, lines: SalesDocumentLineEntity[]): DocumentTotals {
  try {
    return computeTotals({ lines: lines.map(engineLine), generalDiscount: doc.generalDiscount, shipping: doc.shipping, prepaid: null });
  } catch (error) {
    if (error instanceof TotalsInputError) throw new ValidationFailedError([{ path: error.path, message: error.message }]);
    throw error;
  }
}

/**
 * Recomputes and writes on the entities: line nets, the totals columns and breakdown, the schedule
 * and (invoices, unless given) the due date. Called on every write so that lists show true totals.
 * Returns the lines whose net changed.
 */
export function applyTotals(doc: SalesDocumentEntity, lines: SalesDocumentLineEntity[], keepDueDate: boolean): SalesDocumentLineEntity[] {
  const totals = totalsOf(doc, lines);
  const changed: SalesDocumentLineEntity[] = [];
  lines.forEach((line, i) => {
    const net = totals.lines[i]?.net ?? '0.00';
    if (line.net !== net) {
      line.net = net;
      changed.push(line);
    }
  });
  doc.totals = totals;
  doc.net = totals.net;
  doc.vatTotal = totals.vatTotal;
  doc.gross = totals.gross;
  doc.prepaid = totals.prepaid;
  doc.due = totals.due;
  doc.schedule = doc.paymentTerms.length ? computeSchedule(doc.paymentTerms, { startDate: doc.date, gross: totals.gross }) : [];
  if (doc.type === 'invoice' && !keepDueDate) doc.dueDate = doc.schedule.at(-1)?.dueDate ?? doc.date;
  return changed;
}

/** The DTO's rule is one class with an optional `days`; the engine's is a union: the engine checks `days` per rule. */
export const asInstallments = (terms: readonly object[]): InstallmentInput[] => terms as InstallmentInput[];

/**
 * Rejects invalid payment terms: a malformed installment is a 400, terms that do not total 100 % a
 * 422 terms_not_100; both name the fields (`paymentTerms[1].percent`).
 */
export function assertTermsValid(problems: TermsProblem[], prefix = 'paymentTerms'): void {
  if (!problems.length) return;
  const pathOf = (path: string) => {
    const rest = path.replace(/^installments/, '');
    return rest.startsWith(prefix) ? rest : `${prefix}${rest && !rest.startsWith('[') ? '.' : ''}${rest}`;
  };
  const invalid = problems.filter((p) => p.code === 'invalid_installment');
  if (invalid.length) throw new ValidationFailedError(invalid.map((p) => ({ path: pathOf(p.path), message: p.message })), 'The payment terms are invalid');
  throw new BusinessRuleError('terms_not_100', 'The payment terms must total 100 %', problems.map((p) => ({ path: pathOf(p.path), message: p.message })));
}

/** An early-payment discount the engine refuses (0 %, days out of range…) is a 400 naming the field. */
export function assertEarlyPaymentDiscountValid(discount: EarlyPaymentDiscount): void {
  const problems = earlyPaymentDiscountProblems(discount);
  if (problems.length) throw new ValidationFailedError(problems.map((p) => ({ path: p.path, message: p.message })), 'The early-payment discount is invalid');
}
