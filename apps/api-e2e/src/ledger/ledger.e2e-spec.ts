import { execFileSync } from 'node:child_process';
import { createHash, createHmac } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TenantDb, TenantTx } from '@comptoir/platform/database';
import { newId, TenantContext } from '@comptoir/platform/kernel';
import { FileStore } from '@comptoir/platform/storage';
import { TEST_LEDGER_SEAL_KEY } from '@comptoir/platform/testing';
import { NumberingService, SealService } from '@comptoir/ledger-lock';
import { rawBody } from '../support/raw-body';
import { createTestApp, TestApp } from '../support/test-app';
import { createKey, setupTenant, TestTenant } from '../security/tenants';

describe('ledger API: numbering settings, journal, closings and archives', () => {
  let t: TestApp;
  let a: TestTenant;
  let ctx: TenantContext;
  let today: string;
  const year = () => today.slice(0, 4);

  beforeAll(async () => {
    t = await createTestApp();
    a = await setupTenant(() => t.http(), 'Ledger');
    ctx = { organizationId: a.organizationId, companyId: a.companyId, actor: { type: 'system', id: '', name: 'e2e' }, role: 'admin', scopes: ['*'] };
    today = (await t.sql<{ today: string }>(`SELECT (now() AT TIME ZONE 'Europe/Paris')::date::text AS today`))[0]!.today;
  });

  afterAll(() => t.close());

  const api = () => t.http();
  const inTx = <T>(work: (tx: TenantTx) => Promise<T>) => t.app.get(TenantDb).transaction(ctx, work);

  it('lists the default series with a preview of their next number, and freezes a series once it numbered', async () => {
    const list = await api().get('/api/v1/numbering/sequences').set(a.auth).expect(200);
    expect(list.body.data.map((s: { documentType: string }) => s.documentType).sort()).toEqual(['credit_note', 'delivery_note', 'deposit', 'invoice', 'order', 'quote']);
    const invoices = list.body.data.find((s: { documentType: string }) => s.documentType === 'invoice');
    expect(invoices).toMatchObject({ pattern: 'FA{yyyy}-', counterWidth: 5, reset: 'yearly', establishmentId: null, usedAt: null, preview: `FA${year()}-00001` });

    const changed = await api().patch(`/api/v1/numbering/sequences/${invoices.id}`).set(a.auth).send({ pattern: 'F{yyyy}{mm}-', reset: 'monthly', counterWidth: 4 }).expect(200);
    expect(changed.body.preview).toBe(`F${year()}${today.slice(5, 7)}-0001`);
    const bad = await api().patch(`/api/v1/numbering/sequences/${invoices.id}`).set(a.auth).send({ pattern: 'F-' }).expect(400);
    expect(bad.body.errors).toEqual([{ path: 'pattern', message: expect.stringContaining('monthly') }]);
    const clash = await api().patch(`/api/v1/numbering/sequences/${invoices.id}`).set(a.auth).send({ pattern: 'DE{yyyy}-', reset: 'yearly' }).expect(422);
    expect(clash.body).toMatchObject({ code: 'pattern_collision', errors: [{ path: 'pattern', message: expect.stringContaining('DE{yyyy}-') }] });

    const [establishment] = (await api().get('/api/v1/establishments').set(a.auth).expect(200)).body.data;
    const own = await api().post('/api/v1/numbering/sequences').set(a.auth).send({ documentType: 'invoice', establishmentId: establishment.id, pattern: 'FL{yy}-' }).expect(201);
    expect(own.body).toMatchObject({ establishmentId: establishment.id, counterWidth: 5, reset: 'yearly', preview: `FL${today.slice(2, 4)}-00001` });
    const twice = await api().post('/api/v1/numbering/sequences').set(a.auth).send({ documentType: 'invoice', establishmentId: establishment.id, pattern: 'FM{yy}-' }).expect(409);
    expect(twice.body.code).toBe('sequence_exists');

    const assigned = await inTx((tx) => t.app.get(NumberingService).assign(tx, { documentType: 'invoice', establishmentId: establishment.id, date: today }));
    expect(assigned).toMatchObject({ number: `FL${today.slice(2, 4)}-00001`, sequenceId: own.body.id });
    const used = await api().get(`/api/v1/numbering/sequences/${own.body.id}`).set(a.auth).expect(200);
    expect(used.body).toMatchObject({ preview: `FL${today.slice(2, 4)}-00002`, lastDate: today, usedAt: expect.any(String) });
    const frozen = await api().patch(`/api/v1/numbering/sequences/${own.body.id}`).set(a.auth).send({ counterWidth: 6 }).expect(409);
    expect(frozen.body).toMatchObject({ code: 'sequence_in_use', type: expect.stringContaining('sequence_in_use') });
    await api().patch(`/api/v1/numbering/sequences/${own.body.id}`).set(a.auth).send({ counterWidth: 5 }).expect(200);
  });

  it('needs the ledger scopes', async () => {
    const crmOnly = await createKey(() => api(), a.auth, ['crm:write']);
    await api().get('/api/v1/numbering/sequences').set(crmOnly.auth).expect(403);
    await api().get('/api/v1/ledger/verify').set(crmOnly.auth).expect(403);
    const reader = await createKey(() => api(), a.auth, ['ledger:read']);
    await api().get('/api/v1/closings').set(reader.auth).expect(200);
    await api().post('/api/v1/closings').set(reader.auth).send({ period: '2020-01', kind: 'month' }).expect(403);
  });

  it('closes a month from the sealed journal and serves its signed archive with the originals', async () => {
    const b = await setupTenant(() => api(), 'Closing');
    const bctx: TenantContext = { ...ctx, organizationId: b.organizationId, companyId: b.companyId };
    const invoiceId = newId();
    const pdf = Buffer.from(`%PDF-1.7 invoice ${invoiceId}`);
    const fileKey = `originals/${b.companyId}/${invoiceId}.pdf`;
    const stored = await t.app.get(FileStore).put(fileKey, pdf, 'application/pdf');
    await t.app.get(TenantDb).transaction(bctx, (tx) =>
      t.app.get(SealService).sealMany(tx, [
        { kind: 'invoice', recordType: 'test_document', recordId: invoiceId, recordDate: '2026-01-10', payload: { number: 'FA2026-00001', totals: { net: '100.00', vat: [{ rate: '20.00', base: '100.00', amount: '20.00', category: 'S' }], gross: '120.00' } } },
        { kind: 'original', recordType: 'test_document', recordId: invoiceId, recordDate: '2026-01-10', payload: { recordType: 'test_document', recordId: invoiceId, fileKey, sha256: stored.sha256, contentType: 'application/pdf' } },
      ]),
    );
    await api().post('/api/v1/closings').set(b.auth).send({ period: '2026-02', kind: 'month' }).expect(201);
    const early = await api().post('/api/v1/closings').set(b.auth).send({ period: '2026-01', kind: 'month' }).expect(409);
    expect(early.body.code).toBe('closing_out_of_sequence');
    await api().post('/api/v1/closings').set(b.auth).send({ period: '2099-01', kind: 'month' }).expect(409);
    await api().post('/api/v1/closings').set(b.auth).send({ period: '2026-1', kind: 'month' }).expect(400);

    const c = await setupTenant(() => api(), 'Closing2');
    const cctx: TenantContext = { ...ctx, organizationId: c.organizationId, companyId: c.companyId };
    await t.app.get(TenantDb).transaction(cctx, (tx) =>
      t.app.get(SealService).sealMany(tx, [
        { kind: 'invoice', recordType: 'test_document', recordId: invoiceId, recordDate: '2026-01-10', payload: { number: 'FA2026-00001', totals: { net: '100.00', vat: [{ rate: '20.00', base: '100.00', amount: '20.00', category: 'S' }], gross: '120.00' } } },
        { kind: 'original', recordType: 'test_document', recordId: invoiceId, recordDate: '2026-01-10', payload: { recordType: 'test_document', recordId: invoiceId, fileKey, sha256: stored.sha256, contentType: 'application/pdf' } },
      ]),
    );
    const closing = await api().post('/api/v1/closings').set(c.auth).send({ period: '2026-01', kind: 'month' }).expect(201);
    expect(closing.body).toMatchObject({ kind: 'month', period: '2026-01', sealSeq: 3, retainUntil: '2036-01-31', totals: { period: { count: { invoice: 1, credit_note: 0, deposit: 0 }, net: '100.00', gross: '120.00' } } });
    expect((await api().get(`/api/v1/closings/${closing.body.id}`).set(c.auth).expect(200)).body).toEqual(closing.body);
    expect((await api().get('/api/v1/closings?kind=month').set(c.auth).expect(200)).body).toEqual({ data: [closing.body], nextCursor: null });

    const res = await api().get(`/api/v1/closings/${closing.body.id}/archive`).set(c.auth).buffer(true).parse(rawBody).expect(200);
    expect(res.headers['content-type']).toBe('application/zip');
    const dir = mkdtempSync(join(tmpdir(), 'archive-'));
    const zip = join(dir, 'archive.zip');
    writeFileSync(zip, res.body as Buffer);
    const read = (path: string) => execFileSync('unzip', ['-p', zip, path]);
    const manifestBytes = read('manifest.json');
    const manifest = JSON.parse(manifestBytes.toString('utf8')) as { closingId: string; files: { path: string; sha256: string; size: number }[] };
    expect(manifest.closingId).toBe(closing.body.id);
    expect(manifest.files.map((f) => f.path)).toEqual(['data.json', `originals/${fileKey}`]);
    for (const file of manifest.files) {
      const bytes = read(file.path);
      expect({ path: file.path, sha256: createHash('sha256').update(bytes).digest('hex'), size: bytes.length }).toEqual(file);
    }
    expect(read(`originals/${fileKey}`).equals(pdf)).toBe(true);
    expect(read('manifest.sig').toString('utf8').trim()).toBe(createHmac('sha256', TEST_LEDGER_SEAL_KEY).update(manifestBytes).digest('hex'));
    const data = JSON.parse(read('data.json').toString('utf8'));
    expect(data.entries.map((e: { seq: number; kind: string }) => [e.seq, e.kind])).toEqual([[1, 'invoice'], [3, 'closing']]);
    expect(data.originals.map((e: { seq: number }) => e.seq)).toEqual([2]);
    // Stored once, served from storage: the same bytes again.
    expect((await t.app.get(FileStore).get(`archives/${c.companyId}/${closing.body.id}.zip`)).equals(res.body as Buffer)).toBe(true);

    expect((await api().get('/api/v1/ledger/verify').set(c.auth).expect(200)).body).toEqual({ ok: true, entries: 3, lastHash: expect.stringMatching(/^[0-9a-f]{64}$/) });
    const page = await api().get('/api/v1/ledger/entries?limit=2').set(c.auth).expect(200);
    expect(page.body.data.map((e: { seq: number }) => e.seq)).toEqual([1, 2]);
    const next = await api().get(`/api/v1/ledger/entries?limit=2&cursor=${page.body.nextCursor}`).set(c.auth).expect(200);
    expect(next.body).toMatchObject({ data: [{ seq: 3, kind: 'closing' }], nextCursor: null });
    const originals = await api().get(`/api/v1/ledger/entries?kind=original&recordId=${invoiceId}&from=2026-01-01&to=2026-01-31`).set(c.auth).expect(200);
    expect(originals.body.data.map((e: { seq: number }) => e.seq)).toEqual([2]);
    await api().get('/api/v1/ledger/entries?from=2026-02-30').set(c.auth).expect(400);
  });
});
