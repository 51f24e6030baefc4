import { companyCalendar } from '@comptoir/org';
import { Injectable } from '@nestjs/common';
import { TenantContext } from '@comptoir/platform/kernel';
import { TenantDb } from '@comptoir/platform/database';
import { CatalogPricing } from './catalog-pricing';
import { PriceQuoteQuery } from './price-quote.dto';
import { PricedLine } from './priced-line';

/** The price a document line would get, for the SPA and integrators (GET /products/{id}/price). */
@Injectable()
export class PriceQuoteService {
  constructor(
    private readonly db: TenantDb,
    private readonly pricing: CatalogPricing,
  ) {}

  quote(ctx: TenantContext, productId: string, query: PriceQuoteQuery): Promise<PricedLine> {
    return this.db.transaction(ctx, async (tx) => {
      const date = query.date ?? (await companyCalendar(tx)).today;
      return this.pricing.priceLine(tx, { productId, accountId: query.accountId, quantity: query.quantity ?? '1', unit: query.unit, date });
    });
  }
}
