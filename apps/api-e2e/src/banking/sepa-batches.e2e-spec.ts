import { addDaysTo, createCustomer, parisToday } from '../billing/billing-fixtures';
import { signupOrganization, SignedUpOrg } from '../support/fixtures';
import { createTestApp, TestApp } from '../support/test-app';
import { standardsFile, standardsSuiteTitle, validateAgainstXsd } from '@comptoir/platform/testing';
import { debtorWithMandate, setupCreditor, validatedInvoice } from './banking-fixtures';

/**
 * SEPA direct-debit batches through the API: all-or-nothing checks naming every invoice, the pain.008
 * file (both versions valid against the official XSDs), XML and zip downloads, pending flags, mandate
 * history (FRST then RCUR), pre-notification mails, settlement into direct_debit payments and rejects
 * that re-open the invoice.
 */
describe('SEPA direct-debit batches', () => {
  let t: TestApp;
  let org: SignedUpOrg;
  let today: string;
  let collectionDate: string;
  const api = () => t.http();

  beforeAll(async () => {
    t = await createTestApp();
    org = await signupOrganization(api(), 'Prelevement');
    today = parisToday();
    collectionDate = addDaysTo(today, 20);
    await setupCreditor(api, org);
  }, 60_000);

  afterAll(async () => {
    await t?.close();
  });

  const getInvoice = async (id: string) => (await api().get(`/api/v1/invoices/${id}`).set(org.auth).expect(200)).body;
  const batchCount = async () => (await t.sql<{ n: number }>(`SELECT count(*)::int AS n FROM sepa_batches WHERE company_id = $1`, [org.companyId]))[0]!.n;
  const download = async (id: string, query = '') => {
    const res = await api().get(`/api/v1/sepa/batches/${id}/file${query}`).set(org.auth).buffer(true).parse((r, cb) => {
      const chunks: Buffer[] = [];
      r.on('data', (c: Buffer) => chunks.push(c));
      r.on('end', () => cb(null, Buffer.concat(chunks)));
    }).expect(200);
    return { bytes: res.body as Buffer, type: res.headers['content-type'] as string, disposition: res.headers['content-disposition'] as string };
  };

  it('refuses the whole batch listing every invoice that cannot be collected, and writes nothing', async () => {
    const ok = await debtorWithMandate(api, org, { name: 'Client OK', signedOn: today });
    const noMandate = await createCustomer(api, org.auth, 'Client Sans Mandat');
    const shortNotice = await debtorWithMandate(api, org, { name: 'Client Delai', signedOn: today, preNotificationDays: 30 });
    const good = await validatedInvoice(api, org, ok.customerId);
    const orphan = await validatedInvoice(api, org, noMandate.id);
    const tooSoon = await validatedInvoice(api, org, shortNotice.customerId);
    const draft = (await api().post('/api/v1/invoices').set(org.auth).send({ accountId: ok.customerId, lines: [{ description: 'x', quantity: '1', unitPrice: '10', vatRate: '20.00' }] }).expect(201)).body;
    const unknown = '01934567-89ab-7cde-8f01-23456789abcd';

    const res = await api().post('/api/v1/sepa/batches').set(org.auth).send({ invoiceIds: [good.id, orphan.id, tooSoon.id, draft.id, unknown], collectionDate, format: 'pain.008.001.02' }).expect(422);
    expect(res.body.code).toBe('sepa_batch_invalid');
    expect(res.body.errors).toEqual([
      { path: 'invoiceIds[1]', message: `Invoice ${orphan.number} (${orphan.id}): the customer has no SEPA mandate` },
      { path: 'invoiceIds[2]', message: expect.stringMatching(new RegExp(`^Invoice ${tooSoon.number} \\(${tooSoon.id}\\): the collection date must be on or after ${addDaysTo(today, 30)}`)) },
      { path: 'invoiceIds[3]', message: `Invoice draft (${draft.id}): is a draft: validate it first` },
      { path: 'invoiceIds[4]', message: `Invoice ${unknown} was not found` },
    ]);
    expect(await batchCount()).toBe(0);
    expect((await getInvoice(good.id)).collectionStatus).toBeNull();

    const past = await api().post('/api/v1/sepa/batches').set(org.auth).send({ invoiceIds: [good.id], collectionDate: today, format: 'pain.008.001.02' }).expect(422);
    expect(past.body.errors).toEqual(expect.arrayContaining([expect.objectContaining({ path: 'collectionDate', message: expect.stringContaining('must be after today') })]));
    const bad = await api().post('/api/v1/sepa/batches').set(org.auth).send({ invoiceIds: ['nope'], collectionDate: 'soon', format: 'pain.008.001.99' }).expect(400);
    expect(bad.body.errors.map((e: { path: string }) => e.path).sort()).toEqual(['collectionDate', 'format', 'invoiceIds']);
  });

  it('builds the batch: FRST debits, pending invoices, one pre-notification per debtor, a file stored once', async () => {
    const a = await debtorWithMandate(api, org, { name: 'Épicerie Zoé', signedOn: today });
    const b = await debtorWithMandate(api, org, { name: 'Garage Dupont', signedOn: today });
    const invA1 = await validatedInvoice(api, org, a.customerId, '100.00');
    const invA2 = await validatedInvoice(api, org, a.customerId, '50.00');
    const invB = await validatedInvoice(api, org, b.customerId, '200.00');

    const res = await api().post('/api/v1/sepa/batches').set(org.auth).send({ invoiceIds: [invA1.id, invA2.id, invB.id], collectionDate, format: 'pain.008.001.08' }).expect(201);
    expect(res.body).toMatchObject({ status: 'generated', count: 3, total: '420.00', currency: 'EUR', collectionDate, format: 'pain.008.001.08' });
    const detail = (await api().get(`/api/v1/sepa/batches/${res.body.id}`).set(org.auth).expect(200)).body;
    expect(detail.items.map((i: { invoiceNumber: string; amount: string; sequenceType: string; status: string }) => [i.invoiceNumber, i.amount, i.sequenceType, i.status]).sort()).toEqual(
      [
        [invA1.number, '120.00', 'FRST', 'pending'],
        [invA2.number, '60.00', 'FRST', 'pending'],
        [invB.number, '240.00', 'FRST', 'pending'],
      ].sort(),
    );
    expect((await getInvoice(invA1.id)).collectionStatus).toBe('pending');
    const mandate = (await api().get(`/api/v1/mandates/${a.mandateId}`).set(org.auth).expect(200)).body;
    expect(mandate).toMatchObject({ collectionCount: 1, lastCollectionOn: collectionDate, nextSequenceType: 'RCUR' });

    const mails = await t.sql<{ subject: string; text: string }>(`SELECT subject, text FROM mail_messages WHERE organization_id = $1 AND subject LIKE 'Prélèvement SEPA%' ORDER BY subject`, [org.organizationId]);
    expect(mails).toHaveLength(2);
    expect(mails.map((m) => m.subject)).toEqual([expect.stringContaining('180,00 €'), expect.stringContaining('240,00 €')]);
    expect(mails[0]!.text).toContain(invA1.number);

    // Pending invoices cannot go in another batch.
    const again = await api().post('/api/v1/sepa/batches').set(org.auth).send({ invoiceIds: [invB.id], collectionDate, format: 'pain.008.001.02' }).expect(422);
    expect(again.body.errors).toEqual([{ path: 'invoiceIds[0]', message: expect.stringContaining('already has a collection pending') }]);

    const xml = await download(res.body.id);
    expect(xml.type).toMatch(/application\/xml/);
    expect(xml.disposition).toMatch(/attachment; filename="SDD-.*\.xml"/);
    const text = xml.bytes.toString('utf8');
    expect(text).toContain('urn:iso:std:iso:20022:tech:xsd:pain.008.001.08');
    expect(text).toContain('<NbOfTxs>3</NbOfTxs><CtrlSum>420.00</CtrlSum>');
    expect(text).toContain('<Nm>Epicerie Zoe</Nm>');
    const zip = await download(res.body.id, '?format=zip');
    expect(zip.type).toMatch(/application\/zip/);
    expect(zip.bytes.subarray(0, 4).toString('hex')).toBe('504b0304');

    const list = (await api().get('/api/v1/sepa/batches').set(org.auth).expect(200)).body.data;
    expect(list[0]).toMatchObject({ id: res.body.id, count: 3 });
  });

  it('settles a batch into direct_debit payments, then a reject cancels the payment and re-opens the invoice', async () => {
    const d = await debtorWithMandate(api, org, { name: 'Client Regle', signedOn: today });
    const inv1 = await validatedInvoice(api, org, d.customerId, '100.00');
    const inv2 = await validatedInvoice(api, org, d.customerId, '10.00');
    const batch = (await api().post('/api/v1/sepa/batches').set(org.auth).send({ invoiceIds: [inv1.id, inv2.id], collectionDate, format: 'pain.008.001.02' }).expect(201)).body;

    // The collection date has come (payments cannot be dated in the future).
    await t.sql(`UPDATE sepa_batches SET collection_date = $2 WHERE id = $1`, [batch.id, today]);
    await api().post(`/api/v1/sepa/batches/${batch.id}/settle`).set(org.auth).send({ date: addDaysTo(today, -1) }).expect(400);
    const settled = await api().post(`/api/v1/sepa/batches/${batch.id}/settle`).set(org.auth).send({ date: today }).expect(200);
    expect(settled.body).toMatchObject({ status: 'settled', settledOn: today });
    expect(await getInvoice(inv1.id)).toMatchObject({ paymentStatus: 'paid', collectionStatus: null, balance: { due: '0.00' } });
    const payments = (await api().get(`/api/v1/payments?accountId=${d.customerId}`).set(org.auth).expect(200)).body.data;
    expect(payments.map((p: { method: string; amount: string }) => [p.method, p.amount]).sort()).toEqual([
      ['direct_debit', '12.00'],
      ['direct_debit', '120.00'],
    ]);
    await api().post(`/api/v1/sepa/batches/${batch.id}/settle`).set(org.auth).send({ date: today }).expect(409);

    const rejected = await api().post(`/api/v1/sepa/batches/${batch.id}/rejects`).set(org.auth).send({ invoiceId: inv1.id, reason: 'AM04 provision insuffisante', date: today }).expect(201);
    expect(rejected.body).toMatchObject({ status: 'rejected', rejectReason: 'AM04 provision insuffisante' });
    expect(await getInvoice(inv1.id)).toMatchObject({ paymentStatus: 'unpaid', collectionStatus: null, balance: { due: '120.00' } });
    const payment = (await api().get(`/api/v1/payments/${rejected.body.paymentId}`).set(org.auth).expect(200)).body;
    expect(payment.status).toBe('cancelled');
    await api().post(`/api/v1/sepa/batches/${batch.id}/rejects`).set(org.auth).send({ invoiceId: inv1.id, reason: 'again' }).expect(409);
    // Another id: its last digit changed (to 1 when it already ends in 0, or it would be inv1 again, 1 run in 16).
    const otherId = inv1.id.slice(0, -1) + (inv1.id.endsWith('0') ? '1' : '0');
    const notInBatch = await api().post(`/api/v1/sepa/batches/${batch.id}/rejects`).set(org.auth).send({ invoiceId: otherId, reason: 'x' }).expect(400);
    expect(notInBatch.body.errors).toEqual([expect.objectContaining({ path: 'invoiceId' })]);

    // The FRST was rejected: the next collection under the mandate is FRST again, and the invoice collectable.
    expect((await api().get(`/api/v1/mandates/${d.mandateId}`).set(org.auth).expect(200)).body.nextSequenceType).toBe('FRST');
    const next = await api().post('/api/v1/sepa/batches').set(org.auth).send({ invoiceIds: [inv1.id], collectionDate, format: 'pain.008.001.02' }).expect(201);
    expect(next.body.total).toBe('120.00');
  });

  it('uses a one-off mandate once (OOFF, then consumed) and ends a recurrent one with FNAL when flagged', async () => {
    const once = await debtorWithMandate(api, org, { name: 'Client Ponctuel', signedOn: today, type: 'oneOff' });
    const [o1, o2] = [await validatedInvoice(api, org, once.customerId, '10.00'), await validatedInvoice(api, org, once.customerId, '20.00')];
    const twice = await api().post('/api/v1/sepa/batches').set(org.auth).send({ invoiceIds: [o1.id, o2.id], collectionDate, format: 'pain.008.001.02' }).expect(422);
    expect(twice.body.errors).toEqual([{ path: 'invoiceIds[1]', message: expect.stringContaining('one-off mandate') }]);
    const single = (await api().post('/api/v1/sepa/batches').set(org.auth).send({ invoiceIds: [o1.id], collectionDate, format: 'pain.008.001.02' }).expect(201)).body;
    expect((await api().get(`/api/v1/sepa/batches/${single.id}`).set(org.auth).expect(200)).body.items[0].sequenceType).toBe('OOFF');
    expect((await api().get(`/api/v1/mandates/${once.mandateId}`).set(org.auth).expect(200)).body.status).toBe('consumed');
    const after = await api().post('/api/v1/sepa/batches').set(org.auth).send({ invoiceIds: [o2.id], collectionDate, format: 'pain.008.001.02' }).expect(422);
    expect(after.body.errors).toEqual([{ path: 'invoiceIds[0]', message: expect.stringContaining('is consumed') }]);

    const last = await debtorWithMandate(api, org, { name: 'Client Dernier', signedOn: today });
    await api().post('/api/v1/sepa/batches').set(org.auth).send({ invoiceIds: [(await validatedInvoice(api, org, last.customerId, '10.00')).id], collectionDate, format: 'pain.008.001.02' }).expect(201);
    expect((await api().patch(`/api/v1/mandates/${last.mandateId}`).set(org.auth).send({ finalCollection: true }).expect(200)).body.nextSequenceType).toBe('FNAL');
    const final = (await api().post('/api/v1/sepa/batches').set(org.auth).send({ invoiceIds: [(await validatedInvoice(api, org, last.customerId, '15.00')).id], collectionDate: addDaysTo(collectionDate, 30), format: 'pain.008.001.08' }).expect(201)).body;
    expect((await download(final.id)).bytes.toString('utf8')).toContain('<SeqTp>FNAL</SeqTp>');
    expect((await api().get(`/api/v1/mandates/${last.mandateId}`).set(org.auth).expect(200)).body.status).toBe('consumed');
  });

  it("answers 404 for another tenant's batch", async () => {
    const other = await signupOrganization(api(), 'Intrus');
    const id = (await api().get('/api/v1/sepa/batches').set(org.auth).expect(200)).body.data[0].id;
    await api().get(`/api/v1/sepa/batches/${id}`).set(other.auth).expect(404);
    await api().get(`/api/v1/sepa/batches/${id}/file`).set(other.auth).expect(404);
    await api().post(`/api/v1/sepa/batches/${id}/settle`).set(other.auth).send({ date: collectionDate }).expect(404);
  });

  describe.each(['pain.008.001.02', 'pain.008.001.08'] as const)('%s file', (format) => {
    const parts = ['sepa', 'xsd', `${format}.xsd`];
    const xsd = standardsFile(...parts);
    (xsd ? it : it.skip)(standardsSuiteTitle('validates against the official XSD, with an amendment and a RCUR group', xsd, ...parts), async () => {
      const d = await debtorWithMandate(api, org, { name: `Client ${format}`, signedOn: today });
      const first = await validatedInvoice(api, org, d.customerId, '40.00');
      await api().post('/api/v1/sepa/batches').set(org.auth).send({ invoiceIds: [first.id], collectionDate, format }).expect(201);
      await api().patch(`/api/v1/mandates/${d.mandateId}`).set(org.auth).send({ reference: `RUM-NEW-${format.slice(-2)}-${d.customerId.slice(-6)}` }).expect(200);
      const fresh = await debtorWithMandate(api, org, { name: `Nouveau ${format}`, signedOn: today });
      const second = await validatedInvoice(api, org, d.customerId, '30.00');
      const third = await validatedInvoice(api, org, fresh.customerId, '20.00');
      const batch = (await api().post('/api/v1/sepa/batches').set(org.auth).send({ invoiceIds: [second.id, third.id], collectionDate: addDaysTo(collectionDate, 30), format }).expect(201)).body;
      const text = (await download(batch.id)).bytes.toString('utf8');
      expect(text).toContain('<SeqTp>RCUR</SeqTp>');
      expect(text).toContain('<SeqTp>FRST</SeqTp>');
      expect(text).toContain('<AmdmntInd>true</AmdmntInd>');
      const result = await validateAgainstXsd(text, xsd ?? '');
      expect(result.errors).toEqual([]);
      expect(result.valid).toBe(true);
    });
  });
});
