import { TenantTx } from '@comptoir/platform/database';

/** Today in the company's time zone (documents are dated in the seller's calendar). */
export async function companyToday(tx: TenantTx): Promise<string> {
  const [row] = (await tx.manager.query(
    `SELECT CAST(CAST(now() AT TIME ZONE COALESCE(c.time_zone, 'Europe/Paris') AS date) AS text) AS today FROM companies c WHERE c.id = $1`,
    [tx.ctx.companyId],
  )) as { today: string }[];
  return row?.today ?? new Date().toISOString().slice(0, 10);
}

/** `date` + `days` calendar days, YYYY-MM-DD. */
export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}
