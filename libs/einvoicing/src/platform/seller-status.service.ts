import { Injectable } from '@nestjs/common';
import type { SalesDocumentEntity } from '@comptoir/billing';
import { TenantDb, TenantTx } from '@comptoir/platform/database';
import { ConflictError, Dec, newId, TenantContext, ValidationFailedError } from '@comptoir/platform/kernel';
import { EInvoiceOriginals } from '../originals/einvoice-originals.service';
import { splitByVatRate, VatShare } from '../ereporting/vat-split';
import { CDAR_CODES } from './cdar/cdar-codes';
import { flowIdentity } from './flow-identity';
import { LIFECYCLE_STATUSES } from './lifecycle';
import { SellerCode, sellerStatusProblem } from './lifecycle-rules';
import { LifecycleService } from './lifecycle.service';
import { PlatformConnections } from './platform-connections';
import { Transmission, TransmissionService } from './transmission.service';

export interface SellerStatusInput {
  code: SellerCode;
  reason?: string | null;
}

/**
 * The statuses the seller emits itself (212 cashed in, 207 disputed, 209 completed): checked against
 * where the e-invoice stands, recorded in its history and forwarded to the platform in one
 * transaction (a platform that refuses it leaves nothing recorded). 212 carries the cash received
 * per VAT rate, as BR-FR-CDV-14 requires.
 */
@Injectable()
export class SellerStatusService {
  constructor(
    private readonly db: TenantDb,
    private readonly originals: EInvoiceOriginals,
    private readonly connections: PlatformConnections,
    private readonly lifecycle: LifecycleService,
    private readonly transmissions: TransmissionService,
  ) {}

  async emit(ctx: TenantContext, documentId: string, input: SellerStatusInput): Promise<Transmission> {
    const reason = input.reason?.trim() || null;
    if (CDAR_CODES[input.code].needsReason && !reason) throw new ValidationFailedError([{ path: 'reason', message: `is required for ${input.code} (${LIFECYCLE_STATUSES[input.code]})` }]);
    await this.db.transaction(ctx, async (tx) => {
      const doc = await this.originals.validatedDocument(tx, documentId);
      const problem = await this.emitIn(tx, doc, input.code, reason);
      if (problem) throw new ConflictError('einvoice_status_not_allowed', `Status ${input.code} cannot be sent now: ${problem}`, [{ path: 'code', message: problem }]);
    });
    return this.transmissions.status(ctx, documentId);
  }

  /**
   * Records and forwards the status in the caller's transaction; answers why it may not be sent
   * instead (nothing written then).
   */
  async emitIn(tx: TenantTx, doc: SalesDocumentEntity, code: SellerCode, reason: string | null): Promise<string | null> {
    const current = await this.lifecycle.lockStatus(tx, doc.id);
    const row = current ? await this.originals.find(tx, doc.id) : null;
    if (!current || !row?.platformRef) return 'the e-invoice was never transmitted: submit it first';
    const problem = sellerStatusProblem(current, code, await this.lifecycle.history(tx, doc.id), reason);
    if (problem) return problem;
    if (code === 212 && !new Dec(doc.paid).greaterThan(0)) return 'no payment is recorded on this invoice: 212 cashed in says how much was received';
    const amounts = code === 212 ? splitByVatRate(doc.paid, (doc.snapshot?.['totals'] as { vat?: VatShare[] } | undefined)?.vat ?? []).map((s) => ({ rate: s.rate, amount: s.received })) : [];
    const event = { code, eventRef: `seller-${newId()}`, occurredAt: new Date(), reason };
    await this.lifecycle.record(tx, doc.id, { ...event, source: 'seller' });
    const { platform } = await this.connections.open(tx, row.platform ?? undefined);
    await platform.sendStatus({ ...event, platformRef: row.platformRef, invoice: flowIdentity(doc), amounts });
    return null;
  }
}
