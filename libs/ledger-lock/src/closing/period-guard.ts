import { Injectable } from '@nestjs/common';
import { TenantTx } from '@comptoir/platform/database';
import { assertIsoDate } from '../company-calendar';
import { periodClosed } from './period-closed.error';

/**
 * Refuses anything dated inside a closed period. Closings are sequential, so "closed" is simply "on or
 * before the end of the latest closing". Read in the caller's transaction every time, never cached.
 */
@Injectable()
export class PeriodGuard {
  async assertOpen(tx: TenantTx, date: string): Promise<void> {
    assertOpenUntil(date, await closedUntil(tx));
  }
}

/**
 * The end date of the company's latest closed period (text, or NULL when none is closed) as a SQL
 * expression, `companyId` being the placeholder of the company id: for callers that read it in a query
 * they make anyway, then check with assertOpenUntil.
 */
export const closedUntilSql = (companyId: string) => `(SELECT max(end_date)::text FROM ledger_closings WHERE company_id = ${companyId})`;

/** assertOpen against a closedUntil read in the caller's transaction. */
export function assertOpenUntil(date: string, closedUntil: string | null): void {
  assertIsoDate(date, 'date');
  if (closedUntil && date <= closedUntil) throw periodClosed(date, closedUntil);
}

/** End date of the latest closed period of the company, or null when none is closed. */
export async function closedUntil(tx: TenantTx): Promise<string | null> {
  const [row] = (await tx.manager.query(`SELECT ${closedUntilSql('$1')} AS until`, [tx.ctx.companyId])) as { until: string | null }[];
  return row?.until ?? null;
}
