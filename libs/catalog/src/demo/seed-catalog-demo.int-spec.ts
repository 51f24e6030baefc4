import { TenantContext } from '@comptoir/platform/kernel';
import { CatalogPricing } from '../pricing/catalog-pricing';
import { CatalogTestDb, openCatalogTestDb } from '../test-support';
import { seedCatalogDemo } from './seed-catalog-demo';

describe('seedCatalogDemo', () => {
  let fixture: CatalogTestDb;
  let ctx: TenantContext;
  let customers: string[];
  let supplier: string;

  beforeAll(async () => {
    fixture = await openCatalogTestDb();
    ctx = await fixture.newCompany();
    customers = [await fixture.newAccount(ctx, 'Agence Alpha'), await fixture.newAccount(ctx, 'Bureau Bravo')];
    supplier = await fixture.newAccount(ctx, 'Grossiste', ['supplier']);
  });

  afterAll(async () => {
    await fixture?.close();
  });

  it('creates 25 products, a price list for the first customer and two customer prices, once', async () => {
    const demo = await seedCatalogDemo(fixture.db, ctx);
    expect(Object.keys(demo!.productIds)).toHaveLength(25);
    const rates = await fixture.sql<{ rate: string; n: number }>(
      `SELECT v.rate::text AS rate, count(*)::int AS n FROM products p JOIN vat_rates v ON v.id = p.vat_rate_id WHERE p.company_id = $1 GROUP BY v.rate ORDER BY v.rate DESC`,
      [ctx.companyId],
    );
    expect(rates.map((r) => r.rate)).toEqual(['20.00', '10.00', '5.50']);
    const supplied = await fixture.sql<{ n: number }>(`SELECT count(*)::int AS n FROM product_suppliers WHERE supplier_account_id = $1`, [supplier]);
    expect(supplied[0]!.n).toBe(4);
    expect(await fixture.sql(`SELECT account_id FROM customer_price_lists WHERE price_list_id = $1`, [demo!.priceListId])).toEqual([{ account_id: customers[0] }]);
    expect((await fixture.sql(`SELECT 1 FROM customer_prices WHERE company_id = $1`, [ctx.companyId])).length).toBe(2);

    // The seeded data prices as documented: the price list for the first customer, a discount on the filter.
    const pricing = new CatalogPricing();
    const price = (productId: string, accountId: string) => fixture.db.transaction(ctx, (tx) => pricing.priceLine(tx, { productId, accountId, quantity: '1', date: '2026-06-15' }));
    expect(await price(demo!.productIds['MEN-H']!, customers[0]!)).toMatchObject({ unitPrice: '25.0000', priceSource: 'price_list' });
    expect(await price(demo!.productIds['FILT-AIR']!, customers[0]!)).toMatchObject({ unitPrice: '12.9000', discountPercent: '15.00', priceSource: 'customer_price' });

    expect(await seedCatalogDemo(fixture.db, ctx)).toBeNull();
    expect((await fixture.sql(`SELECT 1 FROM products WHERE company_id = $1`, [ctx.companyId])).length).toBe(25);
  });
});
