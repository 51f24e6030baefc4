import { AccountEntity, ContactEntity } from '@comptoir/crm';
import { CompanyEntity, EstablishmentEntity } from '@comptoir/org';
import { TenantTx } from '@comptoir/platform/database';
import { BillingSettings } from '../settings/billing-defaults';
import { loadCompany } from './document-parties';
import { SalesDocumentLineEntity } from './sales-document-line.entity';
import { SalesDocumentEntity } from './sales-document.entity';

/** Everything outside the document that its frozen snapshot copies: seller, buyers, legal texts, credited invoices. */
export interface SnapshotParts {
  company: CompanyEntity;
  settings: BillingSettings;
  establishments: Map<string, EstablishmentEntity>;
  accounts: Map<string, AccountEntity>;
  contacts: Map<string, ContactEntity>;
  creditedInvoices: Map<string, { id: string; number: string | null; date: string }>;
}

/** Loads the parts for many documents at once (batch validation), in a handful of queries. */
export async function loadSnapshotParts(tx: TenantTx, docs: SalesDocumentEntity[], settings: BillingSettings): Promise<SnapshotParts> {
  const ids = (pick: (d: SalesDocumentEntity) => string | null) => [...new Set(docs.map(pick).filter((id): id is string => id !== null))];
  const byIds = async <T extends { id: string }>(rows: Promise<T[]>) => new Map((await rows).map((r) => [r.id, r]));
  const inIds = <T extends EstablishmentEntity | AccountEntity | ContactEntity>(target: new () => T, label: string, list: string[]) =>
    list.length ? tx.repo(target, label).query('x').andWhere('x.id IN (:...list)', { list }).getMany() : Promise.resolve([] as T[]);
  const credited = ids((d) => d.creditedInvoiceId);
  return {
    company: await loadCompany(tx),
    settings,
    establishments: await byIds(inIds(EstablishmentEntity, 'Establishment', ids((d) => d.establishmentId))),
    accounts: await byIds(inIds(AccountEntity, 'Account', ids((d) => d.accountId))),
    contacts: await byIds(inIds(ContactEntity, 'Contact', ids((d) => d.contactId))),
    creditedInvoices: await byIds(
      credited.length
        ? (tx.manager.query(`SELECT id, number, CAST(date AS text) AS date FROM sales_documents WHERE company_id = $1 AND id = ANY($2::uuid[])`, [tx.ctx.companyId, credited]) as Promise<{ id: string; number: string | null; date: string }[]>)
        : Promise.resolve([]),
    ),
  };
}

/** A business buyer (B2B mentions: SIREN, 40 € recovery indemnity): a company account or one with a SIREN. */
export function isBusiness(account: Pick<AccountEntity, 'kind' | 'siren'>): boolean {
  return account.kind === 'company' || account.siren !== null;
}

export function operationCategory(lines: SalesDocumentLineEntity[]): 'goods' | 'services' | 'mixed' {
  const types = new Set(lines.filter((l) => l.kind === 'item').map((l) => l.productType ?? 'service'));
  if (types.size > 1) return 'mixed';
  return types.has('goods') ? 'goods' : 'services';
}

/** Plain JSON: what is sealed must read back from jsonb identically (no undefined, no Dates). */
const plain = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

/**
 * The frozen snapshot of a validated document: what was sold, to whom, by whom, for how much, under
 * which terms. Numbers are decimal strings; `totals` has the engine's DocumentTotals shape (closings
 * read it). Credit notes keep positive amounts: `kind` says the sign.
 */
