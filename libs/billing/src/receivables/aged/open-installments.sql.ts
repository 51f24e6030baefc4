import { TenantTx } from '@comptoir/platform/database';
import { bucketSql } from './aging-buckets';

export interface ReceivablesScope {
  /** YYYY-MM-DD: payments and credit notes dated on or before it count. */
  asOf: string;
  /**
   * True when `asOf` is the company's today: only invoices not settled (`settled_on IS NULL`) are read
   * and what they received is `due − balance_due`, no allocation is read. Correct because nothing is
   * allocated with a date after today (payments are refused in the future), so the live balance is the
   * balance as of today. Not `balance_due <> 0`: under row-level security PostgreSQL uses only leakproof
   * operators in index conditions, numeric `<>` is not, and the partial index would be ignored.
   */
  today: boolean;
  establishmentId?: string | undefined;
  /** The customer's sector (crm accounts.sector_id). */
  sectorId?: string | undefined;
  accountId?: string | undefined;
}

/** A SQL text and its positional parameters ($1 is always the company, $2 the as-of date). */
export interface SqlQuery {
  text: string;
  params: unknown[];
}

/**
 * `coveredSql(received, before, amount)`: what a settlement of `received` covers of an installment of
 * `amount` when `before` (the positive amounts of the installments ahead of it) is paid first. The
 * rule of `openInstallments`: a negative total received counts as nothing and a negative installment
 * is never covered; with S = max(received, 0) the covered part is min(max(S − before, 0), max(amount, 0)).
 */
export function coveredSql(received: string, before: string, amount: string): string {
  return `LEAST(GREATEST(GREATEST(${received}, 0) - ${before}, 0), GREATEST(${amount}, 0))`;
}

/**
 * The installments of the invoice rows of CTE `source` (columns id, schedule, due_date, date, due and
 * whatever `columns` lists), with `before`. An invoice without a schedule is one installment of its
 * whole amount due on its due date (or its date), exactly as `openInstallments` reads it. The running
 * sums are one window over every scheduled installment (no per-invoice subquery: that costs more
 * than the arithmetic at a hundred thousand invoices).
 */
export function installmentsOf(source: string, columns: string[]): string {
  const cols = columns.map((c) => `r.${c}`).join(', ');
  return `
    SELECT ${cols}, s.position, s.due_date, s.amount,
           COALESCE(sum(GREATEST(s.amount, 0)) OVER (PARTITION BY r.id ORDER BY s.position ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING), 0) AS before
      FROM ${source} r
      CROSS JOIN LATERAL (SELECT (e.ordinality - 1)::int AS position, (e.value->>'dueDate')::date AS due_date, (e.value->>'amount')::numeric AS amount
                            FROM jsonb_array_elements(r.schedule) WITH ORDINALITY AS e(value, ordinality)) s
    UNION ALL
    SELECT ${cols}, 0, COALESCE(r.due_date, r.date), r.due, 0 FROM ${source} r WHERE jsonb_array_length(r.schedule) = 0`;
}

/** Invoices and deposit invoices that ask to be paid: validated (a balance is kept), never TEST mode. */
export const RECEIVABLE_INVOICE = `d.type = 'invoice' AND d.kind IN ('invoice', 'deposit') AND d.balance_due IS NOT NULL AND NOT d.test_mode`;

/**
 * `WITH receivable AS (…), installment AS (…)`: every installment of the invoices in scope with what is
 * still open on it as of `asOf`, its days overdue and its bucket, in one statement (no per-invoice
 * loop). The open amount follows `openInstallments` of @comptoir/billing-engine (coveredSql): what the
 * invoice received pays the oldest installments first.
 *
 * Invoices settled on or before the as-of date (`settled_on`, the date of the last allocation when the
 * balance reached zero) are closed then and skipped through ix_sales_documents_receivable (covering:
 * an index-only scan today) without reading their allocations; as of a past date the others sum their
 * allocations dated on or before it (ix_payment_allocations_target).
 */
export function openInstallmentsCte(companyId: string, scope: ReceivablesScope): SqlQuery {
  const params: unknown[] = [companyId, scope.asOf];
  const param = (value: unknown) => `$${params.push(value)}`;
  const filters = [
    scope.establishmentId ? `AND d.establishment_id = ${param(scope.establishmentId)}` : '',
    scope.accountId ? `AND d.account_id = ${param(scope.accountId)}` : '',
    scope.sectorId ? `AND d.account_id IN (SELECT a.id FROM accounts a WHERE a.company_id = $1 AND a.sector_id = ${param(scope.sectorId)})` : '',
  ].join(' ');
  const received = scope.today
    ? `d.due - d.balance_due`
    : `COALESCE((SELECT sum(a.amount) FROM payment_allocations a
                  WHERE a.company_id = $1 AND a.target_type = 'invoice' AND a.target_id = d.id AND a.date <= $2::date), 0)`;
  const stillOpen = scope.today ? `d.settled_on IS NULL` : `(d.settled_on IS NULL OR d.settled_on > $2::date)`;
  const text = `
    WITH receivable AS MATERIALIZED (
      SELECT d.id, d.account_id, d.number, d.date, d.due_date, d.due, d.schedule, ${received} AS received
        FROM sales_documents d
       WHERE d.company_id = $1 AND ${RECEIVABLE_INVOICE} AND d.date <= $2::date AND ${stillOpen} ${filters}
    ),
    installment AS (
      SELECT i.id, i.account_id, i.number, i.date, i.position, i.due_date, i.amount,
             i.amount - ${coveredSql('i.received', 'i.before', 'i.amount')} AS open, ($2::date - i.due_date) AS days_overdue
        FROM (${installmentsOf('receivable', ['id', 'account_id', 'number', 'date', 'received'])}) i
    ),
    open_installment AS (
      SELECT installment.*, ${bucketSql('days_overdue')} AS bucket FROM installment WHERE open <> 0
    )`;
  return { text, params };
}

/**
 * Runs a report query with JIT compilation off for the transaction: the planner counts 100 rows per
 * jsonb_array_elements call, so a report over a hundred thousand invoices looks costly enough to JIT,
 * and compiling takes seconds, far more than the query itself (measured in bench/receivables.ts).
 */
export async function reportQuery<T>(tx: TenantTx, query: SqlQuery): Promise<T[]> {
  await tx.manager.query(`SET LOCAL jit = off; SET LOCAL work_mem = '64MB'`);
  return (await tx.manager.query(query.text, query.params)) as T[];
}
