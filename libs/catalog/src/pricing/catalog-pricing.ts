import { Injectable } from '@nestjs/common';
import { BusinessRuleError, isCalendarDate, isDecimalString, ValidationFailedError } from '@comptoir/platform/kernel';
import { TenantTx } from '@comptoir/platform/database';
import { ProductEntity } from '../product/product.entity';
import { convertUnitPrice } from '../unit/units';
import { VatRateEntity } from '../vat-rate/vat-rate.entity';
import { PricedLine, PriceLineRequest, PriceSource } from './priced-line';

interface SpecialPriceRow {
  unit_price: string | null;
  discount_percent: string | null;
}

/**
 * Prices a product for a document line, inside the caller's transaction. Priority: the customer's own
 * price valid on the date (the one starting last when several are), then the customer's price list
 * (active, valid on the date, in the company currency), then the catalog price. A special price is either
 * a unit price, which replaces the catalog one, or a discount percent, which billing applies to the
 * catalog price on the line. The price is converted when the line's unit differs from the product's
 * (a monthly price sold per year is ×12): 422 unit_not_convertible across dimensions. An archived
 * product is 422 product_archived; an unknown one 404.
 */
@Injectable()
export class CatalogPricing {
  async priceLine(tx: TenantTx, req: PriceLineRequest): Promise<PricedLine> {
    if (!isDecimalString(req.quantity, 4)) throw new ValidationFailedError([{ path: 'quantity', message: 'quantity must be a decimal string with at most 4 decimals' }]);
    if (!isCalendarDate(req.date)) throw new ValidationFailedError([{ path: 'date', message: 'date must be a calendar date YYYY-MM-DD' }]);
    const product = await tx.repo(ProductEntity, 'Product').getById(req.productId);
    if (!product.active) throw new BusinessRuleError('product_archived', `Product ${product.reference} is archived and cannot be put on a new line`, [{ path: 'productId', message: 'this product is archived' }]);
    const vat = await tx.repo(VatRateEntity, 'VAT rate').getById(product.vatRateId);
    const special = req.accountId ? await this.specialPrice(tx, product.id, req.accountId, req.date) : null;
    const catalogPrice = special?.row.unit_price ?? product.unitPrice;
    const unit = req.unit ?? product.unit;
    return {
      productId: product.id,
      reference: product.reference,
      description: product.description ? `${product.name}\n${product.description}` : product.name,
      unit,
      unitPrice: convertUnitPrice(catalogPrice, product.unit, unit),
      vatRate: vat.rate,
      vatCategory: vat.category,
      vatExemptionReason: vat.exemptionReason,
      discountPercent: special?.row.discount_percent ?? null,
      otherTaxes: product.otherTaxes.map((t) => ({ ...t, vatCategory: t.vatCategory ?? 'S' })),
      kind: product.type,
      salesAccount: product.salesAccount,
      priceSource: special?.source ?? 'catalog',
    };
  }

  private async specialPrice(tx: TenantTx, productId: string, accountId: string, date: string): Promise<{ source: PriceSource; row: SpecialPriceRow } | null> {
    const params = [tx.ctx.companyId, accountId, productId, date];
    const [own] = await tx.manager.query(
      `SELECT unit_price, discount_percent FROM customer_prices
        WHERE company_id = $1 AND account_id = $2 AND product_id = $3
          AND (valid_from IS NULL OR valid_from <= $4::date) AND (valid_to IS NULL OR valid_to >= $4::date)
        ORDER BY valid_from DESC NULLS LAST, created_at DESC LIMIT 1`,
      params,
    );
    if (own) return { source: 'customer_price', row: own };
    const [listed] = await tx.manager.query(
      `SELECT i.unit_price, i.discount_percent FROM customer_price_lists a
         JOIN price_lists l ON l.company_id = a.company_id AND l.id = a.price_list_id
         JOIN price_list_items i ON i.company_id = l.company_id AND i.price_list_id = l.id
         JOIN companies c ON c.id = l.company_id
        WHERE a.company_id = $1 AND a.account_id = $2 AND i.product_id = $3 AND l.active AND l.currency = c.currency
          AND (l.valid_from IS NULL OR l.valid_from <= $4::date) AND (l.valid_to IS NULL OR l.valid_to >= $4::date)`,
      params,
    );
    return listed ? { source: 'price_list', row: listed } : null;
  }
}
