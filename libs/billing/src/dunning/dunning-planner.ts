import { Injectable } from '@nestjs/common';
import { TenantTx } from '@comptoir/platform/database';
import type { MailStatus } from '@comptoir/platform/notify';
import { ensureDunningDefaults } from './dunning-steps.service';

/** Where an open invoice stands against its due date (the dunning screen's colours). */
export type DueState = 'not_due' | 'due_soon' | 'overdue';

export interface PlannedInvoice {
  invoiceId: string;
  number: string;
  accountId: string;
  customerName: string;
  /** Balance due, decimal string. */
  due: string;
  currency: string;
  /** Due date of the oldest open installment. */
  dueOn: string;
  /** asOf − dueOn (negative before the due date). */
  daysOverdue: number;
  dueState: DueState;
  recoveryStatus: string | null;
  collectionPending: boolean;
  /** The most recent step of the invoice and the status of its mail. */
  lastStep: { id: string; name: string; status: MailStatus; sentOn: string | null } | null;
  /** The first step not yet planned, and the date it falls due (null while the previous step is not sent). */
  nextStep: { id: string; name: string; dueOn: string | null } | null;
  /** A next step is due as of asOf and nothing suspends the invoice's dunning. */
  toDun: boolean;
}

export interface PlanOptions {
  asOf: string;
  /** Open invoices falling due within this many days are "due soon". */
  dueSoonDays: number;
  /** Only those invoices (the mass action's selection). */
  invoiceIds?: string[];
  /** `due`: only invoices to dun (API.md candidates); `open`: every open invoice, with its colour. */
  scope: 'due' | 'open';
}

/**
 * The next dunning step of every open invoice, in one SQL pass. An invoice is open while its balance is
 * due (balance_due > 0, read as it is now); its due date is the one of its oldest open installment,
 * where settlements pay the oldest installment first (billing-engine `openInstallments`). The next
 * step is the first live step not yet planned for it; it falls due `delay` days after the previous
 * step's actual sending date (its mail's), the first one after the due date. It is to dun when that
 * date is reached, the previous step's mail is sent (not in flight, not uncertain: a person reviews
 * those first), and nothing suspends it: a recovery status (disputed, judicial recovery, factored) or
 * a collection in flight (SEPA, Stripe).
 */
@Injectable()
export class DunningPlanner {
  /** The invoices to dun as of a date (API.md candidates); a company that never used dunning gets its default steps first. */
  async candidates(tx: TenantTx, asOf: string, options: Partial<Omit<PlanOptions, 'asOf'>> = {}): Promise<PlannedInvoice[]> {
    const settings = await ensureDunningDefaults(tx);
    return this.plan(tx, { asOf, dueSoonDays: options.dueSoonDays ?? settings.dueSoonDays, invoiceIds: options.invoiceIds, scope: options.scope ?? 'due' });
  }

  async plan(tx: TenantTx, options: PlanOptions): Promise<PlannedInvoice[]> {
    // On a large company the estimated cost crosses jit_above_cost and compiling would cost more than it saves (as for the aged balance).
    await tx.manager.query(`SET LOCAL jit = off`);
    const rows = (await tx.manager.query(PLAN_SQL, [
      tx.ctx.companyId,
      options.asOf,
      options.dueSoonDays,
      options.invoiceIds ?? null,
      options.scope === 'due',
    ])) as PlanRow[];
    return rows.map(toPlanned);
  }
}

interface PlanRow {
  invoice_id: string;
  number: string;
  account_id: string;
  customer_name: string;
  due: string;
  currency: string;
  due_on: string;
  days_overdue: number;
  due_state: DueState;
  recovery_status: string | null;
  collection_pending: boolean;
  last_step_id: string | null;
  last_step_name: string | null;
  last_status: MailStatus | null;
  last_sent_on: string | null;
  next_step_id: string | null;
  next_step_name: string | null;
  next_due_on: string | null;
  to_dun: boolean;
}

function toPlanned(r: PlanRow): PlannedInvoice {
  return {
    invoiceId: r.invoice_id,
    number: r.number,
    accountId: r.account_id,
    customerName: r.customer_name,
    due: r.due,
    currency: r.currency,
    dueOn: r.due_on,
    daysOverdue: r.days_overdue,
    dueState: r.due_state,
    recoveryStatus: r.recovery_status,
    collectionPending: r.collection_pending,
    lastStep: r.last_step_id ? { id: r.last_step_id, name: r.last_step_name!, status: r.last_status!, sentOn: r.last_sent_on } : null,
    nextStep: r.next_step_id ? { id: r.next_step_id, name: r.next_step_name!, dueOn: r.next_due_on } : null,
    toDun: r.to_dun,
  };
}

/**
 * $1 company, $2 asOf, $3 due-soon days, $4 invoice ids (null: all), $5 only invoices to dun.
 * The oldest open installment: the first (schedule order) whose running total exceeds what was settled;
 * when nothing was settled it is the first installment (if positive), read without expanding the schedule.
 * Sending dates are read in the company's time zone. open_invoices is MATERIALIZED so that each due date
 * is computed once (inlined, its subquery ran once per reference).
 * Open invoices are found by `settled_on IS NULL` (SettlementLedger sets it exactly when the balance
 * reaches zero): under row-level security only leakproof operators reach an index, numeric `<>`/`>` are
 * not, so `balance_due > 0` is a filter on the index-only scan of ix_sales_documents_receivable.
 * The next step of an invoice without history is the first step (one row joined to all); the per-invoice
 * search of the first step not yet planned runs only for the invoices that have a history. `suspended` is
 * computed in open_invoices so that the planner does not estimate the to-dun filter on the CTE (two
 * IS NULL tests without statistics: one row) and probe every open invoice by nested loops.
 */
