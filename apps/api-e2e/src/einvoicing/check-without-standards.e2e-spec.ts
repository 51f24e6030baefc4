import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTestApp, TestApp } from '../support/test-app';
import { signupOrganization, SignedUpOrg } from '../support/fixtures';
import { createCustomer, draftInvoice } from '../billing/billing-fixtures';
import { enableEInvoicing } from './einvoicing-fixtures';

/** In a file of its own: one API app per test process (its metrics registry is global). */
describe('E-invoice check without the standards folder', () => {
  let t: TestApp;
  let org: SignedUpOrg;

  beforeAll(async () => {
    t = await createTestApp({ standardsDir: await mkdtemp(join(tmpdir(), 'comptoir-no-standards-')) });
    org = await signupOrganization(t.http(), 'Menuiserie');
    await enableEInvoicing(() => t.http(), org.auth, org.companyId);
  }, 60_000);

  afterAll(async () => {
    await t?.close();
  });

  it('answers 501 standards_unavailable for a validated invoice, and makes no originals for nothing', async () => {
    const customerId = (await createCustomer(() => t.http(), org.auth, 'Scierie Dupuis')).id;
    const draft = await draftInvoice(() => t.http(), org.auth, customerId);
    const invoice = (await t.http().post(`/api/v1/invoices/${draft.id}/validate`).set(org.auth).expect(200)).body as { id: string };
    const res = await t.http().post(`/api/v1/invoices/${invoice.id}/einvoice/check`).set(org.auth).expect(501);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.body).toMatchObject({ status: 501, code: 'standards_unavailable', detail: expect.stringContaining('COMPTOIR_STANDARDS_DIR') });
    expect(await t.sql(`SELECT id FROM einvoices WHERE id = $1`, [invoice.id])).toEqual([]);
  }, 60_000);
});
