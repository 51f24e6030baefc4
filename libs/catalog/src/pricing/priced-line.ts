import { ProductOtherTax, ProductType } from '../product/product.entity';
import type { VatCategoryCode } from '@comptoir/billing-engine';

export type PriceSource = 'catalog' | 'price_list' | 'customer_price';

/** A product resolved for a document line (CONTRACTS.md): what billing copies onto the line. */
export interface PricedLine {
  productId: string;
  reference: string;
  description: string;
  unit: string;
  /** 4 decimals, per `unit`. */
  unitPrice: string;
  /** 2 decimals. */
  vatRate: string;
  vatCategory: VatCategoryCode;
  vatExemptionReason: string | null;
  discountPercent: string | null;
  otherTaxes: (ProductOtherTax & { vatCategory: VatCategoryCode })[];
  kind: ProductType;
  salesAccount: string | null;
  priceSource: PriceSource;
}

export interface PriceLineRequest {
  productId: string;
  accountId?: string | null;
  quantity: string;
  unit?: string | null;
  /** YYYY-MM-DD: the document date, against which validity periods are checked. */
  date: string;
}
