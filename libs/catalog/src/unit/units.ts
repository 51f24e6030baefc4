import { BusinessRuleError, Dec, toDecimalString } from '@comptoir/platform/kernel';

/**
 * Built-in units of sale. Conversions exist only inside a dimension and only where the factor is exact
 * by definition: a year is 12 months, an hour 60 minutes, a kilogram 1,000 grams. A day and a week are
 * left unconvertible on purpose (a working day is 7, 8 or 10 hours depending on the trade; a month is
 * not a whole number of weeks), as is a lump sum ("forfait").
 *
 * `factor` is how many base units of the dimension one unit holds (bases: minute, month, gram,
 * millimetre, millilitre, piece), so every factor is an integer and conversions stay exact.
 * `uneceCode` is the UN/ECE Recommendation 20 code that EN 16931 invoices carry (BT-130).
 */
export const UNITS = [
  { code: 'minute', label: 'Minute', dimension: 'duration', factor: 1, uneceCode: 'MIN' },
  { code: 'hour', label: 'Heure', dimension: 'duration', factor: 60, uneceCode: 'HUR' },
  { code: 'day', label: 'Jour', dimension: null, factor: 1, uneceCode: 'DAY' },
  { code: 'week', label: 'Semaine', dimension: null, factor: 1, uneceCode: 'WEE' },
  { code: 'month', label: 'Mois', dimension: 'period', factor: 1, uneceCode: 'MON' },
  { code: 'quarter', label: 'Trimestre', dimension: 'period', factor: 3, uneceCode: 'QAN' },
  { code: 'semester', label: 'Semestre', dimension: 'period', factor: 6, uneceCode: 'SAN' },
  { code: 'year', label: 'Année', dimension: 'period', factor: 12, uneceCode: 'ANN' },
  { code: 'piece', label: 'Pièce', dimension: 'count', factor: 1, uneceCode: 'H87' },
  { code: 'dozen', label: 'Douzaine', dimension: 'count', factor: 12, uneceCode: 'DZN' },
  { code: 'lump_sum', label: 'Forfait', dimension: null, factor: 1, uneceCode: 'LS' },
  { code: 'g', label: 'Gramme', dimension: 'mass', factor: 1, uneceCode: 'GRM' },
  { code: 'kg', label: 'Kilogramme', dimension: 'mass', factor: 1_000, uneceCode: 'KGM' },
  { code: 't', label: 'Tonne', dimension: 'mass', factor: 1_000_000, uneceCode: 'TNE' },
  { code: 'mm', label: 'Millimètre', dimension: 'length', factor: 1, uneceCode: 'MMT' },
  { code: 'cm', label: 'Centimètre', dimension: 'length', factor: 10, uneceCode: 'CMT' },
  { code: 'm', label: 'Mètre', dimension: 'length', factor: 1_000, uneceCode: 'MTR' },
  { code: 'km', label: 'Kilomètre', dimension: 'length', factor: 1_000_000, uneceCode: 'KMT' },
  { code: 'm2', label: 'Mètre carré', dimension: null, factor: 1, uneceCode: 'MTK' },
  { code: 'm3', label: 'Mètre cube', dimension: 'volume', factor: 1_000_000, uneceCode: 'MTQ' },
  { code: 'ml', label: 'Millilitre', dimension: 'volume', factor: 1, uneceCode: 'MLT' },
  { code: 'l', label: 'Litre', dimension: 'volume', factor: 1_000, uneceCode: 'LTR' },
  { code: 'kwh', label: 'Kilowattheure', dimension: null, factor: 1, uneceCode: 'KWH' },
] as const;

export type UnitCode = (typeof UNITS)[number]['code'];
export type Unit = (typeof UNITS)[number];
export const UNIT_CODES = UNITS.map((u) => u.code) as readonly UnitCode[];

const BY_CODE = new Map<string, Unit>(UNITS.map((u) => [u.code, u]));

export function findUnit(code: string): Unit | undefined {
  return BY_CODE.get(code);
}

export function isUnitCode(value: unknown): value is UnitCode {
  return typeof value === 'string' && BY_CODE.has(value);
}

export class UnitNotConvertibleError extends BusinessRuleError {
  constructor(from: string, to: string, path = 'unit') {
    super('unit_not_convertible', `A price per ${from} cannot be expressed per ${to}`, [{ path, message: `${to} is not convertible from ${from}` }]);
  }
}

/** True when a price per `from` can be expressed per `to` (same unit, or same dimension). */
export function canConvert(from: string, to: string): boolean {
  const a = findUnit(from);
  const b = findUnit(to);
  return Boolean(a && b && (a.code === b.code || (a.dimension !== null && a.dimension === b.dimension)));
}

/**
 * The unit price per `toUnit` equivalent to `price` per `fromUnit`, with 4 decimals (half-up):
 * 10.00 per month is 120.0000 per year, 60 per hour is 1.0000 per minute. Throws
 * UnitNotConvertibleError (422) across dimensions or for an unknown unit.
 */
export function convertUnitPrice(price: string, fromUnit: string, toUnit: string): string {
  if (!canConvert(fromUnit, toUnit)) throw new UnitNotConvertibleError(fromUnit, toUnit);
  const from = findUnit(fromUnit)!;
  const to = findUnit(toUnit)!;
  return toDecimalString(new Dec(price).times(to.factor).dividedBy(from.factor), 4);
}
