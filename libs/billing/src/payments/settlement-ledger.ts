import { Injectable } from '@nestjs/common';
import { newId } from '@comptoir/platform/kernel';
import { TenantTx } from '@comptoir/platform/database';
import type { AllocationSource, AllocationTarget } from './payment-allocation.entity';

const OPEN_SQL = `UPDATE sales_documents
    SET balance_due = CASE WHEN kind = 'credit_note' THEN gross ELSE due END,
        payment_status = CASE WHEN kind = 'credit_note' THEN NULL ELSE 'unpaid' END,
        paid = 0, credited = 0, settled_on = NULL
  WHERE company_id = $1 AND id IN (SELECT jsonb_array_elements_text($2::jsonb)::uuid) AND type = 'invoice' AND NOT test_mode`;

/** One allocation to insert, already checked by the caller (amounts as decimal strings, negative only for a reversal). */
export interface AllocationRow {
  sourceType: AllocationSource;
  sourceId: string;
  targetType: AllocationTarget;
  targetId: string;
  amount: string;
  date: string;
  reversesId?: string | null;
}

/** What a settlement reads of a sales document it may touch (an invoice it pays, a credit note it spends). */
export interface SettlementDocument {
  id: string;
  type: string;
  kind: string | null;
  status: string;
  accountId: string;
  currency: string;
  testMode: boolean;
  date: string;
  number: string | null;
  due: string;
  gross: string;
  balanceDue: string | null;
}

/**
 * The only writer of allocations and of the live balance they drive (sales_documents paid, credited,
 * balance_due, payment_status, settled_on; payments.unallocated). Every figure is RECOMPUTED from the
 * allocation rows (stored ones plus the batch being inserted) in the same statement as the insert, so a
 * balance can never drift from its history, and a batch costs one statement whatever its size.
 *
 * Callers lock what they touch first (lockDocuments / FOR UPDATE on payments), check the amounts
 * against the locked balances, then apply: the statement's snapshot is taken after the locks were
 * granted, so it sees every allocation committed before and none can slip in between.
 */
@Injectable()
export class SettlementLedger {
  /** Locks the given sales documents FOR UPDATE in id order (the same order everywhere: no deadlock) and returns them. */
  async lockDocuments(tx: TenantTx, ids: string[]): Promise<Map<string, SettlementDocument>> {
    if (!ids.length) return new Map();
    const rows = (await tx.manager.query(
      `SELECT id, type, kind, status, account_id AS "accountId", currency, test_mode AS "testMode", date::text AS date, number,
              due::text AS due, gross::text AS gross, balance_due::text AS "balanceDue"
         FROM sales_documents WHERE company_id = $1 AND id = ANY($2::uuid[]) ORDER BY id FOR UPDATE`,
      [tx.ctx.companyId, [...new Set(ids)]],
    )) as SettlementDocument[];
    return new Map(rows.map((r) => [r.id, r]));
  }

  /** Inserts the allocations and recomputes every balance they touch, in one statement. */
  async apply(tx: TenantTx, rows: AllocationRow[]): Promise<string[]> {
    if (!rows.length) return [];
    const { sql, params, ids } = this.statement(tx, rows);
    await tx.manager.query(sql, params);
    return ids;
  }

  /**
   * apply, sent with the COMMIT (after the writes queued before it): for a validation that already
   * holds its locks and whose rows are themselves written at commit (a credit note spent on its invoice).
   */
  applyAtCommit(tx: TenantTx, rows: AllocationRow[]): void {
    if (!rows.length) return;
    const { sql, params } = this.statement(tx, rows);
    tx.writeAtCommit(sql, params);
  }

  /**
   * The live balance a validation opens, after the validated rows were written: invoices and deposit
   * invoices owe their amount due, a credit note offers its gross as credit. TEST-mode documents owe
   * nothing: they are never paid.
   */
  async open(tx: TenantTx, documentIds: string[]): Promise<void> {
    if (documentIds.length) await tx.manager.query(OPEN_SQL, [tx.ctx.companyId, JSON.stringify(documentIds)]);
  }

