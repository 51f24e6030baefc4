import { TenantContext } from '@comptoir/platform/kernel';
import { seedBillingDemo, seedDunningDemo } from '@comptoir/billing';
import { createTestApp, TestApp } from '../support/test-app';
import { randomSiren, signupOrganization } from '../support/fixtures';

describe('seedDunningDemo', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
  }, 60_000);

  afterAll(async () => {
    await t?.close();
  });

  it('leaves the demo company with its default steps, a disputed invoice, two first reminders queued, more to dun and a digest', async () => {
    const org = await signupOrganization(t.http(), 'Demo relances');
    const customers: string[] = [];
    for (const name of ['Alpha', 'Bravo']) {
      const res = await t.http().post('/api/v1/accounts').set(org.auth).send({ name, roles: ['customer'], kind: 'company', siren: randomSiren(), email: `compta@${name.toLowerCase()}.example` }).expect(201);
      customers.push(res.body.id);
    }
    const ctx: TenantContext = { organizationId: org.organizationId, companyId: org.companyId, actor: { type: 'user', id: org.userId, name: 'Demo' }, role: 'admin', scopes: ['*'] };
    await seedBillingDemo(t.app, ctx, { customerIds: customers });

    expect(await seedDunningDemo(t.app, ctx)).toEqual({ planned: 2 });

    const open = (await t.http().get('/api/v1/dunning/candidates?scope=open').set(org.auth).expect(200)).body;
    expect(open.data.filter((c: { recoveryStatus: string | null }) => c.recoveryStatus === 'disputed')).toHaveLength(1);
    expect(open.data.filter((c: { lastStep: { status: string } | null }) => c.lastStep?.status === 'pending')).toHaveLength(2);
    const due = open.data.filter((c: { toDun: boolean }) => c.toDun);
    expect(due.length).toBeGreaterThan(0);
    expect(open.digest).toEqual({ on: open.asOf, count: due.length, amount: expect.stringMatching(/^\d+\.\d{2}$/) });
    const mails = await t.sql<{ n: number }>(`SELECT count(*)::int AS n FROM mail_messages WHERE message_id LIKE '<dunning.%' AND organization_id = $1`, [org.organizationId]);
    expect(mails[0]!.n).toBe(2);
  }, 120_000);
});