const PLAN_SQL = `
WITH company AS (SELECT time_zone FROM companies WHERE id = $1),
steps AS MATERIALIZED (
  SELECT id, name, delay_days, position FROM dunning_steps WHERE company_id = $1 AND archived_at IS NULL
),
first_step AS (
  SELECT id, name, delay_days FROM steps ORDER BY position LIMIT 1
),
open_invoices AS MATERIALIZED (
  SELECT d.id, d.number, d.account_id, d.balance_due, d.currency, d.recovery_status, d.collection_status,
         (d.recovery_status IS NOT NULL OR d.collection_status IS NOT NULL) AS suspended,
         COALESCE(CASE WHEN jsonb_array_length(d.schedule) = 0 THEN NULL
           WHEN d.due - d.balance_due <= 0 AND (d.schedule->0->>'amount')::numeric > 0 THEN (d.schedule->0->>'dueDate')::date
           ELSE (
           SELECT (x.i->>'dueDate')::date FROM (
             SELECT s.i, s.ord, sum(greatest((s.i->>'amount')::numeric, 0)) OVER (ORDER BY s.ord) AS running
             FROM jsonb_array_elements(d.schedule) WITH ORDINALITY AS s(i, ord)
           ) x
           WHERE x.running > greatest(d.due - d.balance_due, 0)
           ORDER BY x.ord LIMIT 1
         ) END, d.due_date, d.date) AS due_on
  FROM sales_documents d
  WHERE d.company_id = $1 AND d.type = 'invoice' AND d.settled_on IS NULL AND d.balance_due IS NOT NULL AND d.balance_due > 0
    AND d.kind IN ('invoice', 'deposit') AND d.status <> 'draft' AND NOT d.test_mode
    AND ($4::uuid[] IS NULL OR d.id = ANY($4::uuid[]))
),
history AS (
  SELECT e.invoice_id, array_agg(e.step_id) AS planned_steps,
         (array_agg(e.step_id ORDER BY e.created_at DESC, e.id DESC))[1] AS last_step_id,
         (array_agg(m.status ORDER BY e.created_at DESC, e.id DESC))[1] AS last_status,
         (array_agg(m.sent_at ORDER BY e.created_at DESC, e.id DESC))[1] AS last_sent_at
  FROM dunning_events e
  LEFT JOIN mail_messages m ON m.id = e.mail_id
  WHERE e.company_id = $1 AND ($4::uuid[] IS NULL OR e.invoice_id = ANY($4::uuid[]))
  GROUP BY e.invoice_id
),
history_next AS MATERIALIZED (
  SELECT h.*, nxt.id AS next_step_id, nxt.name AS next_step_name, nxt.delay_days AS next_delay_days
  FROM history h
  LEFT JOIN LATERAL (
    SELECT s.id, s.name, s.delay_days FROM steps s WHERE s.id <> ALL (h.planned_steps) ORDER BY s.position LIMIT 1
  ) nxt ON true
),
planned AS (
  SELECT o.*, a.name AS customer_name,
         h.last_step_id, st.name AS last_step_name, h.last_status,
         (h.last_sent_at AT TIME ZONE (SELECT time_zone FROM company))::date AS last_sent_on,
         CASE WHEN h.invoice_id IS NULL THEN f.id ELSE h.next_step_id END AS next_step_id,
         CASE WHEN h.invoice_id IS NULL THEN f.name ELSE h.next_step_name END AS next_step_name,
         CASE WHEN h.invoice_id IS NULL THEN o.due_on + f.delay_days
              WHEN h.last_status = 'sent' THEN (h.last_sent_at AT TIME ZONE (SELECT time_zone FROM company))::date + h.next_delay_days END AS next_due_on
  FROM open_invoices o
  JOIN accounts a ON a.company_id = $1 AND a.id = o.account_id
  LEFT JOIN history_next h ON h.invoice_id = o.id
  LEFT JOIN dunning_steps st ON st.id = h.last_step_id
  LEFT JOIN first_step f ON true
),
classified AS (
  SELECT p.*,
         ($2::date - p.due_on) AS days_overdue,
         CASE WHEN p.due_on < $2::date THEN 'overdue' WHEN p.due_on <= $2::date + $3::int THEN 'due_soon' ELSE 'not_due' END AS due_state,
         (p.next_due_on IS NOT NULL AND p.next_due_on <= $2::date AND NOT p.suspended) AS to_dun
  FROM planned p
)
SELECT c.id AS invoice_id, c.number, c.account_id, c.customer_name, c.balance_due::text AS due, c.currency, c.due_on::text AS due_on,
       c.days_overdue, c.due_state, c.recovery_status, (c.collection_status IS NOT NULL) AS collection_pending,
       c.last_step_id, c.last_step_name, c.last_status, c.last_sent_on::text AS last_sent_on,
       c.next_step_id, c.next_step_name, c.next_due_on::text AS next_due_on, c.to_dun
FROM classified c
WHERE NOT $5::boolean OR c.to_dun
ORDER BY c.due_on, c.number, c.id`;
