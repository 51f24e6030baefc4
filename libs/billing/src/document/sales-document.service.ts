import { Injectable } from '@nestjs/common';
import { PeriodGuard } from '@comptoir/ledger-lock';
import { BusinessRuleError, ConflictError, TenantContext } from '@comptoir/platform/kernel';
import { TenantDb, TenantTx } from '@comptoir/platform/database';
import { assertCreditable, assertGrossWithinRemaining, creditedSoFar, creditNoteDraft } from './credit-notes';
import { assertConvertible, conversionLines, statusAfterConversion } from './document-conversion';
import { DocumentDrafting } from './document-drafting';
import { competingRevisions, lastRevision, parentsToReopen } from './document-family';
import { CANCELLABLE, DocumentStatus, DocumentType } from './document-kinds';
import { DocumentVerb, emitDocumentEvent } from './document-events';
import { attachLines, copyLine, DocumentLineFactory } from './document-lines';
import { DocumentListPage, listDocuments } from './document-list';
import { assertDraft, documents, loadWithLines, LoadedDocument } from './document-store';
import { AddLineDto, CreateDocumentDto, UpdateDocumentDto } from './dto/document.dto';
import { CreateCreditNoteDto } from './dto/document-actions.dto';
import { ListDocumentsQuery } from './dto/list-documents.query';
import { SalesDocumentEntity } from './sales-document.entity';

/** Use cases of sales documents shared by the four types (validation has its own service). */
@Injectable()
export class SalesDocumentService {
  constructor(
    private readonly db: TenantDb,
    private readonly drafting: DocumentDrafting,
    private readonly lineFactory: DocumentLineFactory,
    private readonly periods: PeriodGuard,
  ) {}

  list(ctx: TenantContext, type: DocumentType, query: ListDocumentsQuery): Promise<DocumentListPage> {
    return this.db.transaction(ctx, (tx) => listDocuments(tx, type, query));
  }

  get(ctx: TenantContext, type: DocumentType | null, id: string): Promise<LoadedDocument> {
    return this.db.transaction(ctx, (tx) => loadWithLines(tx, type, id));
  }

  create(ctx: TenantContext, type: DocumentType, input: CreateDocumentDto): Promise<LoadedDocument> {
    return this.db.transaction(ctx, (tx) => this.drafting.create(tx, type, input));
  }

  update(ctx: TenantContext, type: DocumentType, id: string, input: UpdateDocumentDto): Promise<LoadedDocument> {
    return this.onDraft(ctx, type, id, (tx, loaded) => this.drafting.update(tx, loaded, input));
  }

  delete(ctx: TenantContext, type: DocumentType, id: string): Promise<void> {
    return this.onDraft(ctx, type, id, async (tx, { doc }) => {
      const reopen = await parentsToReopen(tx, doc);
      await documents(tx).remove(doc);
      for (const parent of reopen) await this.moveStatus(tx, parent, 'validated', 'reopened');
      tx.audit({ entity: 'sales_document', entityId: doc.id, action: 'delete', changes: {} });
      emitDocumentEvent(tx, doc, 'deleted');
    });
  }

  /** Fast line entry: one product line priced by the catalog, appended. */
  addLine(ctx: TenantContext, type: DocumentType, id: string, input: AddLineDto): Promise<LoadedDocument> {
    return this.onDraft(ctx, type, id, async (tx, loaded) => {
      const values = await this.lineFactory.priced(tx, input, { accountId: loaded.doc.accountId, date: loaded.doc.date }, 'body');
      const [line] = attachLines(loaded.doc.id, [values]);
      const lines = [...loaded.lines, Object.assign(line!, { position: loaded.lines.length })];
      return this.drafting.saveDraft(tx, { doc: loaded.doc, lines }, { ...loaded.doc }, true, []);
    });
  }

  /** Resets the product lines of a draft from the current catalog (prices, VAT, descriptions); quantities and free lines stay. */
  synchronise(ctx: TenantContext, type: DocumentType, id: string): Promise<LoadedDocument> {
    return this.onDraft(ctx, type, id, async (tx, loaded) => {
      const context = { accountId: loaded.doc.accountId, date: loaded.doc.date };
      const values = [];
      for (const [i, line] of loaded.lines.entries()) {
        if (!line.productId || line.kind !== 'item') values.push(copyLine(line, { sourceLineId: line.sourceLineId }));
        else values.push({ ...(await this.lineFactory.priced(tx, { productId: line.productId, quantity: line.quantity, unit: line.unit }, context, `lines[${i}]`)), sourceLineId: line.sourceLineId, availabilityDate: line.availabilityDate });
      }
      return this.drafting.saveDraft(tx, { doc: loaded.doc, lines: attachLines(loaded.doc.id, values) }, { ...loaded.doc }, true, []);
    });
  }

  convert(ctx: TenantContext, type: DocumentType, id: string, to: DocumentType): Promise<LoadedDocument> {
    return this.db.transaction(ctx, async (tx) => {
      const source = await loadWithLines(tx, type, id, true);
      assertConvertible(source, to);
      const created = await this.drafting.derive(tx, source.doc, {
        type: to,
        kind: to === 'invoice' ? 'invoice' : null,
        lines: await conversionLines(tx, source, to),
        relation: 'converted',
        overrides: { proforma: false },
      });
      const next = statusAfterConversion(type, to);
      if (next && source.doc.status !== next) await this.moveStatus(tx, source.doc, next, 'converted');
      if (type === 'quote') for (const other of await competingRevisions(tx, source.doc)) await this.moveStatus(tx, other.doc, other.closeAs, other.closeAs);
      return created;
    });
  }

