import type { DocumentTotals, GeneralDiscountInput, InstallmentInput, OtherTaxInput, ScheduledInstallment, ShippingInput, VatCategoryCode } from '@comptoir/billing-engine';

/** Shapes of the billing resources (libs/billing DTOs, API.md). */
export type DocumentType = 'quote' | 'order' | 'delivery_note' | 'invoice';
export type InvoiceKind = 'invoice' | 'deposit' | 'credit_note';
export type DocumentStatus = 'draft' | 'validated' | 'done' | 'cancelled' | 'refused';
export type LineKind = 'item' | 'comment' | 'page_break';
export type PaymentMethod = 'transfer' | 'direct_debit' | 'card' | 'cheque' | 'cash' | 'stripe';

export const DOCUMENT_STATUSES: DocumentStatus[] = ['draft', 'validated', 'done', 'cancelled', 'refused'];
export const INVOICE_KINDS: InvoiceKind[] = ['invoice', 'deposit', 'credit_note'];
export const PAYMENT_METHODS: PaymentMethod[] = ['transfer', 'direct_debit', 'card', 'cheque', 'cash', 'stripe'];

export interface PdfOptions {
  showDiscountColumn?: boolean;
  showUnitPrice?: boolean;
  showProductCodes?: boolean;
  showImages?: boolean;
  showBarcodes?: boolean;
  showTitle?: boolean;
  showSeller?: boolean;
  showDeliveryAddress?: boolean;
  repeatTotalsOnEachPage?: boolean;
  showDepositsAndPayments?: boolean;
}
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

export interface DocumentAddress {
  line1: string;
  line2?: string | null;
  postalCode: string;
  city: string;
  country: string;
}

export interface DocumentLine {
  id: string;
  position: number;
  kind: LineKind;
  productId: string | null;
  productType?: 'goods' | 'service' | null;
  reference: string | null;
  description: string;
  quantity: string;
  unit: string | null;
  unitPrice: string;
  discountPercent: string | null;
  vatRate: string;
  vatCategory: VatCategoryCode;
  vatExemptionReason: string | null;
  otherTaxes: OtherTaxInput[];
  availabilityDate: string | null;
  net: string;
  sourceLineId: string | null;
}

export interface SalesDocument {
  id: string;
  type: DocumentType;
  kind: InvoiceKind | null;
  status: DocumentStatus;
  number: string | null;
  establishmentId: string;
  currency: string;
  accountId: string;
  accountName?: string;
  contactId: string | null;
  title: string | null;
  date: string;
  validityDate: string | null;
  deliveryDate: string | null;
  dueDate: string | null;
  paymentMethod: string | null;
  paymentTerms: InstallmentInput[];
  schedule: ScheduledInstallment[];
  assignedUserId: string | null;
  internalNote: string | null;
  billingAddress: DocumentAddress | null;
  deliveryAddress: DocumentAddress | null;
  deliveryAttention: string | null;
  sellerVatNumber: string | null;
  buyerVatNumber: string | null;
  termsOfSale: string | null;
  specialTerms: string | null;
  pdfOptions: PdfOptions;
  generalDiscount: GeneralDiscountInput | null;
  shipping: ShippingInput | null;
  proforma: boolean;
  testMode: boolean;
  revision?: number;
  totals: Omit<DocumentTotals, 'lines'>;
  lines: DocumentLine[];
  creditedInvoiceId: string | null;
  validatedAt: string | null;
  hasOriginalPdf: boolean;
  createdAt: string;
  updatedAt: string;
}

export interface DocumentSummary {
  id: string;
  type: DocumentType;
  kind: InvoiceKind | null;
  status: DocumentStatus;
  number: string | null;
  accountId: string;
  accountName: string;
  title: string | null;
  date: string;
  dueDate: string | null;
  currency: string;
  net: string;
  vatTotal: string;
  gross: string;
  due: string;
  testMode: boolean;
  createdAt: string;
  updatedAt: string;
}

/** A line as the editor sends it (PATCH replaces every line). */
export interface LineInputBody {
  kind?: LineKind;
  productId?: string;
  reference?: string;
  description?: string;
  quantity?: string;
  unit?: string;
  unitPrice?: string;
  discountPercent?: string;
  vatRate?: string;
  vatCategory?: VatCategoryCode;
  vatExemptionReason?: string;
  otherTaxes?: OtherTaxInput[];
  availabilityDate?: string;
}

export interface DocumentBody {
  accountId?: string;
  contactId?: string | null;
  establishmentId?: string;
  kind?: 'invoice' | 'deposit';
  title?: string | null;
  date?: string;
  validityDate?: string | null;
  deliveryDate?: string | null;
  dueDate?: string | null;
  paymentMethod?: string | null;
  paymentTerms?: InstallmentInput[];
  internalNote?: string | null;
  deliveryAttention?: string | null;
  termsOfSale?: string | null;
  specialTerms?: string | null;
  pdfOptions?: PdfOptions;
  generalDiscount?: GeneralDiscountInput | null;
  shipping?: ShippingInput | null;
  proforma?: boolean;
  lines?: LineInputBody[];
}

export interface DocumentMap {
  rootId: string;
  nodes: { id: string; type: DocumentType; kind: InvoiceKind | null; number: string | null; status: DocumentStatus; date: string; net: string; gross: string }[];
  edges: { parentId: string; childId: string; relation: 'converted' | 'credit_note' | 'revision' | 'duplicate' }[];
}

export interface DocumentFilters {
  q?: string;
  status?: DocumentStatus;
  kind?: InvoiceKind;
  accountId?: string;
  dateFrom?: string;
  dateTo?: string;
  sort?: 'date' | '-date' | 'createdAt' | '-createdAt' | 'updatedAt' | '-updatedAt';
}
