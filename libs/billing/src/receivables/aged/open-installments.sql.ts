import { bucketSql } from './aging-buckets';

export interface ReceivablesScope {
  /** YYYY-MM-DD: payments and credit notes dated on or before it count. */
  asOf: string;
  /**
   * True when `asOf` is the company's today: only invoices whose live `balance_due` is not zero are read
   * (partial index ix_sales_documents_open) and what they received is `due − balance_due`, no allocation
   * is read. Correct because nothing is allocated with a date after today (payments are not dated in
   * the future), so the live balance is the balance as of today.
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
 * The installments of an invoice row `r` (columns schedule, due_date, date, due), with `before`: the
 * positive amounts of the installments ahead of it. An invoice without a schedule is one installment of
 * its whole amount due on its due date (or its date), exactly as `openInstallments` reads it.
 */
export function installmentsOf(r: string): string {
  return `
    SELECT s.position, s.due_date, s.amount,
           COALESCE(sum(GREATEST(s.amount, 0)) OVER (ORDER BY s.position ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING), 0) AS before
      FROM (SELECT (e.ordinality - 1)::int AS position, (e.value->>'dueDate')::date AS due_date, (e.value->>'amount')::numeric AS amount
              FROM jsonb_array_elements(${r}.schedule) WITH ORDINALITY AS e(value, ordinality)
            UNION ALL
            SELECT 0, COALESCE(${r}.due_date, ${r}.date), ${r}.due WHERE jsonb_array_length(${r}.schedule) = 0) s`;
}

/** Invoices and deposit invoices that ask to be paid: validated (a balance is kept), never TEST mode. */
export const RECEIVABLE_INVOICE = `d.type = 'invoice' AND d.kind IN ('invoice', 'deposit') AND d.balance_due IS NOT NULL AND NOT d.test_mode`;

/**
 * `WITH receivable AS (…), installment AS (…)`: every installment of the invoices in scope with what is
 * still open on it as of `asOf`, its days overdue and its bucket, in one statement (no per-invoice
 * loop). The open amount follows `openInstallments` of @comptoir/billing-engine: what the invoice
 * received pays the oldest installments first, a negative total received counts as nothing, negative
 * installments are never covered. Algebraically, with S = max(received, 0) and P = the positive amounts
 * of the earlier installments, the covered part is min(max(S − P, 0), max(amount, 0)).
 *
 * As of a past date, invoices settled on or before it (`settled_on`, the date from which the invoice
 * stayed settled) are closed and skipped through ix_sales_documents_receivable without reading their
 * allocations; the others sum their allocations dated on or before it (ix_payment_allocations_target).
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
  const stillOpen = scope.today ? `d.balance_due <> 0` : `(d.settled_on IS NULL OR d.settled_on > $2::date)`;
  const text = `
    WITH receivable AS (
      SELECT d.id, d.account_id, d.number, d.date, d.due_date, d.due, d.schedule, ${received} AS received
        FROM sales_documents d
       WHERE d.company_id = $1 AND ${RECEIVABLE_INVOICE} AND d.date <= $2::date AND ${stillOpen} ${filters}
    ),
    installment AS (
      SELECT r.id, r.account_id, r.number, r.date, i.position, i.due_date, i.amount,
             i.amount - LEAST(GREATEST(GREATEST(r.received, 0) - i.before, 0), GREATEST(i.amount, 0)) AS open,
             ($2::date - i.due_date) AS days_overdue
        FROM receivable r CROSS JOIN LATERAL (${installmentsOf('r')}) i
    ),
    open_installment AS (
      SELECT installment.*, ${bucketSql('days_overdue')} AS bucket FROM installment WHERE open <> 0
    )`;
  return { text, params };
}
