import { createTestApp, TestApp } from '../support/test-app';
import { signupOrganization, SignedUpOrg } from '../support/fixtures';

describe('Catalog API: price lists, customer prices and the resolved price', () => {
  let t: TestApp;
  let org: SignedUpOrg;
  let subscription: string;
  let visit: string;
  let customer: string;

  const send = (method: 'post' | 'patch' | 'put', path: string, body: object) => t.http()[method](path).set(org.auth).send(body);
  const get = (path: string, query: Record<string, string> = {}) => t.http().get(path).query(query).set(org.auth);
  const priceOf = async (productId: string, query: Record<string, string> = {}) => (await get(`/api/v1/products/${productId}/price`, query).expect(200)).body;

  beforeAll(async () => {
    t = await createTestApp();
    org = await signupOrganization(t.http(), 'Tarifs');
    subscription = (await send('post', '/api/v1/products', { reference: 'ABO-M', name: 'Abonnement maintenance', unit: 'month', unitPrice: '49.90', vatRate: '20' }).expect(201)).body.id;
    visit = (await send('post', '/api/v1/products', { reference: 'DEPL', name: 'Déplacement', unit: 'lump_sum', unitPrice: '35', vatRate: '20' }).expect(201)).body.id;
    customer = (await send('post', '/api/v1/accounts', { name: 'Résidence Les Tilleuls', roles: ['customer'] }).expect(201)).body.id;
  });

  afterAll(async () => {
    await t.close();
  });

  it('creates a price list with items, refuses items that give both or neither price, unknown products and duplicates', async () => {
    const neither = await send('post', '/api/v1/price-lists', { name: 'X', items: [{ productId: subscription }] }).expect(400);
    expect(neither.body.errors).toEqual([{ path: 'items[0].unitPrice', message: expect.any(String) }]);
    const both = await send('post', '/api/v1/price-lists', { name: 'X', items: [{ productId: subscription, unitPrice: '1', discountPercent: '5' }] }).expect(400);
    expect(both.body.errors[0].path).toBe('items[0].unitPrice');
    const unknown = await send('post', '/api/v1/price-lists', { name: 'X', items: [{ productId: '01934567-89ab-7cde-8f01-23456789abcd', unitPrice: '1' }] }).expect(400);
    expect(unknown.body.errors).toEqual([{ path: 'items[0].productId', message: expect.any(String) }]);
    const twice = await send('post', '/api/v1/price-lists', { name: 'X', items: [{ productId: visit, unitPrice: '1' }, { productId: visit, unitPrice: '2' }] }).expect(400);
    expect(twice.body.errors).toEqual([{ path: 'items[1].productId', message: expect.any(String) }]);
    const period = await send('post', '/api/v1/price-lists', { name: 'X', validFrom: '2026-12-01', validTo: '2026-01-01' }).expect(400);
    expect(period.body.errors).toEqual([{ path: 'validTo', message: expect.any(String) }]);
    const badPercent = await send('post', '/api/v1/price-lists', { name: 'X', items: [{ productId: visit, discountPercent: '120' }] }).expect(400);
    expect(badPercent.body.errors).toEqual([{ path: 'items[0].discountPercent', message: expect.any(String) }]);
    expect((await get('/api/v1/price-lists').expect(200)).body.data).toEqual([]);

    const created = await send('post', '/api/v1/price-lists', {
      name: 'Tarif syndics',
      items: [
        { productId: subscription, unitPrice: '44.5' },
        { productId: visit, discountPercent: '50' },
      ],
    }).expect(201);
    expect(created.body).toMatchObject({ name: 'Tarif syndics', currency: 'EUR', validFrom: null, validTo: null, active: true });
    expect(created.body.items).toEqual(
      expect.arrayContaining([
        { productId: subscription, unitPrice: '44.5000', discountPercent: null },
        { productId: visit, unitPrice: null, discountPercent: '50.00' },
      ]),
    );
    expect((await get(`/api/v1/price-lists/${created.body.id}`).expect(200)).body).toEqual(created.body);
    const listed = await get('/api/v1/price-lists', { q: 'SYNDIC' }).expect(200);
    expect(listed.body.data).toEqual([expect.objectContaining({ id: created.body.id, itemCount: 2 })]);
  });

  it('prices through the assigned price list, then a customer price, with unit conversion', async () => {
    const list = (await send('post', '/api/v1/price-lists', { name: 'Tarif bailleurs', items: [{ productId: subscription, unitPrice: '45' }, { productId: visit, discountPercent: '20' }] }).expect(201)).body;

    expect(await priceOf(subscription, { accountId: customer })).toMatchObject({ unitPrice: '49.9000', priceSource: 'catalog' });
    const assigned = await send('put', `/api/v1/accounts/${customer}/price-list`, { priceListId: list.id }).expect(200);
    expect(assigned.body).toMatchObject({ accountId: customer, priceList: { id: list.id, name: 'Tarif bailleurs', itemCount: 2 } });
    expect((await get(`/api/v1/accounts/${customer}/price-list`).expect(200)).body).toEqual(assigned.body);

    expect(await priceOf(subscription, { accountId: customer })).toMatchObject({ unitPrice: '45.0000', discountPercent: null, priceSource: 'price_list' });
    expect(await priceOf(visit, { accountId: customer })).toMatchObject({ unitPrice: '35.0000', discountPercent: '20.00', priceSource: 'price_list' });
    expect(await priceOf(subscription, { accountId: customer, unit: 'year' })).toMatchObject({ unit: 'year', unitPrice: '540.0000' });

    const own = await send('post', '/api/v1/customer-prices', { accountId: customer, productId: subscription, unitPrice: '40', validFrom: '2026-01-01' }).expect(201);
    expect(own.body).toMatchObject({ accountId: customer, productId: subscription, unitPrice: '40.0000', discountPercent: null, validFrom: '2026-01-01', validTo: null });
    expect(await priceOf(subscription, { accountId: customer, date: '2026-03-01', unit: 'year' })).toMatchObject({ unitPrice: '480.0000', priceSource: 'customer_price' });
    expect(await priceOf(subscription, { accountId: customer, date: '2025-12-31' })).toMatchObject({ unitPrice: '45.0000', priceSource: 'price_list' });

    const discounted = await send('patch', `/api/v1/customer-prices/${own.body.id}`, { discountPercent: '15' }).expect(200);
    expect(discounted.body).toMatchObject({ unitPrice: null, discountPercent: '15.00' });
    expect(await priceOf(subscription, { accountId: customer, date: '2026-03-01' })).toMatchObject({ unitPrice: '49.9000', discountPercent: '15.00', priceSource: 'customer_price' });

    const listedPrices = await get('/api/v1/customer-prices', { accountId: customer, validOn: '2026-03-01' }).expect(200);
    expect(listedPrices.body.data.map((p: { id: string }) => p.id)).toEqual([own.body.id]);
    expect((await get('/api/v1/customer-prices', { accountId: customer, validOn: '2025-03-01' }).expect(200)).body.data).toEqual([]);

    await t.http().delete(`/api/v1/customer-prices/${own.body.id}`).set(org.auth).expect(204);
    await t.http().delete(`/api/v1/accounts/${customer}/price-list`).set(org.auth).expect(204);
    expect((await get(`/api/v1/accounts/${customer}/price-list`).expect(200)).body).toEqual({ accountId: customer, priceList: null });
    expect(await priceOf(subscription, { accountId: customer })).toMatchObject({ unitPrice: '49.9000', priceSource: 'catalog' });
  });

  it('answers 422 for a unit that does not convert, 400 for a malformed query, 404 for an unknown account on the price list', async () => {
    const res = await get(`/api/v1/products/${subscription}/price`, { unit: 'hour' }).expect(422);
    expect(res.body).toMatchObject({ code: 'unit_not_convertible', errors: [{ path: 'unit', message: expect.any(String) }] });
    const bad = await get(`/api/v1/products/${subscription}/price`, { unit: 'parsec', quantity: '1.23456', date: '2026-02-30' }).expect(400);
    expect(bad.body.errors.map((e: { path: string }) => e.path).sort()).toEqual(['date', 'quantity', 'unit']);
    await get('/api/v1/accounts/01934567-89ab-7cde-8f01-23456789abcd/price-list').expect(404);
    const badList = await send('put', `/api/v1/accounts/${customer}/price-list`, { priceListId: '01934567-89ab-7cde-8f01-23456789abcd' }).expect(400);
    expect(badList.body.errors).toEqual([{ path: 'priceListId', message: expect.any(String) }]);
  });

  it('customer prices: validate references and the period; deleting a price list frees its customers', async () => {
    const unknownAccount = await send('post', '/api/v1/customer-prices', { accountId: '01934567-89ab-7cde-8f01-23456789abcd', productId: visit, unitPrice: '1' }).expect(400);
    expect(unknownAccount.body.errors).toEqual([{ path: 'accountId', message: expect.any(String) }]);
    const period = await send('post', '/api/v1/customer-prices', { accountId: customer, productId: visit, unitPrice: '1', validFrom: '2026-02-01', validTo: '2026-01-31' }).expect(400);
    expect(period.body.errors).toEqual([{ path: 'validTo', message: expect.any(String) }]);

    const list = (await send('post', '/api/v1/price-lists', { name: 'Éphémère', items: [{ productId: visit, unitPrice: '10' }] }).expect(201)).body;
    await send('put', `/api/v1/accounts/${customer}/price-list`, { priceListId: list.id }).expect(200);
    await t.http().delete(`/api/v1/price-lists/${list.id}`).set(org.auth).expect(204);
    expect((await get(`/api/v1/accounts/${customer}/price-list`).expect(200)).body.priceList).toBeNull();
    expect(await priceOf(visit, { accountId: customer })).toMatchObject({ unitPrice: '35.0000', priceSource: 'catalog' });
  });
});