  /** A new draft with the same header and lines (credit notes are drawn from their invoice instead). */
  duplicate(ctx: TenantContext, type: DocumentType, id: string): Promise<LoadedDocument> {
    return this.db.transaction(ctx, async (tx) => {
      const source = await loadWithLines(tx, type, id);
      if (source.doc.kind === 'credit_note') throw new BusinessRuleError('not_duplicable', 'A credit note is drawn up from its invoice, not duplicated');
      return this.drafting.derive(tx, source.doc, {
        type,
        kind: source.doc.kind,
        // A final invoice's deposit deductions belong to it: a copy deducting them again would count the deposits twice.
        lines: source.lines.filter((l) => l.depositInvoiceId === null).map((l) => copyLine(l, { sourceLineId: null })),
        relation: null,
      });
    });
  }

  /** Quotes: the next version (revision n + 1) of the same quote, as a draft linked to the one it revises. */
  revise(ctx: TenantContext, id: string): Promise<LoadedDocument> {
    return this.db.transaction(ctx, async (tx) => {
      const source = await loadWithLines(tx, 'quote', id, true);
      if (source.doc.status === 'done' || source.doc.status === 'cancelled') throw new ConflictError('invalid_transition', `A ${source.doc.status} quote cannot be revised`);
      const root = source.doc.revisionOf ?? source.doc.id;
      return this.drafting.derive(tx, source.doc, {
        type: 'quote',
        kind: null,
        lines: source.lines.map((l) => copyLine(l, { sourceLineId: null })),
        relation: 'revision',
        overrides: { revision: (await lastRevision(tx, root)) + 1, revisionOf: root },
      });
    });
  }

  refuse(ctx: TenantContext, id: string): Promise<LoadedDocument> {
    return this.transition(ctx, 'quote', id, ['validated'], 'refused', 'refused');
  }

  /** Quotes and orders only: an invoice is never cancelled, a credit note corrects it. */
  cancel(ctx: TenantContext, type: DocumentType, id: string): Promise<LoadedDocument> {
    if (!CANCELLABLE.includes(type)) throw new BusinessRuleError('not_cancellable', 'Invoices are never cancelled: draw up a credit note');
    return this.transition(ctx, type, id, ['draft', 'validated'], 'cancelled', 'cancelled');
  }

  /** A draft credit note for the requested quantities of an invoice's lines, or for everything that remains uncredited. */
  creditNote(ctx: TenantContext, invoiceId: string, input: CreateCreditNoteDto): Promise<LoadedDocument> {
    return this.db.transaction(ctx, async (tx) => {
      // The invoice's row lock serialises concurrent credit notes of the same invoice.
      const invoice = await loadWithLines(tx, 'invoice', invoiceId, true);
      assertCreditable(invoice.doc);
      const credited = await creditedSoFar(tx, invoice.doc.id, { includeDrafts: true });
      const draft = creditNoteDraft(invoice, credited, input.lines);
      const created = await this.drafting.derive(tx, invoice.doc, {
        type: 'invoice',
        kind: 'credit_note',
        lines: draft.lines,
        relation: 'credit_note',
        overrides: { creditedInvoiceId: invoice.doc.id, generalDiscount: draft.generalDiscount, shipping: draft.shipping, paymentTerms: [], proforma: false },
      });
      assertGrossWithinRemaining(invoice.doc, credited, created.doc.gross);
      return created;
    });
  }

  private async transition(ctx: TenantContext, type: DocumentType, id: string, from: DocumentStatus[], to: DocumentStatus, verb: DocumentVerb): Promise<LoadedDocument> {
    return this.db.transaction(ctx, async (tx) => {
      const loaded = await loadWithLines(tx, type, id, true);
      if (!from.includes(loaded.doc.status)) throw new ConflictError('invalid_transition', `A ${loaded.doc.status} ${type} cannot be ${to}`);
      if (to === 'cancelled') await this.periods.assertOpen(tx, loaded.doc.date);
      await this.moveStatus(tx, loaded.doc, to, verb);
      return loaded;
    });
  }

  private async moveStatus(tx: TenantTx, doc: SalesDocumentEntity, status: DocumentStatus, verb: DocumentVerb): Promise<void> {
    const from = doc.status;
    doc.status = status;
    doc.updatedAt = new Date();
    await tx.manager.update(SalesDocumentEntity, { id: doc.id, companyId: tx.ctx.companyId }, { status, updatedAt: doc.updatedAt });
    tx.audit({ entity: 'sales_document', entityId: doc.id, action: verb, changes: { status: { from, to: status } } });
    emitDocumentEvent(tx, doc, verb, ['status']);
  }

  private onDraft<T>(ctx: TenantContext, type: DocumentType, id: string, work: (tx: TenantTx, loaded: LoadedDocument) => Promise<T>): Promise<T> {
    return this.db.transaction(ctx, async (tx) => {
      const loaded = await loadWithLines(tx, type, id, true);
      assertDraft(loaded.doc);
      return work(tx, loaded);
    });
  }
}
