import { Dec, HUNDRED, round2, sum, toFixedString, toPercentString, ZERO } from '../decimal';
import { otherTaxCharges, shippingCharge } from './charges';
import type { DocumentAmount } from './document-amount';
import { generalDiscountAllowances } from './general-discount';
import { parseDocument, type ParsedItemLine } from './parse-document';
import type { AllowanceCharge, DocumentInput, DocumentTotals } from './totals.types';
import { totalsByVatGroup, vatAmount, type VatGroupEntry } from './vat-group';

/**
 * EN 16931 totals of a sales document, identical in the API and in the SPA's live preview.
 * Throws TotalsInputError ({ path, message }) on an invalid field.
 */
export function computeTotals(input: DocumentInput): DocumentTotals {
  const doc = parseDocument(input);
  const lineNets: Dec[] = Array.from({ length: doc.lineCount }, () => ZERO);
  const lineEntries: (VatGroupEntry & { depositDeduction: boolean })[] = doc.items.map((line) => {
    lineNets[line.index] = lineNet(line);
    return { vat: line.vat, amount: lineNets[line.index]!, exemptionReason: line.exemptionReason, depositDeduction: line.depositDeduction };
  });
  const sold = lineEntries.filter((entry) => !entry.depositDeduction);

  const charges = doc.items.flatMap((line) => otherTaxCharges(line, lineNets[line.index]!));
  if (doc.shipping) charges.push(shippingCharge(doc.shipping));
  const allowances = doc.generalDiscount ? generalDiscountAllowances(doc.generalDiscount, totalsByVatGroup(sold)) : [];

  // BR-S-08 and siblings: group base = Σ line nets + Σ charges − Σ allowances of the group.
  const groups = totalsByVatGroup([
    ...lineEntries,
    ...charges,
    ...allowances.map((allowance) => ({ vat: allowance.vat, amount: allowance.amount.negated() })),
  ]);
  const vat = groups.map((group) => ({ ...group, vatAmount: vatAmount(group.vat, group.amount) }));

  const lineNetTotal = sum(lineNets);
  const allowanceTotal = sum(allowances.map((allowance) => allowance.amount));
  const chargeTotal = sum(charges.map((charge) => charge.amount));
  const net = lineNetTotal.minus(allowanceTotal).plus(chargeTotal);
  const vatTotal = sum(vat.map((group) => group.vatAmount));
  const gross = net.plus(vatTotal);
  return {
    lines: lineNets.map((value) => ({ net: money(value) })),
    lineNetTotal: money(lineNetTotal),
    allowances: allowances.map(toAllowanceCharge),
    charges: charges.map(toAllowanceCharge),
    allowanceTotal: money(allowanceTotal),
    chargeTotal: money(chargeTotal),
    net: money(net),
    vat: vat.map((group) => ({
      category: group.vat.category,
      rate: money(group.vat.rate),
      base: money(group.amount),
      amount: money(group.vatAmount),
      exemptionReason: group.exemptionReason,
    })),
    vatTotal: money(vatTotal),
    gross: money(gross),
    deposits: money(depositsDeducted(lineEntries)),
    prepaid: money(doc.prepaid),
    due: money(gross.minus(doc.prepaid)),
  };
}

/** Line net (BT-131) = round2(quantity × unit price × (1 − discount / 100)), half away from zero. */
function lineNet(line: ParsedItemLine): Dec {
  return round2(line.quantity.times(line.unitPrice).times(HUNDRED.minus(line.discountPercent)).dividedBy(HUNDRED));
}

/** Minus the gross of the deposit deduction lines, each line's VAT computed as its group's would be. */
function depositsDeducted(entries: readonly (VatGroupEntry & { depositDeduction: boolean })[]): Dec {
  return sum(entries.filter((entry) => entry.depositDeduction).map((entry) => entry.amount.plus(vatAmount(entry.vat, entry.amount)))).negated();
}

function money(value: Dec): string {
  return toFixedString(value, 2);
}

function toAllowanceCharge(amount: DocumentAmount): AllowanceCharge {
  return {
    reason: amount.reason,
    ...(amount.reasonCode ? { reasonCode: amount.reasonCode } : {}),
    amount: money(amount.amount),
    vatRate: money(amount.vat.rate),
    vatCategory: amount.vat.category,
    ...(amount.baseAmount ? { baseAmount: money(amount.baseAmount) } : {}),
    ...(amount.percent ? { percent: toPercentString(amount.percent) } : {}),
  };
}
