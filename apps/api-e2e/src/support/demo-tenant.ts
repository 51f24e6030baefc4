import { TenantContext } from '@comptoir/platform/kernel';
import { BillingDemoResult, seedBillingDemo } from '@comptoir/billing';
import { randomSiren, signupOrganization, SignedUpOrg } from './fixtures';
import { TestApp } from './test-app';

export interface SeededDemo {
  org: SignedUpOrg;
  /** The context the demo seeds run under: the signed-up admin with every scope, as apps/api/src/seed.ts does. */
  ctx: TenantContext;
  customerIds: string[];
  /** What the billing demo created (the feature seeds build on top of it). */
  billing: BillingDemoResult | null;
}

/**
 * A new organisation with two customers (billing address and e-mail, so dunning can write to them) and the
 * billing demo seeded over them: the starting point of every feature's demo seed.
 */
export async function seededDemo(t: TestApp, name: string): Promise<SeededDemo> {
  const org = await signupOrganization(t.http(), name);
  const customerIds: string[] = [];
  for (const customer of ['Alpha', 'Bravo']) {
    const res = await t
      .http()
      .post('/api/v1/accounts')
      .set(org.auth)
      .send({
        name: customer,
        roles: ['customer'],
        kind: 'company',
        siren: randomSiren(),
        email: `compta@${customer.toLowerCase()}.example`,
        billingAddress: { line1: '3 rue des Lilas', postalCode: '69003', city: 'Lyon', country: 'FR' },
      })
      .expect(201);
    customerIds.push(res.body.id);
  }
  const ctx: TenantContext = { organizationId: org.organizationId, companyId: org.companyId, actor: { type: 'user', id: org.userId, name: 'Demo' }, role: 'admin', scopes: ['*'] };
  const billing = await seedBillingDemo(t.app, ctx, { customerIds });
  return { org, ctx, customerIds, billing };
}
