import Decimal from 'decimal.js';

/**
 * decimal.js constructor of the engine: 40 significant digits (far beyond 15 integer + 8 fractional digits of
 * any product computed here) and half-up rounding, which decimal.js defines as half AWAY FROM ZERO — the
 * commercial rounding EN 16931 examples use, symmetric for negative (return) lines. A clone, so the global
 * Decimal settings of whoever bundles this lib are never changed.
 */
export const Dec = Decimal.clone({ precision: 40, rounding: Decimal.ROUND_HALF_UP });
export type Dec = Decimal;

export const ZERO = new Dec(0);
export const HUNDRED = new Dec(100);

/** Rounds to the cent, half away from zero. */
export function round2(value: Decimal): Decimal {
  return value.toDecimalPlaces(2, Dec.ROUND_HALF_UP);
}

/** Fixed-scale string without the "-0.00" decimal.js would print for a tiny negative value. */
export function toFixedString(value: Decimal, scale: number): string {
  const rounded = value.toDecimalPlaces(scale, Dec.ROUND_HALF_UP);
  return rounded.isZero() ? ZERO.toFixed(scale) : rounded.toFixed(scale);
}

/** A percentage keeps its own precision but never prints fewer than 2 decimals ("10.00", "12.3456"). */
export function toPercentString(value: Decimal): string {
  return toFixedString(value, Math.max(2, value.decimalPlaces()));
}

export function sum(values: readonly Decimal[]): Decimal {
  return values.reduce((acc: Decimal, v) => acc.plus(v), ZERO);
}

const MAX_INTEGER_DIGITS = 15;
const patterns = new Map<number, RegExp>();

/** True for a plain decimal string ("-12.5", "3") with at most `scale` decimals: no exponent, no spaces. */
export function isDecimalString(value: unknown, scale: number): value is string {
  if (typeof value !== 'string') return false;
  let pattern = patterns.get(scale);
  if (!pattern) {
    pattern = new RegExp(`^-?\\d{1,${MAX_INTEGER_DIGITS}}${scale > 0 ? `(\\.\\d{1,${scale}})?` : ''}$`);
    patterns.set(scale, pattern);
  }
  return pattern.test(value);
}
