import { Dec, HUNDRED, isDecimalString } from '../decimal';
import { TotalsInputError } from './totals-input-error';
import type { VatCategoryCode } from './totals.types';
import { VAT_CATEGORIES, type VatKey } from './vat-group';

export interface DecimalRule {
  /** Most decimals accepted (4 for quantities, unit prices and percents, 2 for amounts and VAT rates). */
  scale: number;
  nonNegative?: boolean;
  /** Upper bound, for percentages. */
  max?: Dec;
}

/** Reads a decimal string field, or throws a TotalsInputError naming it. */
export function readDecimal(value: unknown, path: string, rule: DecimalRule): Dec {
  if (!isDecimalString(value, rule.scale)) {
    throw new TotalsInputError(path, `must be a decimal string with at most ${rule.scale} decimals`);
  }
  const decimal = new Dec(value);
  if (rule.nonNegative && decimal.lt(0)) throw new TotalsInputError(path, 'must not be negative');
  if (rule.max && decimal.gt(rule.max)) throw new TotalsInputError(path, `must not exceed ${rule.max.toString()}`);
  return decimal;
}

export const PERCENT: DecimalRule = { scale: 4, nonNegative: true, max: HUNDRED };
export const AMOUNT: DecimalRule = { scale: 2, nonNegative: true };
const VAT_RATE: DecimalRule = { scale: 2, nonNegative: true, max: HUNDRED };

/**
 * Reads the VAT rate and category of a line, charge or tax (`owner` is its path). Categories other than S
 * carry no VAT, so EN 16931 (BR-Z-05, BR-E-05, BR-AE-05, BR-IC-05, BR-G-05, BR-O-05) wants their rate at 0:
 * a non-zero rate there is a data error (a 293 B line left at 20 %), refused rather than silently ignored.
 */
export function readVatKey(owner: { vatRate?: unknown; vatCategory?: unknown }, path: string): VatKey {
  const category = owner.vatCategory ?? 'S';
  if (!VAT_CATEGORIES.includes(category as VatCategoryCode)) {
    throw new TotalsInputError(`${path}.vatCategory`, `must be one of ${VAT_CATEGORIES.join(', ')}`);
  }
  const rate = readDecimal(owner.vatRate, `${path}.vatRate`, VAT_RATE);
  if (category !== 'S' && !rate.isZero()) {
    throw new TotalsInputError(`${path}.vatRate`, `must be 0 for VAT category ${category as string}`);
  }
  return { category: category as VatCategoryCode, rate };
}

export function readEnum<T extends string>(value: unknown, allowed: readonly T[], path: string): T {
  if (!allowed.includes(value as T)) throw new TotalsInputError(path, `must be one of ${allowed.join(', ')}`);
  return value as T;
}

export function readOptionalText(value: unknown, path: string): string | null {
  if (value === undefined || value === null) return null;
  if (typeof value !== 'string') throw new TotalsInputError(path, 'must be a string');
  return value;
}

export function readArray(value: unknown, path: string): unknown[] {
  if (!Array.isArray(value)) throw new TotalsInputError(path, 'must be an array');
  return value;
}

export function readObject(value: unknown, path: string): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new TotalsInputError(path, 'must be an object');
  return value as Record<string, unknown>;
}
