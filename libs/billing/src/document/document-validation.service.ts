import { Injectable } from '@nestjs/common';
import { assertOpenUntil, ChainHead, NumberingService, periodClosedAtCommit, SealService } from '@comptoir/ledger-lock';
import { Dec, TenantContext } from '@comptoir/platform/kernel';
import { diffFields, TenantDb, TenantTx } from '@comptoir/platform/database';
import { CreditSettlementService } from '../payments/credit-settlement.service';
import { openedBalance } from '../payments/live-balance';
import { SettlementLedger } from '../payments/settlement-ledger';
import { assertWithinRemaining, creditedSoFar } from './credit-notes';
import { AUDITED } from './document-drafting';
import { emitDocumentEvent } from './document-events';
import { DocumentType, numberingSeries, sealKind } from './document-kinds';
import { buildSnapshot, loadSnapshotParts } from './document-snapshot';
import { SnapshotExtensions } from './snapshot-extensions';
import { assertDraft, loadWithLines, LoadedDocument, updateLineNets } from './document-store';
import { applyTotals } from './document-totals';
import { validatedRowsUpdate } from './validated-rows';
import { SalesDocumentEntity } from './sales-document.entity';

/** A TEST-mode number: recognisable, unique, and drawn from no legal series. */
export function testNumber(doc: Pick<SalesDocumentEntity, 'id' | 'date'>): string {
  return `TEST-${doc.date.replace(/-/g, '')}-${doc.id.slice(-8).toUpperCase()}`;
}

/**
 * Validation of one document, in ONE transaction and in this order: lock the row, check it is a draft,
 * read what the snapshot copies and check the date is in an open period (one query), recompute the
 * totals from the lines, (credit notes) lock the invoice and check what remains, take the legal number (and for sealed kinds the
 * chain head, in the same statement), freeze the snapshot, seal it and emit the event. Anything
 * failing rolls everything back, the number included.
 *
 * The number series and the chain head are company-wide locks held until COMMIT, so everything that
 * does not need them is done before them, and after them comes only the COMMIT, which carries the
 * journal entry (with its period check, SealService.sealAtCommit), the row's UPDATE, the event and the
 * audit entry (TenantTx.writeAtCommit): the locks are held for two round trips.
 */
@Injectable()
export class DocumentValidationService {
  constructor(
    private readonly db: TenantDb,
    private readonly numbering: NumberingService,
    private readonly seals: SealService,
    private readonly settlements: SettlementLedger,
    private readonly credits: CreditSettlementService,
    private readonly extensions: SnapshotExtensions,
  ) {}

  async validate(ctx: TenantContext, type: DocumentType, id: string): Promise<LoadedDocument> {
    try {
      return await this.validateInTransaction(ctx, type, id);
    } catch (error) {
      throw periodClosedAtCommit(error) ?? error;
    }
  }

  private validateInTransaction(ctx: TenantContext, type: DocumentType, id: string): Promise<LoadedDocument> {
    return this.db.transaction(ctx, async (tx) => {
      const loaded = await loadWithLines(tx, type, id, true);
      const { doc, lines } = loaded;
      assertDraft(doc);
      const parts = await loadSnapshotParts(tx, [doc]);
      assertOpenUntil(doc.date, parts.closedUntil);
      const extend = await this.extensions.prepare(tx, [doc]);
      const before = { ...doc };
      await updateLineNets(tx, applyTotals(doc, lines, true));
      let corrected: SalesDocumentEntity | null = null;
      if (doc.kind === 'credit_note' && doc.creditedInvoiceId) {
        const invoice = await loadWithLines(tx, 'invoice', doc.creditedInvoiceId, true);
        assertWithinRemaining(invoice, await creditedSoFar(tx, invoice.doc.id, { includeDrafts: false, excludeId: doc.id }), loaded);
        corrected = invoice.doc;
      }
      const kind = doc.testMode ? null : sealKind(doc.type, doc.kind);
      const series = { documentType: numberingSeries(doc.type, doc.kind), establishmentId: doc.establishmentId, dates: [doc.date] };
      let head: ChainHead | undefined;
      if (doc.testMode) doc.number = testNumber(doc);
      else if (kind) {
        const taken = await this.seals.numberForSealing(tx, series);
        doc.number = taken.numbers[0]!.number;
        head = taken.head;
      } else doc.number = (await this.numbering.assignMany(tx, series))[0]!.number;
      doc.status = 'validated';
      doc.validatedAt = new Date();
      doc.validatedBy = validator(tx);
      doc.updatedAt = doc.validatedAt;
      doc.snapshot = buildSnapshot(doc, lines, parts);
      extend({ doc, lines, snapshot: doc.snapshot });
      if (kind) this.seals.sealAtCommit(tx, [{ kind, recordType: 'sales_document', recordId: doc.id, recordDate: doc.date, payload: doc.snapshot }], head!);
      const update = validatedRowsUpdate(tx, [doc]);
      tx.writeAtCommit(update.sql, update.params);
      // The live balance opens with the validated row; a credit note is then spent on the invoice it corrects.
      this.settlements.openAtCommit(tx, [doc.id]);
      const spent = corrected ? this.credits.allocateAtValidation(tx, doc, corrected) : new Dec(0);
      Object.assign(doc, openedBalance(doc, spent));
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
