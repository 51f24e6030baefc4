import { Injectable } from '@nestjs/common';
import { TenantTx } from '@comptoir/platform/database';
import { newId } from '@comptoir/platform/kernel';
import { EInvoiceStatus, LIFECYCLE_STATUSES, LifecycleCode } from './lifecycle';
import { becomesCurrent } from './lifecycle-rules';

export interface LifecycleEventInput {
  code: LifecycleCode;
  eventRef: string;
  occurredAt: Date;
  reason: string | null;
  source: 'platform' | 'seller';
}

/** recorded: new in the history; current: it is now the e-invoice's status (false for a late, older status). */
export interface LifecycleOutcome {
  recorded: boolean;
  current: boolean;
  status: EInvoiceStatus;
}

/**
 * The lifecycle history of e-invoices: each status appended once (the same event twice is stored once:
 * unique per e-invoice, code and event ref), and the e-invoice's current status — einvoices.status and
 * sales_documents.einvoice_status — moved in the same transaction, unless an older status arrived late.
 */
@Injectable()
export class LifecycleService {
  /** The e-invoice's row lock serialises concurrent callbacks about it. */
  async lockStatus(tx: TenantTx, einvoiceId: string): Promise<EInvoiceStatus | null> {
    const [row] = (await tx.manager.query(`SELECT status FROM einvoices WHERE company_id = $1 AND id = $2 FOR UPDATE`, [tx.ctx.companyId, einvoiceId])) as { status: EInvoiceStatus }[];
    return row?.status ?? null;
  }

  async history(tx: TenantTx, einvoiceId: string): Promise<number[]> {
    const rows = (await tx.manager.query(`SELECT code FROM einvoice_lifecycle_events WHERE company_id = $1 AND einvoice_id = $2`, [tx.ctx.companyId, einvoiceId])) as { code: number }[];
    return rows.map((r) => r.code);
  }

  /** Appends one status (call lockStatus first in the same transaction). */
  async record(tx: TenantTx, einvoiceId: string, event: LifecycleEventInput): Promise<LifecycleOutcome> {
    const { companyId, organizationId } = tx.ctx;
    const [latest] = (await tx.manager.query(`SELECT max(occurred_at) AS at FROM einvoice_lifecycle_events WHERE company_id = $1 AND einvoice_id = $2`, [companyId, einvoiceId])) as { at: Date | null }[];
    const status = LIFECYCLE_STATUSES[event.code];
    const inserted = (await tx.manager.query(
      `INSERT INTO einvoice_lifecycle_events (id, organization_id, company_id, einvoice_id, code, status, event_ref, occurred_at, source, reason)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) ON CONFLICT (company_id, einvoice_id, code, event_ref) DO NOTHING RETURNING id`,
      [newId(), organizationId, companyId, einvoiceId, event.code, status, event.eventRef, event.occurredAt, event.source, event.reason],
    )) as unknown[];
    if (!inserted.length) return { recorded: false, current: false, status };
    const current = becomesCurrent(event.occurredAt, latest?.at ?? null);
    if (current) await this.setStatus(tx, einvoiceId, status, event.occurredAt);
    return { recorded: true, current, status };
  }

  /** einvoices.status and the document's einvoice_status together (submitted, failed and the lifecycle statuses). */
  async setStatus(tx: TenantTx, einvoiceId: string, status: EInvoiceStatus, at: Date): Promise<void> {
    const [before] = (await tx.manager.query(`SELECT status FROM einvoices WHERE company_id = $1 AND id = $2`, [tx.ctx.companyId, einvoiceId])) as { status: string }[];
    await tx.manager.query(`UPDATE einvoices SET status = $3, status_at = $4 WHERE company_id = $1 AND id = $2`, [tx.ctx.companyId, einvoiceId, status, at]);
    await tx.manager.query(`UPDATE sales_documents SET einvoice_status = $3 WHERE company_id = $1 AND id = $2`, [tx.ctx.companyId, einvoiceId, status]);
    tx.audit({ entity: 'sales_document', entityId: einvoiceId, action: 'einvoice_status', changes: { einvoiceStatus: { from: before?.status ?? null, to: status } } });
  }
}
