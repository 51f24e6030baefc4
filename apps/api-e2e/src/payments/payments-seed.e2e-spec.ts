import { TenantContext } from '@comptoir/platform/kernel';
import { seedBillingDemo, seedPaymentsDemo } from '@comptoir/billing';
import { createCustomer } from '../billing/billing-fixtures';
import { signupOrganization } from '../support/fixtures';
import { createTestApp, TestApp } from '../support/test-app';

describe('seedPaymentsDemo', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
  }, 60_000);

  afterAll(async () => {
    await t?.close();
  });

  it('leaves paid, partially paid and unpaid invoices, an allocated credit note, customer credit and a cancelled cheque, once', async () => {
    const org = await signupOrganization(t.http(), 'Demo paiements');
    const customers = [(await createCustomer(() => t.http(), org.auth, 'Alpha')).id, (await createCustomer(() => t.http(), org.auth, 'Bravo')).id];
    const ctx: TenantContext = { organizationId: org.organizationId, companyId: org.companyId, actor: { type: 'user', id: org.userId, name: 'Demo' }, role: 'admin', scopes: ['*'] };
    await seedBillingDemo(t.app, ctx, { customerIds: customers });
    expect(await seedPaymentsDemo(t.app, ctx)).toEqual({ paid: 6, partiallyPaid: 2, credit: '30.00', cancelled: 1 });

    const statuses = await t.sql<{ payment_status: string; n: number }>(
      `SELECT payment_status, count(*)::int AS n FROM sales_documents WHERE company_id = $1 AND kind = 'invoice' AND status = 'validated' GROUP BY 1 ORDER BY 1`,
      [org.companyId],
    );
    expect(statuses.map((s) => s.payment_status)).toEqual(['paid', 'partially_paid', 'unpaid']);
    const creditNote = await t.sql<{ balance_due: string; gross: string }>(`SELECT balance_due::text, gross::text FROM sales_documents WHERE company_id = $1 AND kind = 'credit_note'`, [org.companyId]);
    expect(creditNote[0]!.balance_due).toBe('0.00');
    const credit = (await t.http().get('/api/v1/payments?direction=in&status=recorded').set(org.auth).expect(200)).body.data.filter((p: { unallocated: string }) => p.unallocated !== '0.00');
    expect(credit.map((p: { unallocated: string }) => p.unallocated)).toEqual(['30.00']);
    expect((await t.http().get('/api/v1/payments?status=cancelled').set(org.auth).expect(200)).body.data).toHaveLength(1);
    expect((await t.http().get('/api/v1/ledger/verify').set(org.auth).expect(200)).body.ok).toBe(true);
    expect(await seedPaymentsDemo(t.app, ctx)).toBeNull();
  });
});
