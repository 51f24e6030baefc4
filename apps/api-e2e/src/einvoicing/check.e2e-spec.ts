import { standardsFile, standardsSuiteTitle } from '@comptoir/platform/standards';
import { createTestApp, TestApp } from '../support/test-app';
import { signupOrganization, SignedUpOrg } from '../support/fixtures';
import { createCustomer, draftInvoice } from '../billing/billing-fixtures';
import { enableEInvoicing } from './einvoicing-fixtures';

interface Report {
  valid: boolean;
  syntax: string;
  profile: string;
  checks: { name: string; kind: string; artefact: string; fatal: number; issues: { id: string; flag: string; message: string }[] }[];
}
const fatal = (report: Report) => report.checks.flatMap((c) => c.issues.filter((i) => i.flag === 'fatal').map((i) => `${c.name}: ${i.id} ${i.message}`));

const FACTURX_XSD = ['facturx', 'fnfe-france-rfe', 'FNFE_RFE_INVOICE', 'Factur-X', 'EN16931', '1xsd', 'Factur-X_EN16931.xsd'];
const standards = standardsFile(...FACTURX_XSD);

async function validatedInvoice(t: TestApp, org: SignedUpOrg, customerId: string): Promise<{ id: string; number: string }> {
  const draft = await draftInvoice(() => t.http(), org.auth, customerId, { amount: '1234.50' });
  return (await t.http().post(`/api/v1/invoices/${draft.id}/validate`).set(org.auth).expect(200)).body;
}

/** POST /invoices/{id}/einvoice/check: the stored originals against the official XSDs and schematrons. */
(standards ? describe : describe.skip)(standardsSuiteTitle('E-invoice check', standards, ...FACTURX_XSD), () => {
  let t: TestApp;
  let org: SignedUpOrg;
  let customerId: string;

  beforeAll(async () => {
    t = await createTestApp();
    org = await signupOrganization(t.http(), 'Menuiserie');
    await enableEInvoicing(() => t.http(), org.auth, org.companyId);
    customerId = (await createCustomer(() => t.http(), org.auth, 'Scierie Dupuis')).id;
  }, 60_000);

  afterAll(async () => {
    await t?.close();
  });

  it('reports the CII (with the French rules of a B2B invoice), the UBL and the Factur-X PDF with its embedded XML', async () => {
    const invoice = await validatedInvoice(t, org, customerId);
    // A cold SEF cache compiles the schematrons here (~10 s in parallel child processes).
    const res = await t.http().post(`/api/v1/invoices/${invoice.id}/einvoice/check`).set(org.auth);
    expect(res.status).toBe(200);
    const { cii, ubl, facturx } = res.body as { cii: Report; ubl: Report; facturx: { pdf: Record<string, unknown>; xml: Report } };

    expect(cii.checks.map((c) => c.name)).toEqual(['Factur-X EN16931 XSD', 'EN 16931 CII schematron', 'Factur-X EN16931 schematron', 'BR-FR Flux 2 (French CTC rules)']);
    expect(ubl.checks.map((c) => c.name)).toEqual(['UBL 2.1 Invoice XSD', 'EN 16931 UBL schematron']);
    expect(facturx.xml.checks.map((c) => c.name)).toEqual(cii.checks.map((c) => c.name));
    expect({ cii: fatal(cii), ubl: fatal(ubl), facturx: fatal(facturx.xml) }).toEqual({ cii: [], ubl: [], facturx: [] });
    expect([cii.valid, ubl.valid, facturx.xml.valid]).toEqual([true, true, true]);
    expect(cii).toMatchObject({ syntax: 'cii', profile: 'EN16931' });
    expect(facturx.pdf).toMatchObject({ pdfaPart: 3, facturX: { documentFileName: 'factur-x.xml' }, attachment: { name: 'factur-x.xml' } });
    expect(facturx.pdf).not.toHaveProperty('xml');

    // The originals were made by this request (no worker here) and are the ones now stored.
    const status = (await t.http().get(`/api/v1/invoices/${invoice.id}/einvoice/status`).set(org.auth).expect(200)).body;
    expect(status.status).toBe('generated');
  }, 180_000);

  it('answers 404 for a draft and for another organisation’s invoice', async () => {
    const draft = await draftInvoice(() => t.http(), org.auth, customerId);
    const notValidated = await t.http().post(`/api/v1/invoices/${draft.id}/einvoice/check`).set(org.auth).expect(404);
    expect(notValidated.body.code).toBe('not_found');

    const invoice = await validatedInvoice(t, org, customerId);
    const stranger = await signupOrganization(t.http(), 'Intrus');
    const res = await t.http().post(`/api/v1/invoices/${invoice.id}/einvoice/check`).set(stranger.auth).expect(404);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.text).not.toContain(invoice.number);
  }, 60_000);
});
