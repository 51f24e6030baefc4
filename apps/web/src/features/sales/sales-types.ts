import type { operations, Schemas } from '@comptoir/api-client';
import type { GeneralDiscountInput, ShippingInput } from '@comptoir/billing-engine';

export type DocumentType = 'quote' | 'order' | 'delivery_note' | 'invoice';
export type InvoiceKind = 'invoice' | 'deposit' | 'credit_note';
export type DocumentStatus = 'draft' | 'validated' | 'done' | 'cancelled' | 'refused';
export type LineKind = 'item' | 'comment' | 'page_break';
export type PaymentMethod = 'transfer' | 'direct_debit' | 'card' | 'cheque' | 'cash' | 'stripe';

export const DOCUMENT_STATUSES: DocumentStatus[] = ['draft', 'validated', 'done', 'cancelled', 'refused'];
export const INVOICE_KINDS: InvoiceKind[] = ['invoice', 'deposit', 'credit_note'];
export const PAYMENT_METHODS: PaymentMethod[] = ['transfer', 'direct_debit', 'card', 'cheque', 'cash', 'stripe'];

export type PdfOptions = Schemas['PdfOptionsDto'];
export const PDF_OPTION_KEYS: (keyof PdfOptions)[] = [
  'showDiscountColumn',
  'showUnitPrice',
  'showProductCodes',
  'showImages',
  'showBarcodes',
  'showTitle',
  'showSeller',
  'showDeliveryAddress',
  'repeatTotalsOnEachPage',
  'showDepositsAndPayments',
];

/** Billing resources as the contract declares them (openapi.json → @comptoir/api-client). */
export type SalesDocument = Schemas['SalesDocumentResponseDto'];
export type DocumentLine = Schemas['DocumentLineDto'];
export type DocumentSummary = Schemas['SalesDocumentSummaryDto'];
export type DocumentMap = Schemas['DocumentMapDto'];
export type Installment = Schemas['InstallmentDto'];

/**
 * A line as the editor sends it (PATCH replaces every line): DocumentLineInputDto, whose defaulted
 * fields (kind, quantity, vatCategory) the generated types wrongly mark as required.
 */
export type LineInputBody = Partial<Schemas['DocumentLineInputDto']>;

/**
 * What the editor sends: the create body (PATCH takes the same fields), where null removes the general
 * discount or the shipping charge (the API accepts it; the contract does not declare it nullable).
 */
export type DocumentBody = Partial<Omit<Schemas['CreateDocumentDto'], 'generalDiscount' | 'shipping' | 'lines' | 'earlyPaymentDiscount'>> & {
  generalDiscount?: GeneralDiscountInput | null;
  earlyPaymentDiscount?: Schemas['EarlyPaymentDiscountDto'] | null;
  shipping?: ShippingInput | null;
  lines?: LineInputBody[];
};

export type DocumentFilters = Omit<NonNullable<operations['listQuotes']['parameters']['query']>, 'limit' | 'cursor'>;
