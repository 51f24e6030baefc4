import { Injectable } from '@nestjs/common';
import { TenantDb, TenantTx } from '@comptoir/platform/database';
import { FileStore } from '@comptoir/platform/storage';
import { ConflictError, DomainError, TenantContext } from '@comptoir/platform/kernel';
import { SalesDocumentEntity } from '@comptoir/billing';
import { EInvoiceEntity } from '../originals/einvoice.entity';
import { EINVOICE_FILES, einvoiceFilename } from '../originals/einvoice-files';
import { einvoiceSection, EInvoiceOriginals } from '../originals/einvoice-originals.service';
import { OutgoingFlow } from './einvoicing-platform';
import { flowIdentity } from './flow-identity';
import { EInvoiceStatus } from './lifecycle';
import { LifecycleService } from './lifecycle.service';
import { PlatformConnections } from './platform-connections';

/** Where an e-invoice stands with its platform (the answer of submit). */
export interface Transmission {
  id: string;
  status: EInvoiceStatus;
  statusAt: string;
  platform: string | null;
  platformRef: string | null;
  submittedAt: string | null;
  lastError: string | null;
}

/** Statuses from which a submission may (re)start: never deposited, or the last attempt failed. */
const SUBMITTABLE: readonly EInvoiceStatus[] = ['generated', 'failed'];

export class SubmissionFailedError extends DomainError {
  constructor(reason: string) {
    super('einvoice_submission_failed', 502, `The platform did not accept the e-invoice (it can be submitted again): ${reason}`);
  }
}

const toTransmission = (row: EInvoiceEntity): Transmission => ({
  id: row.id,
  status: row.status,
  statusAt: row.statusAt.toISOString(),
  platform: row.platform,
  platformRef: row.platformRef,
  submittedAt: row.submittedAt?.toISOString() ?? null,
  lastError: row.lastError,
});

/**
 * Hands an e-invoice to the company's approved platform. Only domestic B2B flows go there (B2C and
 * international sales are e-reported). A document already on the platform is not deposited again:
 * submit answers where it stands (idempotent). A failure is recorded (status `failed`, lastError) and
 * can be retried. The e-invoice's row lock is held across the platform call, so two concurrent
 * submissions cannot both deposit.
 */
@Injectable()
export class TransmissionService {
  constructor(
    private readonly db: TenantDb,
    private readonly originals: EInvoiceOriginals,
    private readonly connections: PlatformConnections,
    private readonly lifecycle: LifecycleService,
    private readonly files: FileStore,
  ) {}

  async submit(ctx: TenantContext, documentId: string): Promise<Transmission> {
    const outcome = await this.db.transaction(ctx, async (tx) => {
      const doc = await this.originals.validatedDocument(tx, documentId);
      assertTransmissible(doc);
      await this.originals.ensure(tx, doc);
      await this.lifecycle.lockStatus(tx, doc.id);
      const row = await tx.repo(EInvoiceEntity, 'E-invoice').getById(doc.id);
      if (!SUBMITTABLE.includes(row.status)) return { row, error: null };
      const { platform, settings } = await this.connections.open(tx);
      const flow = await this.outgoingFlow(doc, row, settings.transmitFormat);
      const now = new Date();
      try {
        const { platformRef } = await platform.submit(flow);
        Object.assign(row, { platform: platform.name, platformRef, submittedAt: now, lastError: null });
        await this.saveTransmission(tx, row, 'submitted', now);
        return { row, error: null };
      } catch (error) {
        const reason = error instanceof Error ? error.message : String(error);
        Object.assign(row, { platform: platform.name, lastError: reason.slice(0, 2000) });
        await this.saveTransmission(tx, row, 'failed', now);
        return { row, error: reason };
      }
    });
    if (outcome.error !== null) throw new SubmissionFailedError(outcome.error);
    return toTransmission(outcome.row);
  }

  /** Where the e-invoice stands with its platform; 404 until the document is validated and its originals made. */
  status(ctx: TenantContext, documentId: string): Promise<Transmission> {
    return this.db.transaction(ctx, async (tx) => {
      const doc = await this.originals.validatedDocument(tx, documentId);
      return toTransmission(await tx.repo(EInvoiceEntity, 'E-invoice').getById(doc.id));
    });
  }

  private async saveTransmission(tx: TenantTx, row: EInvoiceEntity, status: EInvoiceStatus, at: Date): Promise<void> {
    await tx.manager.query(`UPDATE einvoices SET platform = $3, platform_ref = $4, submitted_at = $5, last_error = $6 WHERE company_id = $1 AND id = $2`, [tx.ctx.companyId, row.id, row.platform, row.platformRef, row.submittedAt, row.lastError]);
    await this.lifecycle.setStatus(tx, row.id, status, at);
    Object.assign(row, { status, statusAt: at });
  }

  private async outgoingFlow(doc: SalesDocumentEntity, row: EInvoiceEntity, format: OutgoingFlow['format']): Promise<OutgoingFlow> {
    const { columns, contentType } = EINVOICE_FILES[format];
    return { ...flowIdentity(doc), format, filename: einvoiceFilename(doc.number ?? doc.id, format), contentType, bytes: await this.files.get(row[columns.key]) };
  }
}

/** 409 `einvoice_not_transmissible` with the reason: only domestic B2B e-invoices go to a platform. */
function assertTransmissible(doc: SalesDocumentEntity): void {
  const section = einvoiceSection(doc);
  const reason = doc.testMode
    ? 'it is a TEST document: its e-invoice is made, never transmitted'
    : !section
      ? 'it was validated before e-invoicing existed'
      : section.flow !== 'B2B'
        ? `its flow is ${section.flow}: sales to consumers and abroad are e-reported (GET /api/v1/einvoicing/e-reporting), not transmitted`
        : null;
  if (reason) throw new ConflictError('einvoice_not_transmissible', `This e-invoice is not transmitted to a platform: ${reason}`, [{ path: 'flow', message: reason }]);
}