  /** open, sent with the COMMIT after the validated row (a single validation writes its row at commit). Ids travel as JSON: writeAtCommit inlines parameters as literals. */
  openAtCommit(tx: TenantTx, documentIds: string[]): void {
    if (documentIds.length) tx.writeAtCommit(OPEN_SQL, [tx.ctx.companyId, JSON.stringify(documentIds)]);
  }

  private statement(tx: TenantTx, rows: AllocationRow[]): { sql: string; params: unknown[]; ids: string[] } {
    const input = rows.map((r) => ({ ...r, id: newId(), reversesId: r.reversesId ?? null }));
    // Stored movements of every touched document plus the new ones: the CTEs of one statement do not
    // see each other's inserts, so the batch is added from its own JSON.
    const sql = `
      WITH input AS (
        SELECT * FROM jsonb_to_recordset($3::jsonb)
          AS v(id uuid, "sourceType" text, "sourceId" uuid, "targetType" text, "targetId" uuid, amount numeric, date date, "reversesId" uuid)
      ), inserted AS (
        INSERT INTO payment_allocations (id, organization_id, company_id, source_type, source_id, target_type, target_id, amount, date, reverses_id)
        SELECT id, $1, $2, "sourceType", "sourceId", "targetType", "targetId", amount, date, "reversesId" FROM input
      ), movements AS (
        SELECT a.source_type, a.source_id, a.target_type, a.target_id, a.amount, a.date FROM payment_allocations a
         WHERE a.company_id = $2 AND a.target_id IN (SELECT "targetId" FROM input)
        UNION ALL
        SELECT a.source_type, a.source_id, a.target_type, a.target_id, a.amount, a.date FROM payment_allocations a
         WHERE a.company_id = $2 AND a.source_id IN (SELECT "sourceId" FROM input) AND a.target_id NOT IN (SELECT "targetId" FROM input)
        UNION ALL
        SELECT "sourceType", "sourceId", "targetType", "targetId", amount, date FROM input
      ), invoice_sums AS (
        SELECT target_id AS id,
               coalesce(sum(amount) FILTER (WHERE source_type = 'payment'), 0) AS paid,
               coalesce(sum(amount) FILTER (WHERE source_type = 'credit_note'), 0) AS credited,
               max(date) AS last_date
          FROM movements
         WHERE target_type = 'invoice' AND target_id IN (SELECT "targetId" FROM input WHERE "targetType" = 'invoice')
         GROUP BY target_id
      ), invoices AS (
        UPDATE sales_documents d
           SET paid = s.paid, credited = s.credited, balance_due = d.due - s.paid - s.credited,
               payment_status = CASE WHEN d.due - s.paid - s.credited <= 0 THEN 'paid' WHEN s.paid + s.credited = 0 THEN 'unpaid' ELSE 'partially_paid' END,
               settled_on = CASE WHEN d.due - s.paid - s.credited <= 0 THEN s.last_date END,
               updated_at = now()
          FROM invoice_sums s WHERE d.id = s.id AND d.company_id = $2
      ), credit_note_sums AS (
        SELECT source_id AS id, sum(amount) AS spent FROM movements
         WHERE source_type = 'credit_note' AND source_id IN (SELECT "sourceId" FROM input WHERE "sourceType" = 'credit_note')
         GROUP BY source_id
      ), credit_notes AS (
        UPDATE sales_documents d SET balance_due = d.gross - s.spent, updated_at = now()
          FROM credit_note_sums s WHERE d.id = s.id AND d.company_id = $2
      ), payment_sums AS (
        SELECT source_id AS id, sum(amount) AS spent FROM movements
         WHERE source_type = 'payment' AND source_id IN (SELECT "sourceId" FROM input WHERE "sourceType" = 'payment')
         GROUP BY source_id
      )
      UPDATE payments p SET unallocated = CASE WHEN p.status = 'cancelled' THEN 0 ELSE p.amount - s.spent END
        FROM payment_sums s WHERE p.id = s.id AND p.company_id = $2 AND p.direction = 'in'`;
    return { sql, params: [tx.ctx.organizationId, tx.ctx.companyId, JSON.stringify(input)], ids: input.map((r) => r.id) };
  }
}
