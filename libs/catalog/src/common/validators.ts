import { isISO8601, ValidateBy, ValidationOptions } from 'class-validator';

const AMOUNT = (scale: number) => new RegExp(`^\\d{1,15}(\\.\\d{1,${scale}})?$`);
const PERCENT = /^(100(\.0{1,2})?|\d{1,2}(\.\d{1,2})?)$/;

/** A non-negative decimal string with at most `scale` decimals: prices and quantities of the catalog. */
export const IsAmount = (scale: 2 | 4, options?: ValidationOptions) =>
  ValidateBy(
    {
      name: 'isAmount',
      validator: {
        validate: (v) => typeof v === 'string' && AMOUNT(scale).test(v),
        defaultMessage: (a) => `${a?.property} must be a non-negative decimal string with at most ${scale} decimals, e.g. "${scale === 4 ? '12.5000' : '12.50'}"`,
      },
    },
    options,
  );

/** A percentage from 0 to 100 with at most 2 decimals, as a string ("5.50"). */
export const IsPercent = (options?: ValidationOptions) =>
  ValidateBy(
    {
      name: 'isPercent',
      validator: {
        validate: (v) => typeof v === 'string' && PERCENT.test(v),
        defaultMessage: (a) => `${a?.property} must be a decimal string from 0 to 100 with at most 2 decimals, e.g. "5.50"`,
      },
    },
    options,
  );

/** A real calendar date written YYYY-MM-DD (no 2026-02-30). */
export function isCalendarDate(v: unknown): v is string {
  return typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v) && v >= '0001-01-01' && isISO8601(v, { strict: true });
}

export const IsCalendarDate = (options?: ValidationOptions) =>
  ValidateBy(
    {
      name: 'isCalendarDate',
      validator: {
        validate: isCalendarDate,
        defaultMessage: (a) => `${a?.property} must be a calendar date YYYY-MM-DD`,
      },
    },
    options,
  );
