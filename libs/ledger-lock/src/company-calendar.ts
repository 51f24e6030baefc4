import { isCalendarDate, NotFoundError, ValidationFailedError } from '@comptoir/platform/kernel';
import type { TenantTx } from '@comptoir/platform/database';

export function assertIsoDate(value: string, path: string): void {
  if (typeof value !== 'string' || !isCalendarDate(value)) throw new ValidationFailedError([{ path, message: `${path} must be a date written YYYY-MM-DD` }]);
}

export interface CompanyCalendar {
  /** Today in the company's time zone, YYYY-MM-DD. */
  today: string;
  fiscalYearStartMonth: number;
}

/** The company's own today and fiscal year, read in the caller's transaction. */
export async function companyCalendar(tx: TenantTx): Promise<CompanyCalendar> {
  const [row] = (await tx.manager.query(
    `SELECT (now() AT TIME ZONE time_zone)::date::text AS today, fiscal_year_start_month AS "fiscalYearStartMonth" FROM companies WHERE id = $1`,
    [tx.ctx.companyId],
  )) as CompanyCalendar[];
  if (!row) throw new NotFoundError('Company');
  return row;
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
