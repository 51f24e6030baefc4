import { Dec, HUNDRED, round2 } from '../decimal';
import type { DocumentAmount } from './document-amount';
import type { ParsedDocument, ParsedItemLine } from './parse-document';

/** UNCL7161 "FC": freight charges. */
const SHIPPING = { reason: 'Frais de port', reasonCode: 'FC' } as const;

/**
 * A line's other taxes (eco-contribution…) as document-level charges, each with its own VAT: EN 16931 has
 * no line-level tax besides VAT, and these taxes are not discounted (general discounts apply to line nets).
 * A return line (negative quantity) gives a negative charge, so the tax is refunded with the goods.
 */
export function otherTaxCharges(line: ParsedItemLine, lineNet: Dec): DocumentAmount[] {
  return line.otherTaxes.map((tax) =>
    tax.mode === 'fixed'
      ? { reason: tax.label, amount: round2(tax.value.times(line.quantity)), vat: tax.vat }
      : {
          reason: tax.label,
          amount: round2(lineNet.times(tax.value).dividedBy(HUNDRED)),
          vat: tax.vat,
          baseAmount: lineNet,
          percent: tax.value,
        },
  );
}

export function shippingCharge(shipping: NonNullable<ParsedDocument['shipping']>): DocumentAmount {
  return { ...SHIPPING, amount: shipping.amount, vat: shipping.vat };
}
