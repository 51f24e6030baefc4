import type { AccountEntity, ContactEntity } from '@comptoir/crm';
import type { CompanyEntity, EstablishmentEntity } from '@comptoir/org';
import { closedUntilSql } from '@comptoir/ledger-lock';
import { TenantTx } from '@comptoir/platform/database';
import { BillingSettings, defaultBillingSettings } from '../settings/billing-defaults';
import { SalesDocumentLineEntity } from './sales-document-line.entity';
import { SalesDocumentEntity } from './sales-document.entity';

/** The fields of each outside record that a snapshot copies. */
export type SnapshotCompany = Pick<CompanyEntity, 'id' | 'legalName' | 'legalForm' | 'shareCapital' | 'siren' | 'rcs' | 'address'>;
export type SnapshotEstablishment = Pick<EstablishmentEntity, 'id' | 'name' | 'siret' | 'address' | 'documentHeader' | 'documentFooter'>;
export type SnapshotAccount = Pick<AccountEntity, 'id' | 'name' | 'kind' | 'siren' | 'siret' | 'email' | 'phone'>;
export type SnapshotContact = Pick<ContactEntity, 'id' | 'civility' | 'firstName' | 'lastName' | 'email'>;
export type SnapshotSettings = Pick<BillingSettings, 'latePenaltyText' | 'earlyPaymentText' | 'vatOnDebits'>;

/** Everything outside the document that its frozen snapshot copies: seller, buyers, legal texts, credited invoices. */
export interface SnapshotParts {
  company: SnapshotCompany;
  settings: SnapshotSettings;
  establishments: Map<string, SnapshotEstablishment>;
  accounts: Map<string, SnapshotAccount>;
  contacts: Map<string, SnapshotContact>;
  creditedInvoices: Map<string, { id: string; number: string | null; date: string }>;
  /** End of the company's last closed period, read in the same query (PeriodGuard's assertOpenUntil checks a date against it). */
  closedUntil: string | null;
}

/**
 * Loads the parts for one document or many (batch validation) in ONE query, with the end of the last
 * closed period. Values come as the
 * entities hold them (numerics and dates as PostgreSQL prints them), so the snapshot is the same
 * whichever way they were read.
 */
export async function loadSnapshotParts(tx: TenantTx, docs: SalesDocumentEntity[]): Promise<SnapshotParts> {
  const ids = (pick: (d: SalesDocumentEntity) => string | null) => [...new Set(docs.map(pick).filter((id): id is string => id !== null))];
  const [row] = (await tx.manager.query(
    `SELECT
       (SELECT json_build_object('id', id, 'legalName', legal_name, 'legalForm', legal_form, 'shareCapital', share_capital::text, 'siren', siren, 'rcs', rcs, 'address', address)
          FROM companies WHERE id = $1 AND organization_id = $2) AS company,
       (SELECT json_build_object('latePenaltyText', late_penalty_text, 'earlyPaymentText', early_payment_text, 'vatOnDebits', vat_on_debits)
          FROM billing_settings WHERE company_id = $1) AS settings,
       (SELECT json_agg(json_build_object('id', id, 'name', name, 'siret', siret, 'address', address, 'documentHeader', document_header, 'documentFooter', document_footer))
          FROM establishments WHERE company_id = $1 AND id = ANY($3::uuid[])) AS establishments,
       (SELECT json_agg(json_build_object('id', id, 'name', name, 'kind', kind, 'siren', siren, 'siret', siret, 'email', email, 'phone', phone))
          FROM accounts WHERE company_id = $1 AND id = ANY($4::uuid[])) AS accounts,
       (SELECT json_agg(json_build_object('id', id, 'civility', civility, 'firstName', first_name, 'lastName', last_name, 'email', email))
          FROM contacts WHERE company_id = $1 AND id = ANY($5::uuid[])) AS contacts,
       (SELECT json_agg(json_build_object('id', id, 'number', number, 'date', date::text))
          FROM sales_documents WHERE company_id = $1 AND id = ANY($6::uuid[])) AS credited,
       ${closedUntilSql('$1')} AS closed_until`,
    [
      tx.ctx.companyId,
      tx.ctx.organizationId,
      ids((d) => d.establishmentId),
      ids((d) => d.accountId),
      ids((d) => d.contactId),
      ids((d) => d.creditedInvoiceId),
    ],
  )) as {
    company: SnapshotCompany;
    settings: SnapshotSettings | null;
    establishments: SnapshotEstablishment[] | null;
    accounts: SnapshotAccount[] | null;
    contacts: SnapshotContact[] | null;
    credited: { id: string; number: string | null; date: string }[] | null;
    closed_until: string | null;
  }[];
  const byId = <T extends { id: string }>(rows: T[] | null) => new Map((rows ?? []).map((r) => [r.id, r]));
  return {
    company: row!.company,
    settings: row!.settings ?? defaultBillingSettings(),
    establishments: byId(row!.establishments),
    accounts: byId(row!.accounts),
    contacts: byId(row!.contacts),
    creditedInvoices: byId(row!.credited),
    closedUntil: row!.closed_until,
  };
}

