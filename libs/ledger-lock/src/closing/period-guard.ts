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
    assertIsoDate(date, 'date');
    const until = await closedUntil(tx);
    if (until && date <= until) throw periodClosed(date, until);
  }
}

/** End date of the latest closed period of the company, or null when none is closed. */
export async function closedUntil(tx: TenantTx): Promise<string | null> {
  const [row] = (await tx.manager.query(`SELECT max(end_date)::text AS until FROM ledger_closings WHERE company_id = $1`, [tx.ctx.companyId])) as { until: string | null }[];
  return row?.until ?? null;
}
