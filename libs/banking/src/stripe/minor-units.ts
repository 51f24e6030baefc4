import { Dec } from '@comptoir/platform/kernel';

/**
 * Euros as Stripe counts them: integer cents. Decimal arithmetic only; an amount with more than two
 * decimals is a programming error, never rounded silently.
 */
export function toMinorUnits(amount: string): number {
  const cents = new Dec(amount).times(100);
  if (!cents.isInteger()) throw new Error(`${amount} has more than two decimals`);
  if (cents.abs().greaterThan(Number.MAX_SAFE_INTEGER)) throw new Error(`${amount} is beyond what Stripe can take`);
  return cents.toNumber();
}

/** Integer cents back to the API's decimal string ("1234.50"). */
export function fromMinorUnits(cents: number): string {
  if (!Number.isSafeInteger(cents)) throw new Error(`${cents} is not a whole number of cents`);
  return new Dec(cents).dividedBy(100).toFixed(2);
}
