import { FakeCallback, FakeEInvoicingPlatform } from '@comptoir/einvoicing';
import { createTestApp, startTestWorker, TestApp, TestWorker } from '../support/test-app';
import { signupOrganization, SignedUpOrg } from '../support/fixtures';
import { createCustomer, draftInvoice } from '../billing/billing-fixtures';
import { enableEInvoicing } from './einvoicing-fixtures';

type Auth = Record<string, string>;

/**
 * Transmission through the fake approved platform: submit, the platform's signed CDAR callbacks moving
 * the e-invoice's status (history kept, duplicates stored once, late statuses not current, bad
 * signatures refused), the seller's own statuses, and what is never transmitted.
 */
describe('E-invoicing platform (fake)', () => {
  let t: TestApp;
  let worker: TestWorker;
  let fake: FakeEInvoicingPlatform;
  let org: SignedUpOrg;
  let customerId: string;

  beforeAll(async () => {
    t = await createTestApp();
    worker = await startTestWorker(t.config);
    fake = t.app.get(FakeEInvoicingPlatform);
    org = await signupOrganization(t.http(), 'Menuiserie');
    await enableEInvoicing(() => t.http(), org.auth, org.companyId);
    await t.http().put('/api/v1/einvoicing/settings').set(org.auth).send({ enabled: true, platform: 'fake', transmitFormat: 'cii' }).expect(200);
    customerId = (await createCustomer(() => t.http(), org.auth, 'Scierie Dupuis')).id;
  }, 60_000);

  afterAll(async () => {
    await worker?.close();
    await t?.close();
  });

  const validated = async (accountId = customerId, auth: Auth = org.auth) => {
    const draft = await draftInvoice(() => t.http(), auth, accountId, { amount: '1000.00' });
    return (await t.http().post(`/api/v1/invoices/${draft.id}/validate`).set(auth).expect(200)).body as { id: string; number: string };
  };
  const submit = (id: string) => t.http().post(`/api/v1/invoices/${id}/einvoice/submit`).set(org.auth);
  const deliver = (callback: FakeCallback) => t.http().post('/api/v1/einvoicing/platforms/fake/callbacks').set(callback.headers).send(callback.body);
  /** The statuses in the order they arrived. */
  const history = (id: string) =>
    t.sql<{ code: number; status: string; source: string; reason: string | null }>(`SELECT code, status, source, reason FROM einvoice_lifecycle_events WHERE einvoice_id = $1 ORDER BY created_at`, [id]);
  const current = async (id: string) => (await t.sql<{ e: string; d: string }>(`SELECT e.status AS e, d.einvoice_status AS d FROM einvoices e JOIN sales_documents d ON d.id = e.id WHERE e.id = $1`, [id]))[0];

  /** An invoice on the fake platform, its 200 deposited callback delivered. */
  async function deposited(): Promise<{ id: string; ref: string }> {
    const invoice = await validated();
    const res = await submit(invoice.id).expect(200);
    const [callback] = fake.takeCallbacks();
    expect(callback?.platformRef).toBe(res.body.platformRef);
    await deliver(callback!).expect(200, { received: 1, recorded: 1, duplicates: 0 });
    return { id: invoice.id, ref: res.body.platformRef as string };
  }

  it('submits the stored original, then callbacks move the status 200 → 202 → 203 → 204 → 205 → 211, every step kept', async () => {
    const invoice = await validated();
    const res = await submit(invoice.id).expect(200);
    expect(res.body).toMatchObject({ id: invoice.id, status: 'submitted', platform: 'fake', lastError: null });
    expect(res.body.platformRef).toMatch(/^FAKE-/);
    const cii = await t.http().get(`/api/v1/invoices/${invoice.id}/einvoice`).query({ format: 'cii' }).set(org.auth).expect(200);
    expect(fake.deposited(res.body.platformRef)?.bytes.toString('utf8')).toBe(cii.text ?? Buffer.from(cii.body).toString('utf8'));
    expect(await current(invoice.id)).toEqual({ e: 'submitted', d: 'submitted' });

    const [deposit] = fake.takeCallbacks();
    await deliver(deposit!).expect(200, { received: 1, recorded: 1, duplicates: 0 });
    expect(await current(invoice.id)).toEqual({ e: 'deposited', d: 'deposited' });
    for (const [code, status] of [[202, 'received'], [203, 'made_available'], [204, 'taken_over'], [205, 'approved'], [211, 'payment_transmitted']] as const) {
      await deliver(fake.report(res.body.platformRef, code)).expect(200);
      expect(await current(invoice.id)).toEqual({ e: status, d: status });
    }
    expect((await history(invoice.id)).map((e) => e.code)).toEqual([200, 202, 203, 204, 205, 211]);
    const status = await t.http().get(`/api/v1/invoices/${invoice.id}/einvoice/status`).set(org.auth).expect(200);
    expect(status.body).toMatchObject({ status: 'payment_transmitted', platform: 'fake', platformRef: res.body.platformRef });
    expect(status.body.lifecycle.map((e: { code: number }) => e.code)).toEqual([200, 202, 203, 204, 205, 211]);
  }, 30_000);

  it('submits once: a second submit answers where the e-invoice stands, nothing is deposited again', async () => {
    const { id, ref } = await deposited();
    const again = await submit(id).expect(200);
    expect(again.body).toMatchObject({ status: 'deposited', platformRef: ref });
    expect(fake.takeCallbacks()).toEqual([]);
  }, 30_000);

  it('records a failed submission (502, status failed, lastError) and deposits on the next attempt', async () => {
    const invoice = await validated();
    fake.refuseNextDeposit('Service unavailable (503)');
    const failed = await submit(invoice.id).expect(502);
    expect(failed.body).toMatchObject({ code: 'einvoice_submission_failed' });
    expect(failed.body.detail).toMatch(/Service unavailable/);
    const status = await t.http().get(`/api/v1/invoices/${invoice.id}/einvoice/status`).set(org.auth).expect(200);
    expect(status.body).toMatchObject({ status: 'failed', platform: 'fake', platformRef: null, lastError: 'Service unavailable (503)' });
    expect(await current(invoice.id)).toEqual({ e: 'failed', d: 'failed' });
    const retried = await submit(invoice.id).expect(200);
    expect(retried.body).toMatchObject({ status: 'submitted', lastError: null });
    expect(fake.takeCallbacks().map((c) => c.platformRef)).toEqual([retried.body.platformRef]);
  }, 30_000);

  it('stores a redelivered callback once and changes nothing the second time', async () => {
    const { id, ref } = await deposited();
    const received = fake.report(ref, 202);
    await deliver(received).expect(200, { received: 1, recorded: 1, duplicates: 0 });
    await deliver(received).expect(200, { received: 1, recorded: 0, duplicates: 1 });
    expect((await history(id)).map((e) => e.code)).toEqual([200, 202]);
  }, 30_000);

  it('refuses a callback whose signature does not verify (401) and changes nothing', async () => {
    const { id, ref } = await deposited();
    const genuine = fake.report(ref, 213, { reason: 'SIREN inconnu' });
    const tampered = { ...genuine, body: Buffer.from(genuine.body.toString('utf8').replace('<ram:ProcessConditionCode>213', '<ram:ProcessConditionCode>205').replace('Rejetée', 'Approuvée')) };
    const res = await deliver(tampered).expect(401);
    expect(res.body).toMatchObject({ code: 'platform_signature_invalid' });
    const unsigned = await deliver({ ...genuine, headers: { 'content-type': 'application/xml' } }).expect(401);
    expect(unsigned.body.errors[0].message).toMatch(/missing/);
    expect((await history(id)).map((e) => e.code)).toEqual([200]);
    expect(await current(id)).toEqual({ e: 'deposited', d: 'deposited' });
    // Unreadable bodies and unknown flows say so without touching anything.
    await t.http().post('/api/v1/einvoicing/platforms/fake/callbacks').set('content-type', 'application/xml').send('<nope/>').expect(400);
    await t.http().post('/api/v1/einvoicing/platforms/nowhere/callbacks').set(genuine.headers).send(genuine.body).expect(404);
  }, 30_000);

  it('keeps a late, older status in the history without making it current; a rejection carries its reason', async () => {
    const { id, ref } = await deposited();
    await deliver(fake.report(ref, 203)).expect(200);
    await deliver(fake.report(ref, 202, { at: new Date(Date.now() - 3_600_000) })).expect(200);
    expect(await current(id)).toEqual({ e: 'made_available', d: 'made_available' });
    expect((await history(id)).map((e) => e.code)).toEqual([200, 203, 202]);
    await deliver(fake.report(ref, 210, { reasonCode: 'DOUBLON', reason: 'Facture déjà reçue' })).expect(200);
    expect(await current(id)).toEqual({ e: 'refused', d: 'refused' });
    expect((await history(id)).at(-1)).toMatchObject({ code: 210, source: 'platform', reason: 'DOUBLON: Facture déjà reçue' });
  }, 30_000);

  it('sends the seller’s 212 cashed in (with the cash per VAT rate) once the invoice is paid, and refuses what does not fit', async () => {
    const { id, ref } = await deposited();
    const emit = (body: object) => t.http().post(`/api/v1/invoices/${id}/einvoice/lifecycle`).set(org.auth).send(body);
    expect((await emit({ code: 212 }).expect(409)).body.code).toBe('einvoice_status_not_allowed');
    const invoice = (await t.http().get(`/api/v1/invoices/${id}`).set(org.auth).expect(200)).body;
    await t.http().post('/api/v1/payments').set(org.auth).send({ accountId: customerId, date: invoice.date, method: 'transfer', amount: '1200.00', allocations: [{ invoiceId: id, amount: '1200.00' }] }).expect(201);
    const res = await emit({ code: 212 }).expect(200);
    expect(res.body).toMatchObject({ status: 'cashed_in' });
    expect((await history(id)).at(-1)).toMatchObject({ code: 212, source: 'seller' });
    const [sent] = fake.statusesSent(ref);
    expect(sent).toContain('<ram:ProcessConditionCode>212</ram:ProcessConditionCode>');
    expect(sent).toContain('<ram:TypeCode>MEN</ram:TypeCode><ram:ValueAmount currencyID="EUR">1200.00</ram:ValueAmount><ram:ValuePercent>20.00</ram:ValuePercent>');
    expect((await emit({ code: 212 }).expect(409)).body.errors[0].message).toMatch(/already cashed in/);
    expect((await emit({ code: 207 }).expect(400)).body.errors[0].path).toBe('reason');
    await emit({ code: 205 }).expect(400);
  }, 30_000);

  it('sends 212 cashed in by itself when a B2B service invoice becomes fully paid (the worker, on the payment events)', async () => {
    const { id, ref } = await deposited();
    await worker.drain();
    const invoice = (await t.http().get(`/api/v1/invoices/${id}`).set(org.auth).expect(200)).body;
    const pay = (amount: string) => t.http().post('/api/v1/payments').set(org.auth).send({ accountId: customerId, date: invoice.date, method: 'transfer', amount, allocations: [{ invoiceId: id, amount }] }).expect(201);
    await pay('200.00');
    await worker.drain();
    expect((await history(id)).map((e) => e.code)).toEqual([200]); // partly paid: not yet
    await pay('1000.00');
    await worker.drain();
    expect((await history(id)).at(-1)).toMatchObject({ code: 212, source: 'seller' });
    expect(await current(id)).toEqual({ e: 'cashed_in', d: 'cashed_in' });
    expect(fake.statusesSent(ref)).toHaveLength(1);
    expect(fake.statusesSent(ref)[0]).toContain('<ram:ValueAmount currencyID="EUR">1200.00</ram:ValueAmount><ram:ValuePercent>20.00</ram:ValuePercent>');
  }, 60_000);

  it('refuses to transmit a B2C invoice (409 einvoice_not_transmissible, the reason said) and changes nothing', async () => {
    const person = await t.http().post('/api/v1/accounts').set(org.auth).send({ name: 'Jeanne Martin', roles: ['customer'], kind: 'person', billingAddress: { line1: '3 rue des Lilas', postalCode: '69003', city: 'Lyon', country: 'FR' } }).expect(201);
    const invoice = await validated(person.body.id);
    const res = await submit(invoice.id).expect(409);
    expect(res.body).toMatchObject({ code: 'einvoice_not_transmissible' });
    expect(res.body.detail).toMatch(/B2C.*e-reported/);
    expect(fake.takeCallbacks()).toEqual([]);
  }, 30_000);

  it('lists the invoices the platform holds for the company (not stored)', async () => {
    fake.seedInbox(org.companyId, { platformRef: 'FAKE-IN-0001', format: 'ubl', filename: 'FV-2026-118.xml', contentType: 'application/xml', bytes: Buffer.from('<Invoice/>'), receivedAt: new Date('2026-11-20T08:00:00Z') });
    const res = await t.http().get('/api/v1/einvoicing/inbox').set(org.auth).expect(200);
    expect(res.body).toEqual({ platform: 'fake', data: [{ platformRef: 'FAKE-IN-0001', format: 'ubl', filename: 'FV-2026-118.xml', contentType: 'application/xml', size: 10, receivedAt: '2026-11-20T08:00:00.000Z' }] });
    const other = await signupOrganization(t.http(), 'Autre');
    await t.http().get('/api/v1/einvoicing/inbox').set(other.auth).expect(200, { platform: 'none', data: [] });
  }, 30_000);
});
