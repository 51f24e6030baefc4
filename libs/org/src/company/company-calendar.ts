import { NotFoundError } from '@comptoir/platform/kernel';
import type { TenantTx } from '@comptoir/platform/database';

export interface CompanyCalendar {
  /** Today in the company's time zone, YYYY-MM-DD: documents are dated in the seller's calendar. */
  today: string;
  fiscalYearStartMonth: number;
}

/**
 * The company's own today and fiscal year, read in the caller's transaction from the database clock
 * (the same clock the numbering checks "not in the future" against).
 */
export async function companyCalendar(tx: TenantTx): Promise<CompanyCalendar> {
  const [row] = (await tx.manager.query(
    `SELECT (now() AT TIME ZONE time_zone)::date::text AS today, fiscal_year_start_month AS "fiscalYearStartMonth" FROM companies WHERE id = $1`,
    [tx.ctx.companyId],
  )) as CompanyCalendar[];
  if (!row) throw new NotFoundError('Company');
  return row;
}
