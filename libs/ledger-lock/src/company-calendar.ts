import { isCalendarDate, ValidationFailedError } from '@comptoir/platform/kernel';

export function assertIsoDate(value: string, path: string): void {
  if (typeof value !== 'string' || !isCalendarDate(value)) throw new ValidationFailedError([{ path, message: `${path} must be a date written YYYY-MM-DD` }]);
}

/** Last day of a month, YYYY-MM-DD. */
export function endOfMonth(year: number, month: number): string {
  return new Date(Date.UTC(year, month, 0)).toISOString().slice(0, 10);
}

/** The date `years` years later (29 February becomes 28 February when needed). */
export function addYears(date: string, years: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const target = new Date(Date.UTC(y + years, m - 1, d));
  return target.getUTCMonth() === m - 1 ? target.toISOString().slice(0, 10) : endOfMonth(y + years, m);
}
