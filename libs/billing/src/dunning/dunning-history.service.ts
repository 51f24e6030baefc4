import { Injectable } from '@nestjs/common';
import { BusinessRuleError, NotFoundError, TenantContext } from '@comptoir/platform/kernel';
import { TenantDb, TenantTx } from '@comptoir/platform/database';
import { Mailer, MailStatus } from '@comptoir/platform/notify';
import { RecoveryStatus } from '../document/document-kinds';
import { DunningRunEntity } from './dunning-run.entity';

export interface DunningHistoryEntry {
  id: string;
  invoiceId: string;
  invoiceNumber: string;
  stepId: string;
  stepName: string;
  runId: string;
  asOf: string;
  status: MailStatus;
  recipient: string;
  subject: string;
  messageId: string;
  error: string | null;
  createdAt: Date;
  sentAt: Date | null;
}

export interface RunProgress {
  run: DunningRunEntity;
  counts: Record<MailStatus, number>;
  done: boolean;
  events: DunningHistoryEntry[];
}

const HISTORY_SQL = `
  SELECT e.id, e.invoice_id AS "invoiceId", d.number AS "invoiceNumber", e.step_id AS "stepId", s.name AS "stepName", e.run_id AS "runId",
         e.as_of::text AS "asOf", m.status, e.recipient, m.subject, e.message_id AS "messageId", m.error, e.created_at AS "createdAt", m.sent_at AS "sentAt"
    FROM dunning_events e
    JOIN dunning_steps s ON s.id = e.step_id
    JOIN sales_documents d ON d.company_id = e.company_id AND d.id = e.invoice_id
    JOIN mail_messages m ON m.id = e.mail_id
   WHERE e.company_id = $1`;

/** The follow-up history: per invoice, per run (progress), the review of uncertain mails, and the recovery flag. */
@Injectable()
export class DunningHistoryService {
  constructor(
    private readonly db: TenantDb,
    private readonly mailer: Mailer,
  ) {}

  forInvoice(ctx: TenantContext, invoiceId: string): Promise<DunningHistoryEntry[]> {
    return this.db.transaction(ctx, async (tx) => {
      await loadInvoice(tx, invoiceId);
      return tx.manager.query(`${HISTORY_SQL} AND e.invoice_id = $2 ORDER BY e.created_at, e.id`, [ctx.companyId, invoiceId]);
    });
  }

  progress(ctx: TenantContext, runId: string): Promise<RunProgress> {
    return this.db.transaction(ctx, async (tx) => {
      const run = await tx.repo(DunningRunEntity, 'Dunning run').getById(runId);
      const events: DunningHistoryEntry[] = await tx.manager.query(`${HISTORY_SQL} AND e.run_id = $2 ORDER BY d.number, e.id`, [ctx.companyId, runId]);
      const counts: Record<MailStatus, number> = { pending: 0, sending: 0, sent: 0, uncertain: 0, failed: 0 };
      for (const e of events) counts[e.status] += 1;
      return { run, counts, done: counts.pending + counts.sending === 0, events };
    });
  }

  /** Steps whose mail is uncertain (a crash between mark and send): for a person to review. */
  uncertain(ctx: TenantContext): Promise<DunningHistoryEntry[]> {
    return this.db.transaction(ctx, (tx) => tx.manager.query(`${HISTORY_SQL} AND m.status = 'uncertain' ORDER BY e.created_at, e.id LIMIT 500`, [ctx.companyId]));
  }

  /**
   * A person's decision on an uncertain step: it went out (`mark_sent`: counts as sent when it was
   * marked sending) or it did not (`send_again`: one more attempt, same Message-ID). Explicit, audited.
   */
  resolve(ctx: TenantContext, eventId: string, action: 'mark_sent' | 'send_again'): Promise<DunningHistoryEntry> {
    return this.db.transaction(ctx, async (tx) => {
      const [event] = (await tx.manager.query(`${HISTORY_SQL} AND e.id = $2`, [ctx.companyId, eventId])) as DunningHistoryEntry[];
      if (!event) throw new NotFoundError('Dunning event');
      const [row] = (await tx.manager.query(`SELECT mail_id FROM dunning_events WHERE company_id = $1 AND id = $2`, [ctx.companyId, eventId])) as { mail_id: string }[];
      if (!(await this.mailer.resolveUncertain(tx, row!.mail_id, action === 'mark_sent' ? 'sent' : 'send_again'))) {
        throw new BusinessRuleError('dunning_not_uncertain', `This step is ${event.status}: only an uncertain step is reviewed`);
      }
      tx.audit({ entity: 'sales_document', entityId: event.invoiceId, action: `dunning_${action}`, changes: { [`dunning.${event.stepName}`]: { from: 'uncertain', to: action === 'mark_sent' ? 'sent' : 'pending' } } });
      const [after] = (await tx.manager.query(`${HISTORY_SQL} AND e.id = $2`, [ctx.companyId, eventId])) as DunningHistoryEntry[];
      return after!;
    });
  }

  /** Disputed, judicial recovery, factored (or null): suspends the invoice's dunning. A live column, audited. */
  setRecoveryStatus(ctx: TenantContext, invoiceId: string, status: RecoveryStatus | null): Promise<{ invoiceId: string; recoveryStatus: RecoveryStatus | null }> {
    return this.db.transaction(ctx, async (tx) => {
      const invoice = await loadInvoice(tx, invoiceId, true);
      if (invoice.status === 'draft') throw new BusinessRuleError('invoice_not_validated', 'Only a validated invoice has a recovery status');
      if (invoice.recovery_status !== status) {
        await tx.manager.query(`UPDATE sales_documents SET recovery_status = $3 WHERE company_id = $1 AND id = $2`, [ctx.companyId, invoiceId, status]);
        tx.audit({ entity: 'sales_document', entityId: invoiceId, action: 'recovery_status', changes: { recoveryStatus: { from: invoice.recovery_status, to: status } } });
      }
      return { invoiceId, recoveryStatus: status };
    });
  }
}

async function loadInvoice(tx: TenantTx, id: string, lock = false): Promise<{ status: string; recovery_status: RecoveryStatus | null }> {
  const [row] = (await tx.manager.query(
    `SELECT status, recovery_status FROM sales_documents WHERE company_id = $1 AND id = $2 AND type = 'invoice'${lock ? ' FOR UPDATE' : ''}`,
    [tx.ctx.companyId, id],
  )) as { status: string; recovery_status: RecoveryStatus | null }[];
  if (!row) throw new NotFoundError('Invoice');
  return row;
}
