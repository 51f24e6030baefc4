import { createTestApp, TestApp } from '../support/test-app';
import { signupOrganization, SignedUpOrg } from '../support/fixtures';

describe('Catalog API: VAT rates, units, products', () => {
  let t: TestApp;
  let org: SignedUpOrg;

  const post = (path: string, body: object, auth = org.auth) => t.http().post(path).set(auth).send(body);
  const get = (path: string, query: Record<string, string> = {}, auth = org.auth) => t.http().get(path).query(query).set(auth);

  beforeAll(async () => {
    t = await createTestApp();
    org = await signupOrganization(t.http(), 'Catalogue');
  });

  afterAll(async () => {
    await t.close();
  });

  describe('VAT rates', () => {
    it('gives a company the French rates on first use, sorted by rate, with EN 16931 categories and mentions', async () => {
      const res = await get('/api/v1/vat-rates').expect(200);
      expect(res.body.data.map((r: { rate: string; category: string }) => `${r.rate} ${r.category}`)).toEqual([
        '20.00 S', '10.00 S', '5.50 S', '2.10 S', '0.00 AE', '0.00 E', '0.00 G', '0.00 K', '0.00 Z',
      ]);
      expect(res.body.data.find((r: { category: string }) => r.category === 'E')).toMatchObject({
        country: 'FR',
        exemptionReason: 'TVA non applicable, art. 293 B du CGI',
        active: true,
      });
      // A second call does not seed twice.
      expect((await get('/api/v1/vat-rates').expect(200)).body.data).toHaveLength(9);
    });

    it('adds an EU rate, refuses a duplicate (409) and an inconsistent category (422 with the field)', async () => {
      const de = await post('/api/v1/vat-rates', { country: 'de', rate: '19', label: 'TVA Allemagne 19 %' }).expect(201);
      expect(de.body).toMatchObject({ country: 'DE', rate: '19.00', category: 'S', exemptionReason: null, active: true });
      const again = await post('/api/v1/vat-rates', { country: 'DE', rate: '19.00', label: 'Doublon' }).expect(409);
      expect(again.body).toMatchObject({ code: 'already_exists', errors: [{ path: 'rate', message: expect.any(String) }] });
      const bad = await post('/api/v1/vat-rates', { country: 'DE', rate: '7', category: 'E', label: 'Faux' }).expect(422);
      expect(bad.body.code).toBe('vat_category_mismatch');
      expect(bad.body.errors.map((e: { path: string }) => e.path)).toEqual(['category', 'exemptionReason']);
      const filtered = await get('/api/v1/vat-rates', { country: 'DE' }).expect(200);
      expect(filtered.body.data.map((r: { id: string }) => r.id)).toEqual([de.body.id]);
    });

    it('refuses to delete a rate a product uses (409), deactivates it instead, and deletes an unused one', async () => {
      const rate = await post('/api/v1/vat-rates', { country: 'BE', rate: '21', label: 'TVA Belgique 21 %' }).expect(201);
      const product = await post('/api/v1/products', { reference: 'BE-1', name: 'Produit belge', unit: 'piece', unitPrice: '10', vatRateId: rate.body.id }).expect(201);
      expect(product.body).toMatchObject({ vatRateId: rate.body.id, vatRate: '21.00', vatCategory: 'S' });
      expect((await t.http().delete(`/api/v1/vat-rates/${rate.body.id}`).set(org.auth).expect(409)).body.code).toBe('vat_rate_in_use');

      await t.http().patch(`/api/v1/vat-rates/${rate.body.id}`).set(org.auth).send({ active: false }).expect(200);
      const refused = await post('/api/v1/products', { reference: 'BE-2', name: 'Autre', unit: 'piece', unitPrice: '10', vatRateId: rate.body.id }).expect(400);
      expect(refused.body.errors).toEqual([{ path: 'vatRateId', message: expect.any(String) }]);
      // The product keeps its (now inactive) rate.
      expect((await get(`/api/v1/products/${product.body.id}`).expect(200)).body.vatRate).toBe('21.00');

      const unused = await post('/api/v1/vat-rates', { country: 'LU', rate: '17', label: 'TVA Luxembourg' }).expect(201);
      await t.http().delete(`/api/v1/vat-rates/${unused.body.id}`).set(org.auth).expect(204);
      await get(`/api/v1/vat-rates/${unused.body.id}`).expect(404);
    });
  });

  it('lists the built-in units with their conversion dimension and UN/ECE code', async () => {
    const res = await get('/api/v1/units').expect(200);
    expect(res.body.data).toEqual(expect.arrayContaining([{ code: 'year', label: 'Année', dimension: 'period', factor: 12, uneceCode: 'ANN' }]));
  });

  describe('products', () => {
    it('creates a product from the API.md sketch and answers every field, 4-decimal prices and the VAT details', async () => {
      const created = await post('/api/v1/products', { reference: 'MEN-H', name: 'Heure de ménage', unit: 'hour', unitPrice: '12.5', vatRate: '20.00' }).expect(201);
      expect(created.body).toMatchObject({
        reference: 'MEN-H',
        unit: 'hour',
        unitPrice: '12.5000',
        vatRate: '20.00',
        vatCategory: 'S',
        vatExemptionReason: null,
        type: 'service',
        active: true,
        suppliers: [],
        otherTaxes: [],
        costPrice: null,
        ean: null,
      });
      const fetched = await get(`/api/v1/products/${created.body.id}`).expect(200);
      expect(fetched.body).toEqual(created.body);
    });

    it('refuses bad input with problem documents naming each field: EAN check digit, 5 decimals, unknown unit', async () => {
      const res = await post('/api/v1/products', { reference: 'BAD', name: 'Mauvais', unit: 'parsec', unitPrice: '1.23456', vatRate: '20.00', ean: '4006381333932' }).expect(400);
      expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
      expect(res.body.code).toBe('validation_failed');
      expect(res.body.errors.map((e: { path: string }) => e.path).sort()).toEqual(['ean', 'unit', 'unitPrice']);
      const nested = await post('/api/v1/products', {
        reference: 'BAD2', name: 'Mauvais', unit: 'piece', unitPrice: '1', vatRate: '20',
        otherTaxes: [{ label: 'Éco', mode: 'fixed', value: '-1', vatRate: '20' }],
      }).expect(400);
      expect(nested.body.errors).toEqual([{ path: 'otherTaxes[0].value', message: expect.any(String) }]);
      const zero = await post('/api/v1/products', { reference: 'Z', name: 'Sans catégorie', unit: 'piece', unitPrice: '1', vatRate: '0' }).expect(400);
      expect(zero.body.errors).toEqual([{ path: 'vatCategory', message: expect.any(String) }]);
      const unknownRate = await post('/api/v1/products', { reference: 'R7', name: 'Taux inconnu', unit: 'piece', unitPrice: '1', vatRate: '7' }).expect(400);
      expect(unknownRate.body.errors).toEqual([{ path: 'vatRate', message: expect.stringContaining('not an active VAT rate') }]);
      expect((await get('/api/v1/products', { q: 'mauvais' }).expect(200)).body.data).toEqual([]);
    });

    it('keeps references unique per company (409 naming reference) but not across companies', async () => {
      await post('/api/v1/products', { reference: 'UNIQ', name: 'Un', unit: 'piece', unitPrice: '1', vatRate: '20' }).expect(201);
      const dup = await post('/api/v1/products', { reference: 'UNIQ', name: 'Deux', unit: 'piece', unitPrice: '1', vatRate: '20' }).expect(409);
      expect(dup.body.errors).toEqual([{ path: 'reference', message: expect.any(String) }]);
      const other = await signupOrganization(t.http(), 'Autre');
      await post('/api/v1/products', { reference: 'UNIQ', name: 'Ailleurs', unit: 'piece', unitPrice: '1', vatRate: '20' }, other.auth).expect(201);
    });

    it('stores suppliers (accounts with the supplier role only), other taxes, EAN and accounting codes', async () => {
      const supplier = await post('/api/v1/accounts', { name: 'Grossiste Filtres', roles: ['supplier'] }).expect(201);
      const customer = await post('/api/v1/accounts', { name: 'Simple client', roles: ['customer'] }).expect(201);
      const body = {
        reference: 'FILT-220', name: 'Filtre à air', type: 'goods', unit: 'piece', unitPrice: '12.90', vatRate: '20', costPrice: '7.2',
        ean: '3017620422003', stockManaged: true, reorderThreshold: '5', salesAccount: '707000', purchaseAccount: '607000',
        otherTaxes: [{ label: 'Éco-participation', mode: 'fixed', value: '0.10', vatRate: '20' }],
        suppliers: [{ supplierAccountId: customer.body.id, supplierPrice: '7.2' }],
      };
      const refused = await post('/api/v1/products', body).expect(400);
      expect(refused.body.errors).toEqual([{ path: 'suppliers[0].supplierAccountId', message: expect.stringContaining('supplier role') }]);

      const created = await post('/api/v1/products', { ...body, suppliers: [{ supplierAccountId: supplier.body.id, supplierPrice: '7.2', supplierReference: 'GF-220', minimumOrderQuantity: '10' }] }).expect(201);
      expect(created.body).toMatchObject({
        costPrice: '7.2000',
        ean: '3017620422003',
        stockManaged: true,
        reorderThreshold: '5.0000',
        salesAccount: '707000',
        otherTaxes: [{ label: 'Éco-participation', mode: 'fixed', value: '0.1000', vatRate: '20.00', vatCategory: 'S' }],
        suppliers: [{ supplierAccountId: supplier.body.id, supplierPrice: '7.2000', supplierReference: 'GF-220', minimumOrderQuantity: '10.0000' }],
      });
      const bySupplier = await get('/api/v1/products', { supplierAccountId: supplier.body.id }).expect(200);
      expect(bySupplier.body.data.map((p: { id: string }) => p.id)).toEqual([created.body.id]);

      const patched = await t.http().patch(`/api/v1/products/${created.body.id}`).set(org.auth).send({ suppliers: [], ean: null, vatRate: '5.5' }).expect(200);
      expect(patched.body).toMatchObject({ suppliers: [], ean: null, vatRate: '5.50', vatCategory: 'S' });
      expect((await get('/api/v1/products', { supplierAccountId: supplier.body.id }).expect(200)).body.data).toEqual([]);
    });

    it('searches reference and name without accents or case, filters by type and pages with cursors', async () => {
      const fresh = await signupOrganization(t.http(), 'Recherche');
      const names = ['Élagage de haies', 'Entretien chaudière', 'Ménage', 'Repassage', 'Vitres'];
      for (const [i, name] of names.entries()) {
        await post('/api/v1/products', { reference: `S-${i}`, name, unit: 'hour', unitPrice: '30', vatRate: '10' }, fresh.auth).expect(201);
      }
      await post('/api/v1/products', { reference: 'G-1', name: 'Chaudière murale', type: 'goods', unit: 'piece', unitPrice: '1200', vatRate: '20' }, fresh.auth).expect(201);
      const search = async (query: Record<string, string>) => (await get('/api/v1/products', query, fresh.auth).expect(200)).body.data.map((p: { name: string }) => p.name);
      expect(await search({ q: 'CHAUDIERE' })).toEqual(['Chaudière murale', 'Entretien chaudière']);
      expect(await search({ q: 'elagage' })).toEqual(['Élagage de haies']);
      expect(await search({ q: 's-3' })).toEqual(['Repassage']);
      expect(await search({ q: 'chaudiere', type: 'goods' })).toEqual(['Chaudière murale']);

      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const page: { body: { data: { reference: string }[]; nextCursor: string | null } } = await get('/api/v1/products', { limit: '2', sort: '-reference', ...(cursor ? { cursor } : {}) }, fresh.auth).expect(200);
        seen.push(...page.body.data.map((p) => p.reference));
        cursor = page.body.nextCursor;
      } while (cursor);
      expect(seen).toEqual(['S-4', 'S-3', 'S-2', 'S-1', 'S-0', 'G-1']);
    });

    it('archives on DELETE: still readable, filtered by active, refused for pricing (422), restorable', async () => {
      const created = await post('/api/v1/products', { reference: 'ARCH', name: 'Bientôt archivé', unit: 'piece', unitPrice: '3', vatRate: '20' }).expect(201);
      const before = new Date().toISOString();
      await t.http().delete(`/api/v1/products/${created.body.id}`).set(org.auth).expect(204);
      expect((await get(`/api/v1/products/${created.body.id}`).expect(200)).body.active).toBe(false);
      const ids = async (query: Record<string, string>) => (await get('/api/v1/products', query).expect(200)).body.data.map((p: { id: string }) => p.id);
      expect(await ids({ active: 'true' })).not.toContain(created.body.id);
      expect(await ids({ active: 'false' })).toContain(created.body.id);
      expect(await ids({ updatedSince: before })).toEqual([created.body.id]);
      const priced = await get(`/api/v1/products/${created.body.id}/price`).expect(422);
      expect(priced.body.code).toBe('product_archived');

      await t.http().patch(`/api/v1/products/${created.body.id}`).set(org.auth).send({ active: true }).expect(200);
      await get(`/api/v1/products/${created.body.id}/price`).expect(200);
      const audit = await t.sql<{ action: string; changes: unknown }>(`SELECT action, changes FROM audit_entries WHERE entity = 'product' AND entity_id = $1 ORDER BY at, id`, [created.body.id]);
      expect(audit.map((e) => e.action)).toEqual(['create', 'update', 'update']);
      expect(audit[1]!.changes).toEqual({ active: { from: true, to: false } });
      const events = await t.sql<{ name: string }>(`SELECT name FROM outbox_events WHERE aggregate_id = $1 ORDER BY occurred_at, id`, [created.body.id]);
      expect(events.map((e) => e.name)).toEqual(['catalog.product.created', 'catalog.product.archived', 'catalog.product.updated']);
    });

    it('refuses writes to a read-only API key (catalog:read)', async () => {
      const key = await post('/api/v1/api-keys', { name: 'lecture', scopes: ['catalog:read'] }).expect(201);
      const auth = { Authorization: `Bearer ${key.body.token}` };
      await get('/api/v1/products', {}, auth).expect(200);
      const res = await post('/api/v1/products', { reference: 'RO', name: 'Non', unit: 'piece', unitPrice: '1', vatRate: '20' }, auth).expect(403);
      expect(res.body.code).toBe('forbidden');
    });
  });
});
