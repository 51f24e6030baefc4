import { Injectable } from '@nestjs/common';
import { validatePaymentTerms } from '@comptoir/billing-engine';
import { PeriodGuard } from '@comptoir/ledger-lock';
import { newId, normaliseVatNumber, ValidationFailedError } from '@comptoir/platform/kernel';
import { diffFields, TenantTx } from '@comptoir/platform/database';
import { companyCalendar } from '@comptoir/org';
import { addDays } from '../common/dates';
import { keptDepositDeductions } from '../deposits/deposit-lines';
import { BillingSettingsService } from '../settings/billing-settings.service';
import { DocumentType, InvoiceKind, LinkRelation } from './document-kinds';
import { emitDocumentEvent } from './document-events';
import { attachLines, DocumentLineFactory, LineValues } from './document-lines';
import { assertCompanyUser, loadCompany, loadContact, loadCustomer, loadEstablishment } from './document-parties';
import { documents, insertLines, link, LoadedDocument, replaceLines, updateLineNets } from './document-store';
import { applyTotals, asInstallments, assertEarlyPaymentDiscountValid, assertTermsValid } from './document-totals';
import { CreateDocumentDto, UpdateDocumentDto } from './dto/document.dto';
import { SalesDocumentEntity } from './sales-document.entity';
import { noLiveBalance } from '../payments/live-balance';

/** Header fields recorded in the audit trail. */
export const AUDITED = [
  'status', 'number', 'accountId', 'contactId', 'title', 'date', 'validityDate', 'deliveryDate', 'dueDate', 'paymentMethod', 'paymentTerms', 'earlyPaymentDiscount',
  'assignedUserId', 'internalNote', 'billingAddress', 'deliveryAddress', 'deliveryAttention', 'buyerVatNumber', 'termsOfSale', 'specialTerms',
  'pdfOptions', 'generalDiscount', 'shipping', 'proforma', 'net', 'vatTotal', 'gross',
] as const;

/** Fields a PATCH may not clear with null. */
const NOT_NULL = ['accountId', 'date', 'paymentTerms', 'pdfOptions', 'proforma', 'lines'] as const;

/** A new document copied from another one (conversion, duplicate, credit note, revision). */
export interface DerivedDraft {
  type: DocumentType;
  kind: InvoiceKind | null;
  lines: LineValues[];
  /** The chain arrow from the source; null for a plain copy (duplicate), which joins no chain. */
  relation: LinkRelation | null;
  /** Header values that differ from the source's. */
  overrides?: Partial<SalesDocumentEntity>;
}

/**
 * Writes drafts: the defaults of a new document (establishment, currency, company settings, customer
 * addresses), header and line changes, totals on every write, audit and events. Every rule that
 * decides what a draft may hold lives here, whichever use case creates or edits it.
 */
@Injectable()
export class DocumentDrafting {
  constructor(
    private readonly lineFactory: DocumentLineFactory,
    private readonly settings: BillingSettingsService,
    private readonly periods: PeriodGuard,
  ) {}

  async create(tx: TenantTx, type: DocumentType, input: CreateDocumentDto): Promise<LoadedDocument> {
    if (input.kind && type !== 'invoice') throw new ValidationFailedError([{ path: 'kind', message: 'kind applies to invoices only' }]);
    const [company, establishment, settings, today] = [await loadCompany(tx), await loadEstablishment(tx, input.establishmentId), await this.settings.effective(tx), (await companyCalendar(tx)).today];
    const date = input.date ?? today;
    const account = await loadCustomer(tx, input.accountId);
    const doc = Object.assign(new SalesDocumentEntity(), {
      ...newDraftState(),
      type,
      kind: type === 'invoice' ? (input.kind ?? 'invoice') : null,
      establishmentId: establishment.id,
      currency: company.currency,
      accountId: account.id,
      contactId: null,
      title: null,
      date,
      validityDate: type === 'quote' ? addDays(date, settings.quoteValidityDays) : null,
      deliveryDate: null,
      dueDate: null,
      paymentMethod: account.preferredPaymentMethod,
      paymentTerms: settings.paymentTerms,
      schedule: [],
      assignedUserId: null,
      internalNote: null,
      billingAddress: account.billingAddress ? stripLabel(account.billingAddress) : null,
      deliveryAddress: null,
      deliveryAttention: null,
      sellerVatNumber: company.vatNumber,
      buyerVatNumber: account.vatNumber,
      termsOfSale: settings.termsOfSale,
      specialTerms: null,
      pdfOptions: settings.pdfOptions,
      generalDiscount: null,
      shipping: null,
      proforma: false,
      testMode: company.isSandbox,
    } satisfies Partial<SalesDocumentEntity>);
    const lines = await this.applyInput(tx, doc, input, true);
    return this.insert(tx, doc, attachLines(doc.id, lines ?? []));
  }

  /** PATCH of a draft: header fields, and `lines` replaces every line. */
  async update(tx: TenantTx, loaded: LoadedDocument, input: UpdateDocumentDto): Promise<LoadedDocument> {
    const nulls = NOT_NULL.filter((field) => (input as Record<string, unknown>)[field] === null);
    if (nulls.length) throw new ValidationFailedError(nulls.map((field) => ({ path: field, message: `${field} cannot be null` })));
    const { doc } = loaded;
    const before = { ...doc };
    const values = await this.applyInput(tx, doc, input, false);
    // The deposit deductions of a final invoice are the system's, not the client's: new lines replace the others.
    const lines = values ? attachLines(doc.id, [...values, ...keptDepositDeductions(loaded.lines)]) : loaded.lines;
    return this.saveDraft(tx, { doc, lines }, before, values !== null, []);
  }

