import { TenantContext } from '@comptoir/platform/kernel';
import { seedBillingDemo } from '@comptoir/billing';
import { seedBankingDemo } from '@comptoir/banking';
import { createCustomer } from '../billing/billing-fixtures';
import { signupOrganization } from '../support/fixtures';
import { createTestApp, TestApp } from '../support/test-app';

describe('seedBankingDemo', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
  }, 60_000);

  afterAll(async () => {
    await t?.close();
  });

  it('gives customers with open invoices a mandate, collects the first one in a batch, and leaves the rest collectable, once', async () => {
    const org = await signupOrganization(t.http(), 'Demo');
    const customers = [(await createCustomer(() => t.http(), org.auth, 'Alpha')).id, (await createCustomer(() => t.http(), org.auth, 'Bravo')).id];
    const ctx: TenantContext = { organizationId: org.organizationId, companyId: org.companyId, actor: { type: 'user', id: org.userId, name: 'Demo' }, role: 'admin', scopes: ['*'] };
    await seedBillingDemo(t.app, ctx, { customerIds: customers });

    expect(await seedBankingDemo(t.app, ctx, org.userId)).toEqual({ mandates: 2, batches: 1 });
    const company = (await t.http().get(`/api/v1/companies/${org.companyId}`).set(org.auth).expect(200)).body;
    expect(company.sepaCreditorId).toBe('FR72ZZZ123456');
    const mandates = (await t.http().get('/api/v1/mandates').set(org.auth).expect(200)).body.data as { status: string; accountId: string }[];
    expect(mandates.map((m) => m.status)).toEqual(['active', 'active']);
    const [batch] = (await t.http().get('/api/v1/sepa/batches').set(org.auth).expect(200)).body.data as { id: string; status: string; count: number }[];
    expect(batch).toMatchObject({ status: 'generated' });
    expect(batch!.count).toBeGreaterThan(0);
    const open = await t.sql<{ n: number }>(
      `SELECT count(*)::int AS n FROM sales_documents WHERE company_id = $1 AND type = 'invoice' AND kind = 'invoice' AND balance_due > 0 AND collection_status IS NULL`,
      [org.companyId],
    );
    expect(open[0]!.n).toBeGreaterThan(0);

    expect(await seedBankingDemo(t.app, ctx, org.userId)).toBeNull();
  });
});
