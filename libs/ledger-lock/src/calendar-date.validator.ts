import { ValidateBy, ValidationOptions } from 'class-validator';
import { isIsoDate } from './company-calendar';

/** A real calendar date written YYYY-MM-DD (not a date-time, not 2026-02-30). */
export const IsCalendarDate = (options?: ValidationOptions) =>
  ValidateBy({ name: 'isCalendarDate', validator: { validate: (v) => typeof v === 'string' && isIsoDate(v), defaultMessage: (a) => `${a?.property} must be a date written YYYY-MM-DD` } }, options);
