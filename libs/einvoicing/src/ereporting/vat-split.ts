import { spreadByLargestRemainder } from '@comptoir/billing-engine';
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
 * VAT), the way VAT on receipts is due: cent-exact by the totals engine's largest-remainder rule, so the
 * shares always add up to what was received. Rates that appear twice (several categories at one rate)
 * are merged first.
 */
export function splitByVatRate(received: string, breakdown: readonly VatShare[]): CashPerRate[] {
  const grossByRate = new Map<string, Dec>();
  for (const line of breakdown) {
    const rate = new Dec(line.rate).toFixed(2);
    grossByRate.set(rate, (grossByRate.get(rate) ?? new Dec(0)).plus(line.base).plus(line.amount));
  }
  const rates = [...grossByRate.entries()].filter(([, gross]) => !gross.isZero());
  if (!rates.length || rates.reduce((sum, [, gross]) => sum.plus(gross), new Dec(0)).isZero()) return [];
  const shares = spreadByLargestRemainder(new Dec(received), rates.map(([, gross]) => gross));
  return rates.map(([rate], i) => {
    const cash = shares[i]!;
    return { rate, received: cash.toFixed(2), vat: cash.times(rate).dividedBy(new Dec(100).plus(rate)).toDecimalPlaces(2, Dec.ROUND_HALF_UP).toFixed(2) };
  });
}
