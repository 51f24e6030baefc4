import { ValidateBy, ValidationOptions } from 'class-validator';
import { isCalendarDate } from '@comptoir/platform/kernel';

const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?(Z|[+-]\d{2}:\d{2})$/;

/** An ISO 8601 instant with its offset (`Z` or `±hh:mm`): never a local time that could mean two instants. */
export function isInstant(value: unknown): value is string {
  return typeof value === 'string' && INSTANT.test(value) && isCalendarDate(value.slice(0, 10)) && !Number.isNaN(Date.parse(value));
}

export const PHONE_PATTERN = /^[+0-9 ().-]{3,30}$/;

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
