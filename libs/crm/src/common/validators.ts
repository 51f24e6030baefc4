import { ValidateBy, ValidationOptions } from 'class-validator';

const CALENDAR_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?(Z|[+-]\d{2}:\d{2})$/;

/** A real calendar date written `YYYY-MM-DD` (no 2026-02-30). */
export function isCalendarDate(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  const m = CALENDAR_DATE.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (y < 1) return false; // PostgreSQL has no year 0
  const date = new Date(0);
  date.setUTCFullYear(y, mo - 1, d); // not Date.UTC, which reads years 0-99 as 1900-1999
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}

/** An ISO 8601 instant with its offset (`Z` or `±hh:mm`): never a local time that could mean two instants. */
export function isInstant(value: unknown): value is string {
  return typeof value === 'string' && INSTANT.test(value) && isCalendarDate(value.slice(0, 10)) && !Number.isNaN(Date.parse(value));
}

export const PHONE_PATTERN = /^[+0-9 ().-]{3,30}$/;

export const IsCalendarDate = (options?: ValidationOptions) =>
  ValidateBy({ name: 'isCalendarDate', validator: { validate: isCalendarDate, defaultMessage: (a) => `${a?.property} must be a calendar date YYYY-MM-DD` } }, options);

export const IsInstant = (options?: ValidationOptions) =>
  ValidateBy(
    { name: 'isInstant', validator: { validate: isInstant, defaultMessage: (a) => `${a?.property} must be an ISO 8601 instant with an offset, e.g. 2026-11-23T14:30:00+01:00` } },
    options,
  );

/** A calendar date or an instant: agenda bounds accept both. */
export const IsDateOrInstant = (options?: ValidationOptions) =>
  ValidateBy(
    {
      name: 'isDateOrInstant',
      validator: {
        validate: (v) => isCalendarDate(v) || isInstant(v),
        defaultMessage: (a) => `${a?.property} must be a date YYYY-MM-DD or an ISO 8601 instant with an offset`,
      },
    },
    options,
  );
