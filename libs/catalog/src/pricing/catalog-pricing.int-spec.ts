import { newId, TenantContext } from '@comptoir/platform/kernel';
import { TenantDb } from '@comptoir/platform/database';
import { CatalogTestDb, openCatalogTestDb } from '../test-support';
import { CustomerPriceService } from '../customer-price/customer-price.service';
import { AccountPriceListService } from '../price-list/account-price-list.service';
import { PriceListService } from '../price-list/price-list.service';
import { ProductService } from '../product/product.service';
import { CatalogPricing } from './catalog-pricing';
import { PriceLineRequest } from './priced-line';

/**
 * CatalogPricing.priceLine against PostgreSQL, as the application role (row-level security on): the
 * priority customer price > price list > catalog, validity periods, discounts, unit conversion, and
 * the errors billing relies on.
 */
describe('CatalogPricing.priceLine', () => {
  let fixture: CatalogTestDb;
  let db: TenantDb;
  const pricing = new CatalogPricing();
  let products: ProductService;
  let lists: PriceListService;
  let assignments: AccountPriceListService;
  let customerPrices: CustomerPriceService;
  const newCompany = () => fixture.newCompany();
  const newAccount = (ctx: TenantContext, name: string) => fixture.newAccount(ctx, name);

  const price = (ctx: TenantContext, req: Partial<PriceLineRequest> & { productId: string }) =>
    db.transaction(ctx, (tx) => pricing.priceLine(tx, { quantity: '1', date: '2026-06-15', ...req }));

  async function failure(run: Promise<unknown>): Promise<{ status: number; code: string }> {
    try {
      await run;
    } catch (error) {
      return { status: (error as { status: number }).status, code: (error as { code: string }).code };
    }
    throw new Error('expected a failure');
  }

  beforeAll(async () => {
    fixture = await openCatalogTestDb();
    db = fixture.db;
    products = new ProductService(db);
    lists = new PriceListService(db);
    assignments = new AccountPriceListService(db);
    customerPrices = new CustomerPriceService(db);
  });

  afterAll(async () => {
    await fixture?.close();
  });

  describe('in one company', () => {
    let ctx: TenantContext;
    let maintenance: string;
    let filter: string;
    let listed: string;
    let loyal: string;

    beforeAll(async () => {
      ctx = await newCompany();
      maintenance = (
        await products.create(ctx, {
          reference: 'MAINT-M',
          name: 'Abonnement maintenance',
          description: 'Visite annuelle comprise',
          unit: 'month',
          unitPrice: '39',
          vatRate: '20.00',
          salesAccount: '706000',
        })
      ).product.id;
      filter = (
        await products.create(ctx, {
          reference: 'FILT-220',
          name: 'Filtre à air',
          type: 'goods',
          unit: 'piece',
          unitPrice: '12.90',
          vatRate: '5.50',
          otherTaxes: [{ label: 'Éco-participation', mode: 'fixed', value: '0.1', vatRate: '20' }],
        })
      ).product.id;
      listed = await newAccount(ctx, 'Client au tarif');
      loyal = await newAccount(ctx, 'Client fidèle');
      const resellers = await lists.create(ctx, {
        name: 'Tarif revendeurs',
        items: [
          { productId: maintenance, unitPrice: '35' },
          { productId: filter, discountPercent: '10' },
        ],
      });
      await assignments.assign(ctx, listed, resellers.list.id);
      await assignments.assign(ctx, loyal, resellers.list.id);
      await customerPrices.create(ctx, { accountId: loyal, productId: maintenance, unitPrice: '30', validFrom: '2026-01-01', validTo: '2026-12-31' });
      await customerPrices.create(ctx, { accountId: loyal, productId: maintenance, unitPrice: '28', validFrom: '2026-07-01' });
    });

    it('answers the catalog price and the product data billing copies, without a customer', async () => {
      expect(await price(ctx, { productId: maintenance })).toEqual({
        productId: maintenance,
        reference: 'MAINT-M',
        description: 'Abonnement maintenance\nVisite annuelle comprise',
        unit: 'month',
        unitPrice: '39.0000',
        vatRate: '20.00',
        vatCategory: 'S',
        vatExemptionReason: null,
        discountPercent: null,
        otherTaxes: [],
        kind: 'service',
        salesAccount: '706000',
        priceSource: 'catalog',
      });
      expect(await price(ctx, { productId: filter })).toMatchObject({
        unitPrice: '12.9000',
        vatRate: '5.50',
        kind: 'goods',
        otherTaxes: [{ label: 'Éco-participation', mode: 'fixed', value: '0.1000', vatRate: '20.00', vatCategory: 'S' }],
      });
    });

    it("applies the customer's price list: a unit price replaces the catalog one, a discount is passed on", async () => {
      expect(await price(ctx, { productId: maintenance, accountId: listed })).toMatchObject({ unitPrice: '35.0000', discountPercent: null, priceSource: 'price_list' });
      expect(await price(ctx, { productId: filter, accountId: listed })).toMatchObject({ unitPrice: '12.9000', discountPercent: '10.00', priceSource: 'price_list' });
    });

    it('prefers the customer price valid on the date (the latest-starting one) over the price list', async () => {
      expect(await price(ctx, { productId: maintenance, accountId: loyal, date: '2026-06-30' })).toMatchObject({ unitPrice: '30.0000', priceSource: 'customer_price' });
      expect(await price(ctx, { productId: maintenance, accountId: loyal, date: '2026-07-01' })).toMatchObject({ unitPrice: '28.0000', priceSource: 'customer_price' });
      // Before any customer price starts: the price list again; a product without customer price: the list too.
      expect(await price(ctx, { productId: maintenance, accountId: loyal, date: '2025-12-31' })).toMatchObject({ unitPrice: '35.0000', priceSource: 'price_list' });
      expect(await price(ctx, { productId: filter, accountId: loyal })).toMatchObject({ discountPercent: '10.00', priceSource: 'price_list' });
    });

    it('converts whichever price applies into the unit of the line (month → year ×12, quarter ×3)', async () => {
      expect(await price(ctx, { productId: maintenance, unit: 'year' })).toMatchObject({ unit: 'year', unitPrice: '468.0000', priceSource: 'catalog' });
      expect(await price(ctx, { productId: maintenance, accountId: listed, unit: 'quarter' })).toMatchObject({ unit: 'quarter', unitPrice: '105.0000' });
      expect(await price(ctx, { productId: maintenance, accountId: loyal, unit: 'year' })).toMatchObject({ unitPrice: '360.0000', priceSource: 'customer_price' });
      expect(await price(ctx, { productId: filter, unit: 'dozen' })).toMatchObject({ unit: 'dozen', unitPrice: '154.8000' });
    });

    it('answers 422 unit_not_convertible across dimensions, 400 for a malformed quantity or date', async () => {
      expect(await failure(price(ctx, { productId: maintenance, unit: 'hour' }))).toEqual({ status: 422, code: 'unit_not_convertible' });
      expect(await failure(price(ctx, { productId: filter, unit: 'kg' }))).toEqual({ status: 422, code: 'unit_not_convertible' });
      expect(await failure(price(ctx, { productId: filter, quantity: '1e3' }))).toEqual({ status: 400, code: 'validation_failed' });
      expect(await failure(price(ctx, { productId: filter, date: '2026-02-30' }))).toEqual({ status: 400, code: 'validation_failed' });
    });

    it('ignores price lists that are inactive, out of their validity period or in another currency', async () => {
      const account = await newAccount(ctx, 'Client export');
      const usd = await lists.create(ctx, { name: 'Export USD', currency: 'USD', items: [{ productId: maintenance, unitPrice: '50' }] });
      await assignments.assign(ctx, account, usd.list.id);
      expect(await price(ctx, { productId: maintenance, accountId: account })).toMatchObject({ unitPrice: '39.0000', priceSource: 'catalog' });

      const summer = await lists.create(ctx, { name: 'Été', validFrom: '2026-06-01', validTo: '2026-08-31', items: [{ productId: maintenance, unitPrice: '33' }] });
      await assignments.assign(ctx, account, summer.list.id);
      expect(await price(ctx, { productId: maintenance, accountId: account, date: '2026-08-31' })).toMatchObject({ unitPrice: '33.0000', priceSource: 'price_list' });
      expect(await price(ctx, { productId: maintenance, accountId: account, date: '2026-09-01' })).toMatchObject({ unitPrice: '39.0000', priceSource: 'catalog' });

      await lists.update(ctx, summer.list.id, { active: false });
      expect(await price(ctx, { productId: maintenance, accountId: account, date: '2026-07-01' })).toMatchObject({ priceSource: 'catalog' });
    });

    it('gives exempt products their category and exemption reason', async () => {
      const training = await products.create(ctx, { reference: 'FORM-J', name: 'Journée de formation', unit: 'day', unitPrice: '650', vatRate: '0', vatCategory: 'E' });
      expect(await price(ctx, { productId: training.product.id })).toMatchObject({
        vatRate: '0.00',
        vatCategory: 'E',
        vatExemptionReason: 'TVA non applicable, art. 293 B du CGI',
      });
    });

    it('refuses an archived product with 422 product_archived, and an unknown one with 404', async () => {
      const old = await products.create(ctx, { reference: 'OLD-1', name: 'Ancien article', unit: 'piece', unitPrice: '1', vatRate: '20' });
      await products.archive(ctx, old.product.id);
      expect(await failure(price(ctx, { productId: old.product.id }))).toEqual({ status: 422, code: 'product_archived' });
      expect(await failure(price(ctx, { productId: newId() }))).toEqual({ status: 404, code: 'not_found' });
    });

    it("never prices another company's product, nor applies another company's prices", async () => {
      const other = await newCompany();
      expect(await failure(price(other, { productId: maintenance }))).toEqual({ status: 404, code: 'not_found' });
      const theirs = await products.create(other, { reference: 'MAINT-M', name: 'Autre', unit: 'month', unitPrice: '10', vatRate: '20' });
      expect(await price(other, { productId: theirs.product.id, accountId: loyal })).toMatchObject({ unitPrice: '10.0000', priceSource: 'catalog' });
    });
  });
});
