import { createTestApp, TestApp } from '../support/test-app';
import { signupOrganization, SignedUpOrg } from '../support/fixtures';
import { draftInvoice, parisToday } from '../billing/billing-fixtures';
import { rawBody } from '../support/raw-body';
import { enableEInvoicing } from './einvoicing-fixtures';

/** The e-reporting of a period over a small known set: exact decimal strings, and the CSV byte for byte. */
describe('E-reporting', () => {
  let t: TestApp;
  let org: SignedUpOrg;
  const today = parisToday();

  beforeAll(async () => {
    t = await createTestApp();
    org = await signupOrganization(t.http(), 'Atelier');
    await enableEInvoicing(() => t.http(), org.auth, org.companyId);
  }, 60_000);

  afterAll(async () => {
    await t?.close();
  });

  const account = async (body: object) => (await t.http().post('/api/v1/accounts').set(org.auth).send({ roles: ['customer'], ...body }).expect(201)).body.id as string;
  const validated = async (accountId: string, amount: string) => {
    const draft = await draftInvoice(() => t.http(), org.auth, accountId, { amount });
    return (await t.http().post(`/api/v1/invoices/${draft.id}/validate`).set(org.auth).expect(200)).body as { id: string; number: string };
  };

  it('sums B2C sales per day and rate, lists international sales, and the cash received on services', async () => {
    const person = await account({ name: 'Jeanne Martin', kind: 'person', billingAddress: { line1: '3 rue des Lilas', postalCode: '69003', city: 'Lyon', country: 'FR' } });
    const foreign = await account({ name: 'Holzbau GmbH', kind: 'company', billingAddress: { line1: 'Hauptstraße 5', postalCode: '10115', city: 'Berlin', country: 'DE' } });
    const first = await validated(person, '100.00');
    await validated(person, '50.00');
    const export_ = await validated(foreign, '1000.00');
    await t.http().post('/api/v1/payments').set(org.auth).send({ accountId: person, date: today, method: 'card', amount: '120.00', allocations: [{ invoiceId: first.id, amount: '120.00' }] }).expect(201);

    const res = await t.http().get('/api/v1/einvoicing/e-reporting').query({ from: today, to: today }).set(org.auth).expect(200);
    expect(res.body).toEqual({
      from: today,
      to: today,
      b2cSales: [{ date: today, rate: '20.00', count: 2, net: '150.00', vat: '30.00', gross: '180.00' }],
      internationalSales: [{ id: export_.id, number: export_.number, date: today, kind: 'invoice', buyerName: 'Holzbau GmbH', buyerCountry: 'DE', buyerVatNumber: null, currency: 'EUR', net: '1000.00', vat: '200.00', gross: '1200.00' }],
      servicePayments: [{ date: today, rate: '20.00', received: '120.00', vat: '20.00' }],
    });

    const csv = await t.http().get('/api/v1/einvoicing/e-reporting').query({ from: today, to: today, format: 'csv' }).set(org.auth).buffer(true).parse(rawBody).expect(200);
    expect(csv.headers['content-type']).toMatch(/^text\/csv/);
    expect((csv.body as Buffer).toString('utf8')).toBe(
      '\uFEFFType;Date;Numéro;Client;Pays;Taux TVA;Nombre;Montant HT;TVA;Montant TTC\r\n' +
        `Ventes B2C;${today};;;;20,00;2;150,00;30,00;180,00\r\n` +
        `Ventes internationales;${today};${export_.number};Holzbau GmbH;DE;;1;1000,00;200,00;1200,00\r\n` +
        `Encaissements services;${today};;;;20,00;;;20,00;120,00\r\n`,
    );

    const empty = await t.http().get('/api/v1/einvoicing/e-reporting').query({ from: '2020-01-01', to: '2020-01-31' }).set(org.auth).expect(200);
    expect(empty.body).toMatchObject({ b2cSales: [], internationalSales: [], servicePayments: [] });
  }, 60_000);

  it('refuses a bad period naming the field', async () => {
    const res = await t.http().get('/api/v1/einvoicing/e-reporting').query({ from: '2026-11-30', to: '2026-11-01' }).set(org.auth).expect(400);
    expect(res.body.errors[0].path).toBe('to');
    await t.http().get('/api/v1/einvoicing/e-reporting').query({ from: 'yesterday', to: '2026-11-01' }).set(org.auth).expect(400);
  });
});
