import type { VatCategoryCode } from '../vat-category';

export type { VatCategoryCode };

/** A tax on a line besides VAT (eco-contribution…): becomes a document-level charge with its own VAT. */
export interface OtherTaxInput {
  label: string;
  /** fixed = amount per unit (× quantity); percent = % of the line net. */
  mode: 'fixed' | 'percent';
  value: string;
  vatRate: string;
  vatCategory?: VatCategoryCode;
}

export interface LineInput {
  quantity: string;
  unitPrice: string;
  discountPercent?: string | null;
  vatRate: string;
  vatCategory?: VatCategoryCode;
  vatExemptionReason?: string | null;
  otherTaxes?: OtherTaxInput[];
  /** comment/page_break lines are ignored by totals. */
  kind?: 'item' | 'comment' | 'page_break';
  /**
   * A final invoice's deduction of a deposit invoice (negative quantity): counted in `deposits`, and
   * left out of the general discount's base (the deposit was already discounted on its own invoice).
   */
  depositDeduction?: boolean;
}

export interface GeneralDiscountInput {
  mode: 'percent' | 'amount';
  base: 'net' | 'gross';
  value: string;
}

export interface ShippingInput {
  amount: string;
  vatRate: string;
  vatCategory?: VatCategoryCode;
}

export interface DocumentInput {
  lines: LineInput[];
  generalDiscount?: GeneralDiscountInput | null;
  shipping?: ShippingInput | null;
  prepaid?: string | null;
}

/** A document-level allowance (BG-20) or charge (BG-21). */
export interface AllowanceCharge {
  reason: string;
  reasonCode?: string;
  amount: string;
  vatRate: string;
  vatCategory: VatCategoryCode;
  baseAmount?: string;
  percent?: string;
}

/** One VAT breakdown group (BG-23). */
export interface VatBreakdown {
  category: VatCategoryCode;
  rate: string;
  base: string;
  amount: string;
  exemptionReason?: string | null;
}

export interface DocumentTotals {
  /** Index-aligned with the input lines ('0.00' for comment/page_break). */
  lines: { net: string }[];
  /** BT-106 */
  lineNetTotal: string;
  /** BG-20 (general discount split per VAT rate) */
  allowances: AllowanceCharge[];
  /** BG-21 (shipping, other taxes) */
  charges: AllowanceCharge[];
  /** BT-107 */
  allowanceTotal: string;
  /** BT-108 */
  chargeTotal: string;
  /** BT-109 */
  net: string;
  /** BG-23, sorted by rate desc then category */
  vat: VatBreakdown[];
  /** BT-110 */
  vatTotal: string;
  /** BT-112 */
  gross: string;
  /**
   * Deposit invoices deducted by this (final) invoice, as a positive amount: minus the gross of its
   * deduction lines. Informational: those lines are already in net, VAT and gross.
   */
  deposits: string;
  /** BT-113 */
  prepaid: string;
  /** BT-115 */
  due: string;
}
