import type { AllowanceCharge, DocumentTotals, EarlyPaymentDiscount, ScheduledInstallment, VatBreakdown, VatCategoryCode } from '@comptoir/billing-engine';

/**
 * What a sales document needs to be printed: a frozen, already computed snapshot (numbers as decimal strings).
 * The VAT, totals and schedule shapes are @comptoir/billing-engine's own types (a pure lib this template lib may
 * depend on), narrowed to the fields printed here so billing passes the engine's objects as they are.
 */

export type { VatCategoryCode };

export type PrintableKind = 'quote' | 'order' | 'delivery_note' | 'invoice' | 'deposit' | 'credit_note' | 'proforma';

export interface PrintableAddress {
  line1: string;
  line2?: string | null;
  postalCode: string;
  city: string;
  country: string;
}

export interface PrintableParty {
  name: string;
  legalForm?: string | null;
  shareCapital?: string | null;
  address?: PrintableAddress | null;
  siren?: string | null;
  siret?: string | null;
  rcs?: string | null;
  vatNumber?: string | null;
  email?: string | null;
  phone?: string | null;
  contactName?: string | null;
}

export interface PrintableLine {
  kind: 'item' | 'comment' | 'page_break';
  reference?: string | null;
  description: string;
  quantity?: string;
  unit?: string | null;
  unitPrice?: string;
  discountPercent?: string | null;
  vatRate?: string;
  vatCategory?: VatCategoryCode;
  net?: string;
  imageUrl?: string | null;
  barcode?: string | null;
}

export interface PdfOptions {
  showDiscountColumn: boolean;
  showUnitPrice: boolean;
  showProductCodes: boolean;
  showImages: boolean;
  showBarcodes: boolean;
  showTitle: boolean;
  showSeller: boolean;
  showDeliveryAddress: boolean;
  repeatTotalsOnEachPage: boolean;
  showDepositsAndPayments: boolean;
}

/** A document-level allowance (BG-20) or charge (BG-21). */
export type PrintableAllowanceCharge = Pick<AllowanceCharge, 'reason' | 'amount' | 'vatRate' | 'vatCategory' | 'percent'>;

export type PrintableVatBreakdown = VatBreakdown;

/** The printed subset of billing-engine's DocumentTotals. */
export type PrintableTotals = Pick<DocumentTotals, 'lineNetTotal' | 'net' | 'vat' | 'vatTotal' | 'gross' | 'prepaid' | 'due'> & Partial<Pick<DocumentTotals, 'deposits'>> & {
  allowances: PrintableAllowanceCharge[];
  charges: PrintableAllowanceCharge[];
};

/** billing-engine's ScheduledInstallment, printed as it is. */
export type PrintableInstallment = ScheduledInstallment;

export interface PrintableLegal {
  latePenaltyText: string;
  earlyPaymentText: string;
  /** The document's early-payment discount option: printed instead of the settings' text. */
  earlyPaymentDiscount?: EarlyPaymentDiscount | null;
  vatOnDebits: boolean;
  precedingInvoiceNumber?: string | null;
  precedingInvoiceDate?: string | null;
}

export interface PrintableDocument {
  kind: PrintableKind;
  /** null on drafts (no legal number yet). */
  number: string | null;
  title?: string | null;
  watermark: 'SPECIMEN' | 'TEST' | null;
  currency: string;
  /** Dates are ISO calendar dates (YYYY-MM-DD). */
  date: string;
  dueDate?: string | null;
  validityDate?: string | null;
  deliveryDate?: string | null;
  supplyDate?: string | null;
  seller: PrintableParty;
  buyer: PrintableParty;
  buyerIsBusiness: boolean;
  deliveryAddress?: PrintableAddress | null;
  establishment?: { name: string; logoDataUrl?: string | null; header?: string | null; footer?: string | null };
  lines: PrintableLine[];
  totals: PrintableTotals;
  schedule: PrintableInstallment[];
  operationCategory: 'goods' | 'services' | 'mixed';
  legal: PrintableLegal;
  termsOfSale?: string | null;
  specialTerms?: string | null;
  paymentMethod?: string | null;
  options: PdfOptions;
}
