import { TenantTx } from '@comptoir/platform/database';
import { installmentsOf, RECEIVABLE_INVOICE, reportQuery } from '../aged/open-installments.sql';

export interface CustomerPaymentDelay {
  accountId: string;
  name: string;
  /** Amount-weighted mean of (settling allocation date − installment due date), days; negative = paid early. */
  averageDelayDays: number;
  /** What the measured installments asked for. */
  settledAmount: string;
}

/** How far back settlements are measured for the average payment delay. */
export const DELAY_WINDOW_DAYS = 365;

/**
 * Per customer, the average payment delay of the installments of invoices settled in the year up to
 * `asOf`. An installment is paid on the date of the allocation whose running total (oldest first, as
 * `openInstallments` letters them) first reaches the positive amounts up to and including it.
 */
export async function paymentDelays(tx: TenantTx, asOf: string): Promise<CustomerPaymentDelay[]> {
  const rows = await reportQuery<{ accountId: string; name: string; delay: string; settledAmount: string }>(tx, {
    text: `WITH settled AS MATERIALIZED (
       SELECT d.id, d.account_id, d.date, d.due_date, d.due, d.schedule
         FROM sales_documents d
        WHERE d.company_id = $1 AND ${RECEIVABLE_INVOICE}
          AND d.settled_on > $2::date - ${DELAY_WINDOW_DAYS} AND d.settled_on <= $2::date
     ),
     reached AS (
       SELECT a.target_id, a.date, sum(a.amount) OVER (PARTITION BY a.target_id ORDER BY a.date, a.created_at, a.id) AS running
         FROM payment_allocations a JOIN settled s ON s.id = a.target_id
        WHERE a.company_id = $1 AND a.target_type = 'invoice' AND a.date <= $2::date
     ),
     paid AS (
       SELECT i.account_id, i.amount,
              (SELECT min(r.date) FROM reached r WHERE r.target_id = i.id AND r.running >= i.before + i.amount) - i.due_date AS delay
         FROM (${installmentsOf('settled', ['id', 'account_id'])}) i
        WHERE i.amount > 0
     )
     SELECT p.account_id AS "accountId", a.name, round(sum(p.amount * p.delay) / sum(p.amount), 1)::text AS delay,
            sum(p.amount)::numeric(19,2)::text AS "settledAmount"
       FROM paid p JOIN accounts a ON a.company_id = $1 AND a.id = p.account_id
      WHERE p.delay IS NOT NULL
      GROUP BY p.account_id, a.name
      ORDER BY sum(p.amount * p.delay) / sum(p.amount) DESC, a.name`,
    params: [tx.ctx.companyId, asOf],
  });
  // A day count with one decimal, not money: a JS number is exact enough and is what clients chart.
  return rows.map((r) => ({ accountId: r.accountId, name: r.name, averageDelayDays: Number(r.delay), settledAmount: r.settledAmount }));
}
