import { Dec, HUNDRED, round2, sum, toFixedString } from '../decimal';
import type { DocumentAmount } from './document-amount';
import { spreadByLargestRemainder } from './largest-remainder';
import type { ParsedGeneralDiscount } from './parse-document';
import { TotalsInputError } from './totals-input-error';
import { vatAmount, type VatGroupTotal } from './vat-group';

/** UNCL5189 "95": discount. */
const DISCOUNT = { reason: 'Remise', reasonCode: '95' } as const;

/**
 * The general discount as one allowance per VAT group (BG-20 needs a VAT rate on each allowance).
 * It applies to the line nets of the groups whose line net is positive — not to charges (shipping and
 * eco-contributions are passed on in full), and a discount never increases what a return refunds.
 * `lineGroups` are the line nets per VAT group, in BG-23 order.
 */
export function generalDiscountAllowances(discount: ParsedGeneralDiscount, lineGroups: readonly VatGroupTotal[]): DocumentAmount[] {
  if (discount.value.isZero()) return [];
  const groups = lineGroups.filter((group) => group.amount.gt(0));
  const allowances = discount.base === 'net' ? netAllowances(discount, groups) : grossAllowances(discount, groups);
  return allowances.filter((allowance) => !allowance.amount.isZero());
}

/** Percent: round2(group net × p / 100) each; amount: spread pro rata of the group nets, to the cent. */
function netAllowances(discount: ParsedGeneralDiscount, groups: readonly VatGroupTotal[]): DocumentAmount[] {
  if (discount.mode === 'percent') {
    return groups.map((group) => ({
      ...DISCOUNT,
      amount: round2(group.amount.times(discount.value).dividedBy(HUNDRED)),
      vat: group.vat,
      baseAmount: group.amount,
      percent: discount.value,
    }));
  }
  const nets = groups.map((group) => group.amount);
  assertWithin(discount.value, sum(nets), 'net');
  const shares = spreadByLargestRemainder(discount.value, nets);
  return groups.map((group, i) => ({ ...DISCOUNT, amount: shares[i]!, vat: group.vat }));
}

/**
 * A discount on the gross total: each group's share of it is a GROSS amount (see grossDiscountShares);
 * the allowance booked in the group is that share without its VAT, round2(share / (1 + rate / 100)).
 * Rounding the net and then the group's VAT again means the document gross can come out up to one cent
 * per VAT group away from "gross before discount − discount" (docs/adr/0004-billing-engine.md).
 */
function grossAllowances(discount: ParsedGeneralDiscount, groups: readonly VatGroupTotal[]): DocumentAmount[] {
  const shares = grossDiscountShares(discount, groups);
  return groups.map((group, i) => ({
    ...DISCOUNT,
    amount: round2(shares[i]!.dividedBy(group.vat.rate.dividedBy(HUNDRED).plus(1))),
    vat: group.vat,
  }));
}

/**
 * Each group's share of a discount on the gross total, as gross amounts. Group gross = line net + its VAT.
 * Percent: round2(group gross × p / 100) each. Amount: spread pro rata of the group grosses by the
 * largest-remainder rule, so the shares add up to the discount exactly (API.md "Numbers and enums").
 */
export function grossDiscountShares(discount: ParsedGeneralDiscount, groups: readonly VatGroupTotal[]): Dec[] {
  const grosses = groups.map((group) => group.amount.plus(vatAmount(group.vat, group.amount)));
  if (discount.mode === 'percent') return grosses.map((gross) => round2(gross.times(discount.value).dividedBy(HUNDRED)));
  assertWithin(discount.value, sum(grosses), 'gross');
  return spreadByLargestRemainder(discount.value, grosses);
}

/** An amount discount larger than what it applies to is refused, not clamped: it is a typing error. */
function assertWithin(amount: Dec, discountable: Dec, base: 'net' | 'gross'): void {
  if (amount.gt(discountable)) {
    throw new TotalsInputError('generalDiscount.value', `must not exceed the discountable ${base} total ${toFixedString(discountable, 2)}`);
  }
}