  /** Writes a changed draft: totals, lines when replaced, row, audit, event. */
  async saveDraft(tx: TenantTx, loaded: LoadedDocument, before: SalesDocumentEntity, linesReplaced: boolean, extraChanged: string[]): Promise<LoadedDocument> {
    const { doc, lines } = loaded;
    const changedNets = applyTotals(doc, lines, doc.dueDate !== before.dueDate);
    doc.updatedAt = new Date();
    if (linesReplaced) await replaceLines(tx, doc.id, lines);
    else await updateLineNets(tx, changedNets);
    await documents(tx).save(doc);
    const changes = diffFields(before as never, doc as never, AUDITED);
    const changed = [...Object.keys(changes), ...(linesReplaced ? ['lines'] : []), ...extraChanged];
    tx.audit({ entity: 'sales_document', entityId: doc.id, action: 'update', changes: linesReplaced ? { ...changes, lines: { from: null, to: lines.length } } : changes });
    emitDocumentEvent(tx, doc, 'updated', changed);
    return loaded;
  }

  /** A new draft copied from `source`: parties, addresses, terms and the given lines; linked to it. */
  async derive(tx: TenantTx, source: SalesDocumentEntity, draft: DerivedDraft): Promise<LoadedDocument> {
    const date = (await companyCalendar(tx)).today;
    const settings = await this.settings.effective(tx);
    const doc = Object.assign(new SalesDocumentEntity(), {
      ...source,
      ...newDraftState(),
      type: draft.type,
      kind: draft.kind,
      date,
      validityDate: draft.type === 'quote' ? addDays(date, settings.quoteValidityDays) : null,
      deliveryDate: draft.type === 'order' || draft.type === 'delivery_note' ? source.deliveryDate : null,
      dueDate: null,
      // A sandbox company's documents stay in TEST mode whatever they come from.
      testMode: source.testMode,
      ...draft.overrides,
    } satisfies Partial<SalesDocumentEntity>);
    const created = await this.insert(tx, doc, attachLines(doc.id, draft.lines));
    if (draft.relation) await link(tx, source.id, doc.id, draft.relation);
    return created;
  }

  private async insert(tx: TenantTx, doc: SalesDocumentEntity, lines: LoadedDocument['lines']): Promise<LoadedDocument> {
    await this.periods.assertOpen(tx, doc.date);
    applyTotals(doc, lines, doc.dueDate !== null);
    doc.organizationId = tx.ctx.organizationId;
    doc.companyId = tx.ctx.companyId;
    await tx.manager.insert(SalesDocumentEntity, doc as never);
    await insertLines(tx, lines);
    tx.audit({ entity: 'sales_document', entityId: doc.id, action: 'create', changes: diffFields(null, doc as never, AUDITED) });
    emitDocumentEvent(tx, doc, 'created');
    return { doc, lines };
  }

  /**
   * Applies the header fields of a create or PATCH body to the draft and resolves its lines (null when
   * the body has none, on PATCH). The account's addresses and VAT number follow a change of account.
   */
  private async applyInput(tx: TenantTx, doc: SalesDocumentEntity, input: UpdateDocumentDto, creating: boolean): Promise<LineValues[] | null> {
    if (!creating && input.accountId && input.accountId !== doc.accountId) {
      const account = await loadCustomer(tx, input.accountId);
      doc.accountId = account.id;
      doc.contactId = null;
      doc.billingAddress = account.billingAddress ? stripLabel(account.billingAddress) : null;
      doc.buyerVatNumber = account.vatNumber;
    }
    if (input.contactId) await loadContact(tx, input.contactId, doc.accountId);
    if (input.assignedUserId) await assertCompanyUser(tx, input.assignedUserId);
    if (input.date !== undefined && !creating) await this.periods.assertOpen(tx, input.date);
    if (input.paymentTerms !== undefined && input.paymentTerms.length) assertTermsValid(validatePaymentTerms(asInstallments(input.paymentTerms)));
    if (input.earlyPaymentDiscount) assertEarlyPaymentDiscountValid(input.earlyPaymentDiscount);
    const { lines, pdfOptions, accountId: _account, ...header } = input;
    for (const [key, value] of Object.entries(header)) if (value !== undefined && key !== 'kind' && key !== 'establishmentId') (doc as unknown as Record<string, unknown>)[key] = value;
    if (input.buyerVatNumber) doc.buyerVatNumber = normaliseVatNumber(input.buyerVatNumber);
    if (pdfOptions) doc.pdfOptions = { ...doc.pdfOptions, ...pdfOptions };
    if (input.shipping) doc.shipping = { amount: input.shipping.amount, vatRate: input.shipping.vatRate, vatCategory: input.shipping.vatCategory ?? 'S' };
    return lines === undefined ? null : this.lineFactory.fromInputs(tx, lines, { accountId: doc.accountId, date: doc.date });
  }
}

/** What every new draft starts as, whether typed in or copied: a new id, unnumbered, first revision, never validated, no PDF. */
function newDraftState() {
  const now = new Date();
  return {
    id: newId(),
    status: 'draft',
    number: null,
    revision: 1,
    revisionOf: null,
    snapshot: null,
    validatedAt: null,
    validatedBy: null,
    creditedInvoiceId: null,
    pdfKey: null,
    pdfSha256: null,
    // A copy of a validated invoice owes nothing: its live balance starts at validation.
    ...noLiveBalance(),
    createdAt: now,
    updatedAt: now,
  } satisfies Partial<SalesDocumentEntity>;
}

function stripLabel<T extends { label?: string }>(address: T): Omit<T, 'label'> {
  const { label: _label, ...rest } = address;
  return rest;
}
