import Decimal from 'decimal.js';

/** Money and quantities are decimal.js values, rounded half-up as accounting expects. */
export const Dec = Decimal.clone({ precision: 40, rounding: Decimal.ROUND_HALF_UP });
export type Dec = Decimal;

/** Formats an amount with exactly `scale` decimals ("1234.50"), the wire format of the API. */
export function toDecimalString(value: Decimal.Value, scale = 2): string {
  return new Dec(value).toFixed(scale);
}

/** Matches a decimal string with at most `scale` fractional digits (no exponent, no float artefacts). */
export function isDecimalString(value: unknown, scale: number): value is string {
  return typeof value === 'string' && new RegExp(`^-?\\d{1,15}(\\.\\d{1,${scale}})?$`).test(value);
}