/** A business buyer (B2B mentions: SIREN, 40 € recovery indemnity): a company account or one with a SIREN. */
export function isBusiness(account: Pick<SnapshotAccount, 'kind' | 'siren'>): boolean {
  return account.kind === 'company' || account.siren !== null;
}

/** What the document supplies: goods, services or both. A final invoice's deposit deductions supply nothing, they do not count. */
export function operationCategory(lines: Pick<SalesDocumentLineEntity, 'kind' | 'productType' | 'depositInvoiceId'>[]): 'goods' | 'services' | 'mixed' {
  const types = new Set(lines.filter((l) => l.kind === 'item' && !l.depositInvoiceId).map((l) => l.productType ?? 'service'));
  if (types.size > 1) return 'mixed';
  return types.has('goods') ? 'goods' : 'services';
}

/**
 * What a line sold, field by field: the snapshot seals it as is and the API shows it with the line's id
 * (one list, so the two cannot drift apart). A field added here changes the sealed payload of every
 * document validated afterwards.
 */
export function soldLine(l: SalesDocumentLineEntity) {
  return {
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
    depositInvoiceId: l.depositInvoiceId,
  };
}

/** Plain JSON: what is sealed must read back from jsonb identically (no undefined, no Dates). */
const plain = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

/**
 * The frozen snapshot of a validated document: what was sold, to whom, by whom, for how much, under
 * which terms. Numbers are decimal strings; `totals` has the engine's DocumentTotals shape (closings
 * read it). Credit notes keep positive amounts: `kind` says the sign.
 */
export function buildSnapshot(doc: SalesDocumentEntity, lines: SalesDocumentLineEntity[], parts: SnapshotParts): Record<string, unknown> {
  return plain(snapshotOf(doc, lines, parts));
}

/**
 * The frozen snapshot as validation builds it (the JSON in `sales_documents.snapshot`): modules above
 * billing that read a sealed snapshot (e-invoicing) type their views of it from this one.
 */
export type DocumentSnapshot = ReturnType<typeof snapshotOf>;

function snapshotOf(doc: SalesDocumentEntity, lines: SalesDocumentLineEntity[], parts: SnapshotParts) {
  const { company } = parts;
  const establishment = parts.establishments.get(doc.establishmentId)!;
  const account = parts.accounts.get(doc.accountId)!;
  const contact = doc.contactId ? parts.contacts.get(doc.contactId) : undefined;
  const preceding = doc.creditedInvoiceId ? parts.creditedInvoices.get(doc.creditedInvoiceId) : undefined;
  return {
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
    lines: lines.map(soldLine),
    generalDiscount: doc.generalDiscount,
    shipping: doc.shipping,
    totals: doc.totals,
    paymentMethod: doc.paymentMethod,
    paymentTerms: doc.paymentTerms,
    earlyPaymentDiscount: doc.earlyPaymentDiscount,
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
  };
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
