import { TenantTx } from '@comptoir/platform/database';
import { AGING_BUCKETS, AgingBucket } from './aging-buckets';
import { openInstallmentsCte, ReceivablesScope, reportQuery } from './open-installments.sql';

export interface BucketAmount {
  key: AgingBucket;
  amount: string;
}

export interface CustomerAgedBalance {
  accountId: string;
  name: string;
  buckets: BucketAmount[];
  total: string;
}

export interface AgedReceivables {
  asOf: string;
  currency: string;
  buckets: BucketAmount[];
  total: string;
  /** Largest balance first. */
  customers: CustomerAgedBalance[];
}

export interface OpenInstallmentRow {
  invoiceId: string;
  number: string;
  accountId: string;
  date: string;
  /** Position in the invoice's schedule (0 for an invoice without one). */
  installment: number;
  dueDate: string;
  amount: string;
  open: string;
  daysOverdue: number;
  bucket: AgingBucket;
}

type Row = Record<AgingBucket, string> & { account_id: string | null; name: string | null; total: string };

const money = (expr: string) => `COALESCE(${expr}, 0)::numeric(19,2)::text`;

/**
 * The aged balance per customer and in total, from one statement: open installments are grouped by
 * customer and bucket, with the grand total as the empty grouping set (account_id NULL).
 */
export async function agedReceivables(tx: TenantTx, scope: ReceivablesScope): Promise<AgedReceivables> {
  const cte = openInstallmentsCte(tx.ctx.companyId, scope);
  const rows = await reportQuery<Row>(tx, {
    text: `${cte.text},
     grouped AS (
       SELECT account_id, GROUPING(account_id) AS grand,
              ${AGING_BUCKETS.map((b) => `${money(`sum(open) FILTER (WHERE bucket = '${b}')`)} AS "${b}"`).join(', ')},
              sum(open) AS total_amount
         FROM open_installment GROUP BY GROUPING SETS ((account_id), ())
     )
     SELECT g.account_id, a.name, ${AGING_BUCKETS.map((b) => `g."${b}"`).join(', ')}, ${money('g.total_amount')} AS total
       FROM grouped g LEFT JOIN accounts a ON a.company_id = $1 AND a.id = g.account_id
      ORDER BY g.grand DESC, g.total_amount DESC, a.name, g.account_id`,
    params: cte.params,
  });
  const [grand, ...perCustomer] = rows;
  const buckets = (r: Row | undefined): BucketAmount[] => AGING_BUCKETS.map((key) => ({ key, amount: r?.[key] ?? '0.00' }));
  return {
    asOf: scope.asOf,
    currency: await companyCurrency(tx),
    buckets: buckets(grand),
    total: grand?.total ?? '0.00',
    customers: perCustomer.map((r) => ({ accountId: r.account_id!, name: r.name ?? '', buckets: buckets(r), total: r.total })),
  };
}

/** The open installments behind a customer's balance (drill-down), oldest due date first. */
export async function openInstallmentRows(tx: TenantTx, scope: ReceivablesScope, bucket?: AgingBucket): Promise<OpenInstallmentRow[]> {
  const cte = openInstallmentsCte(tx.ctx.companyId, scope);
  const params = [...cte.params];
  const byBucket = bucket ? `WHERE bucket = $${params.push(bucket)}` : '';
  return reportQuery<OpenInstallmentRow>(tx, {
    text: `${cte.text}
     SELECT id AS "invoiceId", number, account_id AS "accountId", date::text AS date, position AS installment, due_date::text AS "dueDate",
            amount::numeric(19,2)::text AS amount, open::numeric(19,2)::text AS open, days_overdue AS "daysOverdue", bucket
       FROM open_installment ${byBucket}
      ORDER BY due_date, number, position`,
    params,
  });
}

export async function companyCurrency(tx: TenantTx): Promise<string> {
  const [row] = (await tx.manager.query(`SELECT currency FROM companies WHERE id = $1`, [tx.ctx.companyId])) as { currency: string }[];
  return row?.currency ?? 'EUR';
}
