import { Dec } from '@comptoir/platform/kernel';

/** One VAT rate of an invoice (BG-23): its taxable base and tax, decimal strings. */
export interface VatShare {
  rate: string;
  base: string;
  amount: string;
}

export interface CashPerRate {
  rate: string;
  /** Cash received on that rate, VAT included. */
  received: string;
  /** The VAT inside it: received × rate / (100 + rate). */
  vat: string;
}

/**
 * Splits cash received on an invoice across its VAT rates in proportion to each rate's gross (base +
 * VAT), the way VAT on receipts is due: cent-exact, the rounding cents going to the largest remainders
 * so the shares always add up to what was received. Rates that appear twice (several categories at one
 * rate) are merged first.
 */
export function splitByVatRate(received: string, breakdown: readonly VatShare[]): CashPerRate[] {
  const grossByRate = new Map<string, Dec>();
  for (const line of breakdown) {
    const rate = new Dec(line.rate).toFixed(2);
    grossByRate.set(rate, (grossByRate.get(rate) ?? new Dec(0)).plus(line.base).plus(line.amount));
  }
  const rates = [...grossByRate.entries()].filter(([, gross]) => !gross.isZero());
  const total = rates.reduce((sum, [, gross]) => sum.plus(gross), new Dec(0));
  if (!rates.length || total.isZero()) return [];
  const cash = new Dec(received);
  const exact = rates.map(([rate, gross]) => ({ rate, exact: cash.times(gross).dividedBy(total) }));
  const shares = exact.map((s) => ({ ...s, cents: s.exact.toDecimalPlaces(2, Dec.ROUND_DOWN) }));
  let leftover = cash.minus(shares.reduce((sum, s) => sum.plus(s.cents), new Dec(0)));
  const byRemainder = [...shares].sort((a, b) => b.exact.minus(b.cents).abs().comparedTo(a.exact.minus(a.cents).abs()) || a.rate.localeCompare(b.rate));
  // Truncation goes towards zero: a negative amount (a reversed payment) gets its cents back negative.
  const cent = new Dec(leftover.isNegative() ? '-0.01' : '0.01');
  for (const share of byRemainder) {
    if (leftover.isZero()) break;
    share.cents = share.cents.plus(cent);
    leftover = leftover.minus(cent);
  }
  return shares.map((s) => ({ rate: s.rate, received: s.cents.toFixed(2), vat: s.cents.times(s.rate).dividedBy(new Dec(100).plus(s.rate)).toDecimalPlaces(2, Dec.ROUND_HALF_UP).toFixed(2) }));
}
