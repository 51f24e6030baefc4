import { Injectable } from '@nestjs/common';
import { TenantDb } from '@comptoir/platform/database';
import { ConflictError, Dec, newId, TenantContext, ValidationFailedError } from '@comptoir/platform/kernel';
import { EInvoiceOriginals } from '../originals/einvoice-originals.service';
import { splitByVatRate, VatShare } from '../ereporting/vat-split';
import { CDAR_CODES } from './cdar/cdar-codes';
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
      const current = await this.lifecycle.lockStatus(tx, doc.id);
      const row = current ? await this.originals.find(tx, doc.id) : null;
      if (!current || !row?.platformRef) throw new ConflictError('einvoice_status_not_allowed', 'The e-invoice is not on a platform: submit it first', [{ path: 'code', message: 'the e-invoice was never transmitted' }]);
      const problem = sellerStatusProblem(current, input.code, await this.lifecycle.history(tx, doc.id), reason);
      if (problem) throw new ConflictError('einvoice_status_not_allowed', `Status ${input.code} cannot be sent now: ${problem}`, [{ path: 'code', message: problem }]);
      const amounts = input.code === 212 ? cashedIn(doc.paid, (doc.snapshot?.['totals'] as { vat?: VatShare[] } | undefined)?.vat ?? []) : [];
      const event = { code: input.code, eventRef: `seller-${newId()}`, occurredAt: new Date(), reason, source: 'seller' as const };
      await this.lifecycle.record(tx, doc.id, event);
      const { platform } = await this.connections.open(tx, row.platform ?? undefined);
      await platform.sendStatus({ ...event, platformRef: row.platformRef, amounts });
    });
    return this.transmissions.status(ctx, documentId);
  }
}

/** 212: what was received, per VAT rate; nothing received yet is a conflict, not an empty status. */
function cashedIn(paid: string, vat: VatShare[]): { rate: string; amount: string }[] {
  if (!new Dec(paid).greaterThan(0)) throw new ConflictError('einvoice_status_not_allowed', 'No payment is recorded on this invoice: 212 cashed in says how much was received', [{ path: 'code', message: 'nothing received yet' }]);
  return splitByVatRate(paid, vat).map((s) => ({ rate: s.rate, amount: s.received }));
}
