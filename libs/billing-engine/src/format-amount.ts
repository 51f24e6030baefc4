import { isDecimalString, toFixedString, Dec } from './decimal';

/**
 * Canonical wire form of a decimal string: exactly `scale` decimals (2 for amounts, 4 for unit prices and
 * quantities, API.md "Numbers and enums"), rounded half away from zero. Throws a RangeError on anything that
 * is not a plain decimal string.
 */
export function formatAmount(value: string, scale: 2 | 4): string {
  if (!isDecimalString(value, 40)) throw new RangeError(`not a decimal number: ${JSON.stringify(value)}`);
  return toFixedString(new Dec(value), scale);
}
