import type { NumberedDocumentType, SealKind } from '@comptoir/ledger-lock';

export const DOCUMENT_TYPES = ['quote', 'order', 'delivery_note', 'invoice'] as const;
export type DocumentType = (typeof DOCUMENT_TYPES)[number];

export const INVOICE_KINDS = ['invoice', 'deposit', 'credit_note'] as const;
export type InvoiceKind = (typeof INVOICE_KINDS)[number];

export const DOCUMENT_STATUSES = ['draft', 'validated', 'done', 'cancelled', 'refused'] as const;
export type DocumentStatus = (typeof DOCUMENT_STATUSES)[number];

/** Where a validated invoice stands against its payments and credit notes (API `paymentStatus`). */
export const PAYMENT_STATUSES = ['unpaid', 'partially_paid', 'paid'] as const;
export type PaymentStatusOfInvoice = (typeof PAYMENT_STATUSES)[number];

export const COLLECTION_STATUSES = ['pending'] as const;
export type CollectionStatus = (typeof COLLECTION_STATUSES)[number];

/** Situations that suspend dunning (DOMAIN §6). */
export const RECOVERY_STATUSES = ['disputed', 'judicial_recovery', 'factored'] as const;
export type RecoveryStatus = (typeof RECOVERY_STATUSES)[number];

export const LINE_KINDS = ['item', 'comment', 'page_break'] as const;
export type LineKind = (typeof LINE_KINDS)[number];

/** `deposit`: an order or quote → a deposit invoice drawn on it (not a conversion: the source stays open). */
export const LINK_RELATIONS = ['converted', 'credit_note', 'revision', 'deposit'] as const;
export type LinkRelation = (typeof LINK_RELATIONS)[number];

/** The arrows of the chain (DOMAIN §4): what each type may be converted into. */
export const CONVERSIONS: Record<DocumentType, readonly DocumentType[]> = {
  quote: ['order', 'invoice'],
  order: ['delivery_note', 'invoice'],
  delivery_note: ['invoice'],
  invoice: [],
};

/** Types that can be cancelled (invoices never are: a credit note corrects them). */
export const CANCELLABLE: readonly DocumentType[] = ['quote', 'order'];

/** The legal series a document is numbered in. */
export function numberingSeries(type: DocumentType, kind: InvoiceKind | null): NumberedDocumentType {
  return type === 'invoice' ? (kind ?? 'invoice') : type;
}

/** Invoices, credit notes and deposit invoices are sealed into the journal; the other types are not. */
export function sealKind(type: DocumentType, kind: InvoiceKind | null): SealKind | null {
  return type === 'invoice' ? (kind ?? 'invoice') : null;
}

/** Event aggregate of a document: `billing.<aggregate>.<verb>` (credit notes and deposits are their own aggregates). */
export function eventAggregate(type: DocumentType, kind: InvoiceKind | null): string {
  return numberingSeries(type, kind);
}

/** Path segment and labels per type, for routes, operation ids and messages. */
export const TYPE_ROUTES: Record<DocumentType, { path: string; singular: string; plural: string; tag: string }> = {
  quote: { path: 'quotes', singular: 'Quote', plural: 'Quotes', tag: 'Quotes' },
  order: { path: 'orders', singular: 'Order', plural: 'Orders', tag: 'Orders' },
  delivery_note: { path: 'delivery-notes', singular: 'DeliveryNote', plural: 'DeliveryNotes', tag: 'Delivery notes' },
  invoice: { path: 'invoices', singular: 'Invoice', plural: 'Invoices', tag: 'Invoices' },
};
