import { createHash } from 'node:crypto';
import { readFile, unlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { convert } from 'xmlbuilder2';
import { inspectFacturX } from '@comptoir/documents';
import { PdfRenderer } from '@comptoir/platform/pdf';
import { DomainEvent } from '@comptoir/platform/kernel';
import { TenantDb } from '@comptoir/platform/database';
import { EventDispatcher, EventHandlerRegistry, systemContextFor } from '@comptoir/platform/queue';
import { rawBody } from '../support/raw-body';
import { createTestApp, startTestWorker, TestApp, TestWorker } from '../support/test-app';
import { randomSiren, signupOrganization, SignedUpOrg } from '../support/fixtures';
import { createCustomer, draftInvoice } from '../billing/billing-fixtures';
import { enableEInvoicing } from './einvoicing-fixtures';

type Auth = Record<string, string>;
type Format = 'facturx' | 'cii' | 'ubl';
const FORMATS: Format[] = ['facturx', 'cii', 'ubl'];
interface XmlTree {
  [name: string]: XmlTree | string;
}
/** The element at `path` in a parsed tree (xmlbuilder2's object form). */
const at = (tree: XmlTree, ...path: string[]): XmlTree | string | undefined => path.reduce<XmlTree | string | undefined>((node, name) => (typeof node === 'object' ? node[name] : undefined), tree);
const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

/**
 * The e-invoice originals: made by the worker after validation (or by the first download), stored
 * write-once, sealed in the ledger, served byte for byte, and never made twice.
 */
describe('E-invoice originals', () => {
  let t: TestApp;
  let worker: TestWorker;
  let org: SignedUpOrg;
  let customerId: string;

  const enable = (auth: Auth, companyId: string) => enableEInvoicing(() => t.http(), auth, companyId);

  beforeAll(async () => {
    t = await createTestApp();
    worker = await startTestWorker(t.config);
    org = await signupOrganization(t.http(), 'Menuiserie');
    await enable(org.auth, org.companyId);
    customerId = (await createCustomer(() => t.http(), org.auth, 'Scierie Dupuis')).id;
  }, 60_000);

  afterAll(async () => {
    await worker?.close();
    await t?.close();
  });

  const validated = async (auth: Auth = org.auth, accountId = customerId, amount = '1234.50') => {
    const draft = await draftInvoice(() => t.http(), auth, accountId, { amount });
    return (await t.http().post(`/api/v1/invoices/${draft.id}/validate`).set(auth).expect(200)).body as { id: string; number: string };
  };
  const download = async (id: string, format: Format, auth: Auth = org.auth) => {
    const res = await t.http().get(`/api/v1/invoices/${id}/einvoice`).query({ format }).set(auth).buffer(true).parse(rawBody);
    expect(res.status).toBe(200);
    return { bytes: res.body as Buffer, headers: res.headers as Record<string, string> };
  };
  const status = async (id: string, auth: Auth = org.auth) => (await t.http().get(`/api/v1/invoices/${id}/einvoice/status`).set(auth).expect(200)).body;
  const originalEntries = async (id: string) =>
    t.sql<{ file_key: string; sha256: string; content_type: string }>(
      `SELECT payload->>'fileKey' AS file_key, payload->>'sha256' AS sha256, payload->>'contentType' AS content_type FROM ledger_entries WHERE kind = 'original' AND record_id = $1 ORDER BY seq`,
      [id],
    );
  const verify = async (auth: Auth = org.auth) => (await t.http().get('/api/v1/ledger/verify').set(auth).expect(200)).body;
  /** The CII's BT-1 (rsm:ExchangedDocument/ram:ID) and the UBL's (cbc:ID), read by an XML parser. */
  const parseXml = (xml: Buffer) => convert(xml.toString('utf8'), { format: 'object' }) as XmlTree;
  const ciiNumber = (xml: Buffer) => at(parseXml(xml), 'rsm:CrossIndustryInvoice', 'rsm:ExchangedDocument', 'ram:ID');
  const ublNumber = (xml: Buffer) => {
    const tree = parseXml(xml);
    return at(tree, tree['Invoice'] ? 'Invoice' : 'CreditNote', 'cbc:ID');
  };

  /** The billing.invoice.validated event of a document, as the outbox stored it. */
  const validationEvent = async (id: string): Promise<DomainEvent> => {
    const [row] = await t.sql<DomainEvent & { occurred_at: Date }>(
      `SELECT id, name, organization_id AS "organizationId", company_id AS "companyId", aggregate_type AS "aggregateType", aggregate_id AS "aggregateId", payload, occurred_at
         FROM outbox_events WHERE aggregate_id = $1 AND name = 'billing.invoice.validated'`,
      [id],
    );
    return { ...row!, occurredAt: row!.occurred_at.toISOString() };
  };
  const originalsHandler = () => worker.worker.get(EventHandlerRegistry).byName('einvoicing.originals')!;

  it('the worker makes the three originals of a validated invoice, stores them, seals them, and serves them byte for byte', async () => {
    const invoice = await validated();
    expect((await status(invoice.id)).status).toBe('pending');
    expect((await t.http().get(`/api/v1/invoices/${invoice.id}`).set(org.auth).expect(200)).body.einvoiceStatus).toBeNull();
    await worker.drain();

    const state = await status(invoice.id);
    expect(state).toMatchObject({ status: 'generated', profile: 'EN16931', flow: 'B2B', inScope: true, platform: null, lifecycle: [] });
    expect(state.formats.map((f: { format: string }) => f.format)).toEqual(FORMATS);
    expect((await t.http().get(`/api/v1/invoices/${invoice.id}`).set(org.auth).expect(200)).body.einvoiceStatus).toBe('generated');
    const rows = (await t.http().get('/api/v1/invoices').query({ q: invoice.number }).set(org.auth).expect(200)).body.data as { id: string; einvoiceStatus: string | null }[];
    expect(rows.find((row) => row.id === invoice.id)?.einvoiceStatus).toBe('generated');

    const served = Object.fromEntries(await Promise.all(FORMATS.map(async (format) => [format, await download(invoice.id, format)] as const)));
    for (const format of FORMATS) {
      const file = state.formats.find((f: { format: string }) => f.format === format);
      expect(sha256(served[format]!.bytes)).toBe(file.sha256);
      expect(served[format]!.headers['etag']).toBe(`"${file.sha256}"`);
      expect(served[format]!.headers['content-type']).toContain(file.contentType);
      expect(served[format]!.headers['content-disposition']).toContain(`filename="${file.filename}"`);
    }
    expect(state.formats.map((f: { filename: string }) => f.filename)).toEqual([`${invoice.number}-facturx.pdf`, `${invoice.number}.xml`, `${invoice.number}.xml`]);

    const facturx = served['facturx']!.bytes;
    expect(facturx.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const inspection = await inspectFacturX(facturx);
    expect(inspection.attachment?.name).toBe('factur-x.xml');
    expect(Buffer.from(inspection.xml!).equals(served['cii']!.bytes)).toBe(true);
    expect(ciiNumber(served['cii']!.bytes)).toBe(invoice.number);
    expect(ublNumber(served['ubl']!.bytes)).toBe(invoice.number);

    const stored = join(t.config.fileStoreDir, 'originals', org.companyId);
    expect((await readFile(join(stored, `${invoice.id}.cii.xml`))).equals(served['cii']!.bytes)).toBe(true);
    expect((await readFile(join(stored, `${invoice.id}.ubl.xml`))).equals(served['ubl']!.bytes)).toBe(true);
    expect((await readFile(join(stored, `${invoice.id}.facturx.pdf`))).equals(facturx)).toBe(true);

    // The PDF original, then the three e-invoice originals, each with the hash of the served bytes.
    const entries = await originalEntries(invoice.id);
    expect(entries.map((e) => e.file_key)).toEqual([`${invoice.id}.pdf`, `${invoice.id}.cii.xml`, `${invoice.id}.ubl.xml`, `${invoice.id}.facturx.pdf`].map((f) => `originals/${org.companyId}/${f}`));
    expect(entries.slice(1).map((e) => [e.sha256, e.content_type])).toEqual(FORMATS.slice(1).concat('facturx').map((format) => [sha256(served[format]!.bytes), format === 'facturx' ? 'application/pdf' : 'application/xml']));
    expect((await verify()).ok).toBe(true);
  }, 120_000);

  it('a second delivery of the validation event changes nothing', async () => {
    const invoice = await validated();
    await worker.drain();
    const before = { row: await t.sql(`SELECT * FROM einvoices WHERE id = $1`, [invoice.id]), entries: await originalEntries(invoice.id) };
    const event = await validationEvent(invoice.id);
    const handler = originalsHandler();
    // Redelivered: the inbox has it. Handled again past the inbox: the stored row is found and returned.
    expect(await worker.worker.get(EventDispatcher).dispatch(handler, event)).toBe(false);
    await worker.worker.get(TenantDb).transaction(systemContextFor(event), (tx) => handler.instance.handle(event, tx));
    expect(await t.sql(`SELECT * FROM einvoices WHERE id = $1`, [invoice.id])).toEqual(before.row);
    expect(await originalEntries(invoice.id)).toEqual(before.entries);
  }, 60_000);

  it('a file stored by an attempt that failed to commit is the original: served, embedded in the Factur-X and sealed as it is', async () => {
    const invoice = await validated();
    const event = await validationEvent(invoice.id);
    const crash = worker.worker.get(TenantDb).transaction(systemContextFor(event), async (tx) => {
      await originalsHandler().instance.handle(event, tx);
      throw new Error('crashed before COMMIT');
    });
    await expect(crash).rejects.toThrow('crashed before COMMIT');
    expect(await t.sql(`SELECT id FROM einvoices WHERE id = $1`, [invoice.id])).toEqual([]);
    // As if it had crashed after storing the CII, before the Factur-X; the leftover CII told apart
    // from what a new attempt would write.
    const dir = join(t.config.fileStoreDir, 'originals', org.companyId);
    await unlink(join(dir, `${invoice.id}.facturx.pdf`));
    const leftover = Buffer.from((await readFile(join(dir, `${invoice.id}.cii.xml`))).toString('utf8').replace('?>', '?><!-- first attempt -->'));
    await writeFile(join(dir, `${invoice.id}.cii.xml`), leftover);

    await worker.drain();
    const cii = await download(invoice.id, 'cii');
    expect(cii.bytes.equals(leftover)).toBe(true);
    expect(Buffer.from((await inspectFacturX((await download(invoice.id, 'facturx')).bytes)).xml!).equals(leftover)).toBe(true);
    expect((await originalEntries(invoice.id)).find((e) => e.file_key.endsWith('.cii.xml'))?.sha256).toBe(sha256(leftover));
    expect((await verify()).ok).toBe(true);
  }, 60_000);

  it('a download before the worker makes the originals on the spot; the worker then adds nothing', async () => {
    const invoice = await validated();
    const ubl = await download(invoice.id, 'ubl');
    expect(ublNumber(ubl.bytes)).toBe(invoice.number);
    expect((await status(invoice.id)).status).toBe('generated');
    const entries = await originalEntries(invoice.id);
    expect(entries).toHaveLength(4);
    await worker.drain();
    expect(await originalEntries(invoice.id)).toEqual(entries);
    expect((await download(invoice.id, 'ubl')).bytes.equals(ubl.bytes)).toBe(true);
  }, 60_000);

  it('downloads racing the worker make the originals once: every answer is the one stored, sealed once', async () => {
    const invoice = await validated();
    const [facturx, cii, again] = await Promise.all([download(invoice.id, 'facturx'), download(invoice.id, 'cii'), download(invoice.id, 'facturx'), worker.drain()]);
    const state = await status(invoice.id);
    const sealed = Object.fromEntries(state.formats.map((f: { format: string; sha256: string }) => [f.format, f.sha256]));
    expect([sha256(facturx.bytes), sha256(again.bytes), sha256(cii.bytes)]).toEqual([sealed['facturx'], sealed['facturx'], sealed['cii']]);
    expect(await originalEntries(invoice.id)).toHaveLength(4);
    expect((await verify()).ok).toBe(true);
  }, 60_000);

  it('after a batch validation the e-invoice handler prints the PDF originals it needs in bulk, and every invoice gets its originals', async () => {
    const drafts = [];
    for (let i = 0; i < 12; i++) drafts.push(await draftInvoice(() => t.http(), org.auth, customerId, { amount: `${200 + i}.00` }));
    const ids = drafts.map((d) => d.id);
    await t.http().post('/api/v1/invoices/validate-batch').set(org.auth).send({ ids }).expect(200);
    const renderer = worker.worker.get(PdfRenderer);
    const bulk = jest.spyOn(renderer, 'renderMany');
    const single = jest.spyOn(renderer, 'render');
    try {
      // The e-invoice handler first (the order is not fixed with BullMQ): it prints the PDF originals
      // it needs with the company's whole backlog, as billing's handler would, not one by one.
      expect(await worker.worker.get(EventDispatcher).dispatch(originalsHandler(), await validationEvent(ids[0]!))).toBe(true);
      expect(bulk.mock.calls.map(([htmls]) => htmls.length)).toEqual([12]);
      await worker.drain();
      expect(bulk.mock.calls.map(([htmls]) => htmls.length)).toEqual([12]);
      expect(single).not.toHaveBeenCalled();
    } finally {
      bulk.mockRestore();
      single.mockRestore();
    }
    const rows = await t.sql<{ id: string }>(`SELECT id FROM einvoices WHERE id = ANY($1::uuid[])`, [ids]);
    expect(rows.map((r) => r.id).sort()).toEqual([...ids].sort());
    const sealed = await t.sql<{ n: number }>(`SELECT count(*)::int AS n FROM ledger_entries WHERE kind = 'original' AND record_id = ANY($1::uuid[])`, [ids]);
    expect(sealed[0]!.n).toBe(12 * 4);
    expect((await verify()).ok).toBe(true);
  }, 120_000);

  it('a credit note and a deposit invoice get their originals too', async () => {
    const invoice = await t.http().get(`/api/v1/invoices/${(await validated()).id}`).set(org.auth).expect(200);
    const credit = await t.http()
      .post(`/api/v1/invoices/${invoice.body.id}/credit-note`)
      .set(org.auth)
      .send({ lines: [{ sourceLineId: invoice.body.lines[0].id, quantity: '1' }] })
      .expect(201);
    const creditNote = (await t.http().post(`/api/v1/invoices/${credit.body.id}/validate`).set(org.auth).expect(200)).body;
    const order = await t.http()
      .post('/api/v1/orders')
      .set(org.auth)
      .send({ accountId: customerId, lines: [{ description: 'Escalier chêne', quantity: '1', unitPrice: '600.00', vatRate: '20.00' }] })
      .expect(201);
    await t.http().post(`/api/v1/orders/${order.body.id}/validate`).set(org.auth).expect(200);
    const deposit = (await t.http().post(`/api/v1/orders/${order.body.id}/deposit-invoices`).set(org.auth).send({ percent: '30' }).expect(201)).body;
    await worker.drain();

    for (const doc of [creditNote, deposit]) {
      expect((await status(doc.id)).status).toBe('generated');
      expect(ciiNumber((await download(doc.id, 'cii')).bytes)).toBe(doc.number);
      expect(ublNumber((await download(doc.id, 'ubl')).bytes)).toBe(doc.number);
      expect(await originalEntries(doc.id)).toHaveLength(4);
    }
    // BT-3: 381 credit note (a UBL CreditNote), 386 prepayment invoice.
    expect(Object.keys(parseXml((await download(creditNote.id, 'ubl')).bytes))).toEqual(['CreditNote']);
    expect((await verify()).ok).toBe(true);
  }, 120_000);

  it('the stored originals are written once: the einvoices trigger refuses a new key or hash, even to the database owner', async () => {
    const invoice = await validated();
    await worker.drain();
    await expect(t.sql(`UPDATE einvoices SET cii_sha256 = repeat('0', 64) WHERE id = $1`, [invoice.id])).rejects.toThrow(/written once/);
    await expect(t.sql(`UPDATE einvoices SET facturx_key = 'originals/elsewhere.pdf' WHERE id = $1`, [invoice.id])).rejects.toThrow(/written once/);
    // The platform columns stay writable.
    await t.sql(`UPDATE einvoices SET last_error = 'timeout' WHERE id = $1`, [invoice.id]);
    expect((await status(invoice.id)).lastError).toBe('timeout');
  }, 60_000);

  it('a stored e-invoice changed on disk is reported by /ledger/verify as original_changed', async () => {
    const invoice = await validated();
    await worker.drain();
    const path = join(t.config.fileStoreDir, 'originals', org.companyId, `${invoice.id}.ubl.xml`);
    const genuine = await readFile(path);
    await writeFile(path, genuine.toString('utf8').replace(invoice.number, 'FA-FORGED'));
    try {
      const report = await verify();
      expect(report).toMatchObject({ ok: false, reason: 'original_changed', firstBrokenEntry: { recordId: invoice.id } });
      expect(report.detail).toContain(`${invoice.id}.ubl.xml`);
    } finally {
      await writeFile(path, genuine);
    }
    expect((await verify()).ok).toBe(true);
  }, 60_000);

  it('a sandbox company gets its originals, never sealed', async () => {
    const company = await t.http().post('/api/v1/companies').set(org.auth).send({ legalName: 'Menuiserie Essai SAS', siren: randomSiren(), isSandbox: true }).expect(201);
    const auth = { ...org.auth, 'Comptoir-Company': company.body.id };
    await enable(auth, company.body.id);
    const customer = (await createCustomer(() => t.http(), auth, 'Client Essai')).id;
    const invoice = await validated(auth, customer);
    await worker.drain();
    expect((await status(invoice.id, auth)).status).toBe('generated');
    expect((await inspectFacturX((await download(invoice.id, 'facturx', auth)).bytes)).attachment?.name).toBe('factur-x.xml');
    expect((await t.http().get('/api/v1/ledger/entries').set(auth).expect(200)).body.data).toEqual([]);
  }, 120_000);

  it('with autoTransmit and a platform, the worker submits each new domestic B2B e-invoice; B2C sales stay generated', async () => {
    const company = await t.http().post('/api/v1/companies').set(org.auth).send({ legalName: 'Menuiserie Transmise SAS', siren: randomSiren() }).expect(201);
    const auth = { ...org.auth, 'Comptoir-Company': company.body.id };
    await enable(auth, company.body.id);
    await t.http().put('/api/v1/einvoicing/settings').set(auth).send({ enabled: true, platform: 'fake', autoTransmit: true }).expect(200);
    const business = await validated(auth, (await createCustomer(() => t.http(), auth, 'Charpente Leroy')).id);
    const person = await t.http()
      .post('/api/v1/accounts')
      .set(auth)
      .send({ name: 'Jeanne Martin', roles: ['customer'], kind: 'person', billingAddress: { line1: '3 rue des Lilas', postalCode: '69003', city: 'Lyon', country: 'FR' } })
      .expect(201);
    const consumer = await validated(auth, person.body.id);
    await worker.drain();

    expect(await status(business.id, auth)).toMatchObject({ status: 'submitted', platform: 'fake', platformRef: expect.any(String), lastError: null });
    expect(await status(consumer.id, auth)).toMatchObject({ status: 'generated', flow: 'B2C', platform: null });
    expect((await t.http().get(`/api/v1/invoices/${business.id}`).set(auth).expect(200)).body.einvoiceStatus).toBe('submitted');
  }, 60_000);

  it('answers 404 for a draft and another tenant, 400 for an unknown format', async () => {
    const draft = await draftInvoice(() => t.http(), org.auth, customerId);
    for (const path of [`/api/v1/invoices/${draft.id}/einvoice?format=cii`, `/api/v1/invoices/${draft.id}/einvoice/status`]) {
      expect((await t.http().get(path).set(org.auth).expect(404)).body.code).toBe('not_found');
    }
    const invoice = await validated();
    const bad = await t.http().get(`/api/v1/invoices/${invoice.id}/einvoice`).query({ format: 'pdf' }).set(org.auth).expect(400);
    expect(bad.body.errors.map((e: { path: string }) => e.path)).toEqual(['format']);
    await t.http().get(`/api/v1/invoices/${invoice.id}/einvoice`).set(org.auth).expect(400);

    const other = await signupOrganization(t.http(), 'Concurrent');
    await t.http().get(`/api/v1/invoices/${invoice.id}/einvoice?format=cii`).set(other.auth).expect(404);
    await t.http().get(`/api/v1/invoices/${invoice.id}/einvoice/status`).set(other.auth).expect(404);
    // Nothing was made for the intruder.
    expect(await t.sql(`SELECT id FROM einvoices WHERE id = $1`, [invoice.id])).toEqual([]);
  }, 60_000);
});
