import { Injectable } from '@nestjs/common';
import { NumberingService, PeriodGuard, SealService } from '@comptoir/ledger-lock';
import { TenantContext } from '@comptoir/platform/kernel';
import { diffFields, TenantDb, TenantTx } from '@comptoir/platform/database';
import { BillingSettingsService } from '../settings/billing-settings.service';
import { assertWithinRemaining, creditedSoFar } from './credit-notes';
import { AUDITED } from './document-drafting';
import { emitDocumentEvent } from './document-events';
import { DocumentType, numberingSeries, sealKind } from './document-kinds';
import { buildSnapshot, loadSnapshotParts } from './document-snapshot';
import { assertDraft, loadWithLines, LoadedDocument, updateLineNets } from './document-store';
import { applyTotals } from './document-totals';
import { SalesDocumentEntity } from './sales-document.entity';

/** A TEST-mode number: recognisable, unique, and drawn from no legal series. */
export function testNumber(doc: Pick<SalesDocumentEntity, 'id' | 'date'>): string {
  return `TEST-${doc.date.replace(/-/g, '')}-${doc.id.slice(-8).toUpperCase()}`;
}

/** The columns validation writes on the row (one UPDATE; the database trigger freezes them afterwards). */
export function validatedColumns(doc: SalesDocumentEntity): Partial<SalesDocumentEntity> {
  const { status, number, snapshot, validatedAt, validatedBy, totals, net, vatTotal, gross, prepaid, due, schedule, dueDate, updatedAt } = doc;
  return { status, number, snapshot, validatedAt, validatedBy, totals, net, vatTotal, gross, prepaid, due, schedule, dueDate, updatedAt };
}

/**
 * Validation of one document, in ONE transaction and in this order: lock the row, check it is a draft
 * dated in an open period, recompute the totals from the lines, (credit notes) lock the invoice and
 * check what remains, take the legal number, freeze the snapshot, write the row, seal it (invoices,
 * credit notes, deposit invoices) and emit the event. Anything failing rolls everything back, the
 * number included.
 */
@Injectable()
export class DocumentValidationService {
  constructor(
    private readonly db: TenantDb,
    private readonly numbering: NumberingService,
    private readonly seals: SealService,
    private readonly periods: PeriodGuard,
    private readonly settings: BillingSettingsService,
  ) {}

  validate(ctx: TenantContext, type: DocumentType, id: string): Promise<LoadedDocument> {
    return this.db.transaction(ctx, async (tx) => {
      const loaded = await loadWithLines(tx, type, id, true);
      const { doc, lines } = loaded;
      assertDraft(doc);
      await this.periods.assertOpen(tx, doc.date);
      const before = { ...doc };
      await updateLineNets(tx, applyTotals(doc, lines, true));
      if (doc.kind === 'credit_note' && doc.creditedInvoiceId) {
        const invoice = await loadWithLines(tx, 'invoice', doc.creditedInvoiceId, true);
        assertWithinRemaining(invoice, await creditedSoFar(tx, invoice.doc.id, { includeDrafts: false, excludeId: doc.id }), loaded);
      }
      doc.number = doc.testMode
        ? testNumber(doc)
        : (await this.numbering.assign(tx, { documentType: numberingSeries(doc.type, doc.kind), establishmentId: doc.establishmentId, date: doc.date })).number;
      doc.status = 'validated';
      doc.validatedAt = new Date();
      doc.validatedBy = validator(tx);
      doc.updatedAt = doc.validatedAt;
      doc.snapshot = buildSnapshot(doc, lines, await loadSnapshotParts(tx, [doc], await this.settings.effective(tx)));
      await tx.manager.update(SalesDocumentEntity, { id: doc.id, companyId: tx.ctx.companyId }, validatedColumns(doc) as never);
      const kind = sealKind(doc.type, doc.kind);
      if (kind && !doc.testMode) await this.seals.seal(tx, { kind, recordType: 'sales_document', recordId: doc.id, recordDate: doc.date, payload: doc.snapshot });
      tx.audit({ entity: 'sales_document', entityId: doc.id, action: 'validate', changes: diffFields(before as never, doc as never, AUDITED) });
      emitDocumentEvent(tx, doc, 'validated', ['status', 'number']);
      return loaded;
    });
  }
}

/** Who validated: the user or API key (system work records none). */
export function validator(tx: TenantTx): string | null {
  return tx.ctx.actor.type === 'system' ? null : tx.ctx.actor.id;
}
