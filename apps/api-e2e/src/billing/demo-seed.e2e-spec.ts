import { TenantContext } from '@comptoir/platform/kernel';
import { seedBillingDemo } from '@comptoir/billing';
import { createTestApp, TestApp } from '../support/test-app';
import { signupOrganization } from '../support/fixtures';
import { createCustomer } from './billing-fixtures';

describe('seedBillingDemo', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
  }, 60_000);

  afterAll(async () => {
    await t?.close();
  });

  it('creates documents in every status, numbered in date order with a sound ledger, once', async () => {
    const org = await signupOrganization(t.http(), 'Demo');
    const customers = [(await createCustomer(() => t.http(), org.auth, 'Alpha')).id, (await createCustomer(() => t.http(), org.auth, 'Bravo')).id];
    const ctx: TenantContext = { organizationId: org.organizationId, companyId: org.companyId, actor: { type: 'user', id: org.userId, name: 'Demo' }, role: 'admin', scopes: ['*'] };
    const result = await seedBillingDemo(t.app, ctx, { customerIds: customers });
    expect(result).toEqual({ quotes: 6, orders: 1, deliveryNotes: 1, invoices: 16, creditNotes: 1 });

    const rows = await t.sql<{ type: string; kind: string | null; status: string; n: number }>(
      `SELECT type, kind, status, count(*)::int AS n FROM sales_documents WHERE company_id = $1 GROUP BY 1, 2, 3 ORDER BY 1, 2, 3`,
      [org.companyId],
    );
    expect(rows).toEqual([
      { type: 'delivery_note', kind: null, status: 'validated', n: 1 },
      { type: 'invoice', kind: 'credit_note', status: 'validated', n: 1 },
      { type: 'invoice', kind: 'invoice', status: 'draft', n: 2 },
      { type: 'invoice', kind: 'invoice', status: 'validated', n: 14 },
      { type: 'order', kind: null, status: 'validated', n: 1 },
      { type: 'quote', kind: null, status: 'done', n: 1 },
      { type: 'quote', kind: null, status: 'draft', n: 2 },
      { type: 'quote', kind: null, status: 'refused', n: 1 },
      { type: 'quote', kind: null, status: 'validated', n: 2 },
    ]);
    const invoices = await t.sql<{ number: string; date: string }>(
      `SELECT number, date::text AS date FROM sales_documents WHERE company_id = $1 AND kind = 'invoice' AND number IS NOT NULL ORDER BY number`,
      [org.companyId],
    );
    expect(invoices.map((i) => i.date)).toEqual([...invoices.map((i) => i.date)].sort());
    expect((await t.http().get('/api/v1/ledger/verify').set(org.auth).expect(200)).body.ok).toBe(true);

    // Keyset pages (newest first) add up to the whole list, in the same order.
    const all = (await t.http().get('/api/v1/invoices?limit=200').set(org.auth).expect(200)).body.data.map((d: { id: string }) => d.id);
    const paged: string[] = [];
    for (let cursor: string | null = null, pages = 0; pages === 0 || cursor; pages++) {
      const page: { body: { data: { id: string }[]; nextCursor: string | null } } = await t.http().get('/api/v1/invoices').query({ limit: 5, ...(cursor ? { cursor } : {}) }).set(org.auth).expect(200);
      paged.push(...page.body.data.map((d) => d.id));
      cursor = page.body.nextCursor;
    }
    expect(all).toHaveLength(17);
    expect(paged).toEqual(all);
    expect(await seedBillingDemo(t.app, ctx, { customerIds: customers })).toBeNull();
  }, 60_000);
});
