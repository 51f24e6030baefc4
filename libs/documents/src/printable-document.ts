/**
 * What a sales document needs to be printed: a frozen, already computed snapshot (numbers as decimal strings).
 * The totals and schedule types mirror @comptoir/billing-engine's `DocumentTotals` / `ScheduledInstallment`
 * structurally (only the fields printed here): the module-boundary rules keep this template lib free of
 * domain dependencies, and TypeScript's structural typing lets billing pass the engine's objects as they are.
 */

/** EN 16931 VAT category codes (UNCL5305 subset allowed by BR-FR-15), as in @comptoir/billing-engine. */
export type VatCategoryCode = 'S' | 'Z' | 'E' | 'AE' | 'K' | 'G' | 'O';

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
export interface PrintableAllowanceCharge {
  reason: string;
  amount: string;
  vatRate: string;
  vatCategory: VatCategoryCode;
  percent?: string;
}

export interface PrintableVatBreakdown {
  category: VatCategoryCode;
  rate: string;
  base: string;
  amount: string;
  exemptionReason?: string | null;
}

/** The printed subset of billing-engine's DocumentTotals. */
export interface PrintableTotals {
  lineNetTotal: string;
  allowances: PrintableAllowanceCharge[];
  charges: PrintableAllowanceCharge[];
  net: string;
  vat: PrintableVatBreakdown[];
  vatTotal: string;
  gross: string;
  prepaid: string;
  due: string;
}

/** The printed subset of billing-engine's ScheduledInstallment. */
export interface PrintableInstallment {
  index: number;
  dueDate: string;
  percent: string;
  amount: string;
  kind: 'deposit' | 'payment';
  method?: string | null;
  label?: string | null;
}

export interface PrintableLegal {
  latePenaltyText: string;
  earlyPaymentText: string;
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
