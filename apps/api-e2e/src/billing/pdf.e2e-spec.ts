import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { PdfRenderer, pdfLargeText, pdfPagesText } from '@comptoir/platform/pdf';
import { rawBody } from '../support/raw-body';
import { createTestApp, startTestWorker, TestApp } from '../support/test-app';
import { randomSiren, signupOrganization, SignedUpOrg } from '../support/fixtures';
import { createCustomer, draftInvoice } from './billing-fixtures';

/** PDFs of sales documents: specimen drafts, stored originals served byte for byte, TEST mode, the worker job. */
describe('Sales document PDFs', () => {
  let t: TestApp;
  let org: SignedUpOrg;
  let customerId: string;

  beforeAll(async () => {
    t = await createTestApp();
    org = await signupOrganization(t.http(), 'Imprimerie');
    customerId = (await createCustomer(() => t.http(), org.auth, 'Imprimerie Durand')).id;
  }, 60_000);

  afterAll(async () => {
    await t?.close();
  });

  const pdf = async (path: string, auth: Record<string, string> = org.auth) => {
    const res = await t.http().get(path).set(auth).buffer(true).parse(rawBody);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    return res.body as Buffer;
  };

  it('prints a draft with a SPECIMEN watermark and stores nothing', async () => {
    const draft = await draftInvoice(() => t.http(), org.auth, customerId, { amount: '80.00' });
    const bytes = await pdf(`/api/v1/invoices/${draft.id}/pdf`);
    expect(await pdfLargeText(bytes, 1)).toContain('SPECIMEN');
    expect((await t.http().get(`/api/v1/invoices/${draft.id}`).set(org.auth).expect(200)).body.hasOriginalPdf).toBe(false);
  }, 60_000);

  it('serves a validated invoice from its stored original, byte for byte, with the number and totals, sealed as an original', async () => {
    const draft = await draftInvoice(() => t.http(), org.auth, customerId, { amount: '1234.50' });
    const invoice = (await t.http().post(`/api/v1/invoices/${draft.id}/validate`).set(org.auth).expect(200)).body;
    const first = await pdf(`/api/v1/invoices/${draft.id}/pdf`);
    const second = await pdf(`/api/v1/invoices/${draft.id}/pdf`);
    expect(second.equals(first)).toBe(true);
    const stored = await readFile(join(t.config.fileStoreDir, 'originals', org.companyId, `${draft.id}.pdf`));
    expect(stored.equals(first)).toBe(true);
    const text = (await pdfPagesText(first)).join('\n');
    expect(text).toContain(invoice.number);
    expect(text.replace(/\s/g, '')).toContain('1481,40'); // gross: 1,234.50 + 20 % VAT
    expect(await pdfLargeText(first, 1)).not.toContain('SPECIMEN');
    const row = (await t.sql<{ pdf_sha256: string }>(`SELECT pdf_sha256 FROM sales_documents WHERE id = $1`, [draft.id]))[0]!;
    const entries = (await t.http().get('/api/v1/ledger/entries').set(org.auth).expect(200)).body.data as { kind: string; recordId: string }[];
    expect(entries.filter((e) => e.recordId === draft.id).map((e) => e.kind).sort()).toEqual(['invoice', 'original']);
    expect(row.pdf_sha256).toMatch(/^[0-9a-f]{64}$/);
    expect((await t.http().get('/api/v1/ledger/verify').set(org.auth).expect(200)).body.ok).toBe(true);
  }, 60_000);

  it('prints TEST on the documents of a sandbox company', async () => {
    const company = await t.http().post('/api/v1/companies').set(org.auth).send({ legalName: 'École SAS', siren: randomSiren(), isSandbox: true }).expect(201);
    const auth = { ...org.auth, 'Comptoir-Company': company.body.id };
    const customer = (await createCustomer(() => t.http(), auth)).id;
    const draft = await draftInvoice(() => t.http(), auth, customer);
    await t.http().post(`/api/v1/invoices/${draft.id}/validate`).set(auth).expect(200);
    const bytes = await pdf(`/api/v1/invoices/${draft.id}/pdf`, auth);
    expect(await pdfLargeText(bytes, 1)).toContain('TEST');
    expect((await t.http().get('/api/v1/ledger/entries').set(auth).expect(200)).body.data).toEqual([]);
  }, 60_000);

  it('the worker stores and seals the original when the invoice is validated, once', async () => {
    const worker = await startTestWorker(t.config);
    try {
      const draft = await draftInvoice(() => t.http(), org.auth, customerId, { amount: '42.00' });
      await t.http().post(`/api/v1/invoices/${draft.id}/validate`).set(org.auth).expect(200);
      await worker.drain();
      const row = (await t.sql<{ pdf_key: string; pdf_sha256: string }>(`SELECT pdf_key, pdf_sha256 FROM sales_documents WHERE id = $1`, [draft.id]))[0]!;
      expect(row.pdf_key).toBe(`originals/${org.companyId}/${draft.id}.pdf`);
      const served = await pdf(`/api/v1/invoices/${draft.id}/pdf`);
      expect(served.equals(await readFile(join(t.config.fileStoreDir, row.pdf_key)))).toBe(true);
      await worker.drain();
      const originals = await t.sql<{ n: number }>(`SELECT count(*)::int AS n FROM ledger_entries WHERE record_id = $1 AND kind = 'original'`, [draft.id]);
      expect(originals[0]!.n).toBe(1);
    } finally {
      await worker.close();
    }
  }, 60_000);

  it('after a batch validation the worker prints the waiting originals in bulk, each once, and the chain verifies', async () => {
    const drafts = [];
    for (let i = 0; i < 60; i++) drafts.push(await draftInvoice(() => t.http(), org.auth, customerId, { amount: `${100 + i}.00` }));
    const ids = drafts.map((d) => d.id);
    await t.http().post('/api/v1/invoices/validate-batch').set(org.auth).send({ ids }).expect(200);
    const worker = await startTestWorker(t.config);
    try {
      const renderer = worker.worker.get(PdfRenderer);
      const bulk = jest.spyOn(renderer, 'renderMany');
      const single = jest.spyOn(renderer, 'render');
      await worker.drain();
      const rows = await t.sql<{ id: string; pdf_key: string | null }>(`SELECT id, pdf_key FROM sales_documents WHERE id = ANY($1::uuid[])`, [ids]);
      expect(rows.filter((r) => !r.pdf_key)).toEqual([]);
      const originals = await t.sql<{ n: number; records: number }>(
        `SELECT count(*)::int AS n, count(DISTINCT record_id)::int AS records FROM ledger_entries WHERE kind = 'original' AND record_id = ANY($1::uuid[])`,
        [ids],
      );
      expect(originals[0]).toEqual({ n: 60, records: 60 });
      // 60 documents in bulk prints of at most 50, not 60 single prints.
      const printedInBulk = bulk.mock.calls.reduce((sum, [htmls]) => sum + htmls.length, 0);
      expect(printedInBulk + single.mock.calls.length).toBe(60);
      expect(bulk.mock.calls.length).toBeGreaterThanOrEqual(1);
      expect(single.mock.calls.length).toBeLessThan(10);
      expect((await t.http().get('/api/v1/ledger/verify').set(org.auth).expect(200)).body.ok).toBe(true);
    } finally {
      await worker.close();
    }
  }, 120_000);
});