export function buildSnapshot(doc: SalesDocumentEntity, lines: SalesDocumentLineEntity[], parts: SnapshotParts): Record<string, unknown> {
  const { company } = parts;
  const establishment = parts.establishments.get(doc.establishmentId)!;
  const account = parts.accounts.get(doc.accountId)!;
  const contact = doc.contactId ? parts.contacts.get(doc.contactId) : undefined;
  const preceding = doc.creditedInvoiceId ? parts.creditedInvoices.get(doc.creditedInvoiceId) : undefined;
  return plain({
    version: 1,
    id: doc.id,
    type: doc.type,
    kind: doc.kind,
    number: doc.number,
    date: doc.date,
    dueDate: doc.dueDate,
    validityDate: doc.validityDate,
    deliveryDate: doc.deliveryDate,
    currency: doc.currency,
    title: doc.title,
    testMode: doc.testMode,
    proforma: doc.proforma,
    creditedInvoiceId: doc.creditedInvoiceId,
    seller: {
      companyId: company.id,
      name: company.legalName,
      legalForm: company.legalForm,
      shareCapital: company.shareCapital,
      siren: company.siren,
      rcs: company.rcs,
      vatNumber: doc.sellerVatNumber,
      address: company.address,
      establishment: {
        id: establishment.id,
        name: establishment.name,
        siret: establishment.siret,
        address: establishment.address,
        header: establishment.documentHeader,
        footer: establishment.documentFooter,
      },
    },
    buyer: {
      accountId: account.id,
      name: account.name,
      kind: account.kind,
      siren: account.siren,
      siret: account.siret,
      vatNumber: doc.buyerVatNumber,
      email: account.email,
      phone: account.phone,
      address: doc.billingAddress,
      contact: contact ? { id: contact.id, name: [contact.civility, contact.firstName, contact.lastName].filter(Boolean).join(' '), email: contact.email } : null,
    },
    deliveryAddress: doc.deliveryAddress,
    deliveryAttention: doc.deliveryAttention,
    lines: lines.map((l) => ({
      position: l.position,
      kind: l.kind,
      productId: l.productId,
      productType: l.productType,
      reference: l.reference,
      description: l.description,
      quantity: l.quantity,
      unit: l.unit,
      unitPrice: l.unitPrice,
      discountPercent: l.discountPercent,
      vatRate: l.vatRate,
      vatCategory: l.vatCategory,
      vatExemptionReason: l.vatExemptionReason,
      otherTaxes: l.otherTaxes,
      availabilityDate: l.availabilityDate,
      net: l.net,
      sourceLineId: l.sourceLineId,
    })),
    generalDiscount: doc.generalDiscount,
    shipping: doc.shipping,
    totals: doc.totals,
    paymentMethod: doc.paymentMethod,
    paymentTerms: doc.paymentTerms,
    schedule: doc.schedule,
    termsOfSale: doc.termsOfSale,
    specialTerms: doc.specialTerms,
    legal: {
      buyerIsBusiness: isBusiness(account),
      operationCategory: operationCategory(lines),
      latePenaltyText: parts.settings.latePenaltyText,
      earlyPaymentText: parts.settings.earlyPaymentText,
      vatOnDebits: parts.settings.vatOnDebits,
      precedingInvoice: preceding ? { id: preceding.id, number: preceding.number, date: preceding.date } : null,
    },
  });
}

/**
 * The sealed payload as the stored row says it is now: the frozen snapshot with the legal columns laid
 * over it. Identical to the snapshot while nothing was touched; an edited column or snapshot field
 * changes it, which the ledger verification reports.
 */
export function payloadFromRow(row: SealedRow): Record<string, unknown> {
  const snapshot = (row.snapshot ?? {}) as Record<string, unknown> & { buyer?: Record<string, unknown>; seller?: Record<string, unknown>; totals?: Record<string, unknown> };
  return {
    ...snapshot,
    id: row.id,
    type: row.type,
    kind: row.kind,
    number: row.number,
    date: row.date,
    currency: row.currency,
    testMode: row.test_mode,
    creditedInvoiceId: row.credited_invoice_id,
    buyer: { ...snapshot.buyer, accountId: row.account_id },
    seller: { ...snapshot.seller, establishment: { ...((snapshot.seller?.['establishment'] as object | undefined) ?? {}), id: row.establishment_id } },
    totals: { ...snapshot.totals, net: row.net, vatTotal: row.vat_total, gross: row.gross, prepaid: row.prepaid, due: row.due },
  };
}

export interface SealedRow {
  id: string;
  type: string;
  kind: string | null;
  number: string | null;
  date: string;
  currency: string;
  test_mode: boolean;
  credited_invoice_id: string | null;
  account_id: string;
  establishment_id: string;
  net: string;
  vat_total: string;
  gross: string;
  prepaid: string;
  due: string;
  snapshot: Record<string, unknown> | null;
}

/** Reads the rows payloadFromRow needs (numbers and dates as PostgreSQL prints them, like the snapshot holds them). */
export async function loadSealedRows(tx: TenantTx, ids: string[]): Promise<SealedRow[]> {
  if (!ids.length) return [];
  return (await tx.manager.query(
    `SELECT id, type, kind, number, CAST(date AS text) AS date, currency, test_mode, credited_invoice_id, account_id, establishment_id,
            CAST(net AS text) AS net, CAST(vat_total AS text) AS vat_total, CAST(gross AS text) AS gross, CAST(prepaid AS text) AS prepaid,
            CAST(due AS text) AS due, snapshot
     FROM sales_documents WHERE company_id = $1 AND id = ANY($2::uuid[])`,
    [tx.ctx.companyId, ids],
  )) as SealedRow[];
}
