import { createHash } from 'node:crypto';
import { Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { ConfigModule } from '@comptoir/platform/config';
import { DATABASE_LIB_ENTITIES, DatabaseModule } from '@comptoir/platform/database';
import { testConfig } from '@comptoir/platform/testing';
import { ORG_ENTITIES } from '@comptoir/org';
import { LEDGER_ENTITIES } from '../index';
import { LedgerLockModule } from '../ledger-lock.module';
import { FileStore } from '@comptoir/platform/storage';
import { newId, TenantContext } from '@comptoir/platform/kernel';
import { createLedgerHarness, LedgerHarness } from '../testing/ledger-harness';
import { LedgerVerifier } from './ledger-verifier.service';
import { SealService } from './seal.service';

/**
 * The journal against the attacks of issue 3, done as the database SUPERUSER (owner connection):
 * every one must be reported with the right first broken entry and reason.
 */
describe('sealed journal (real PostgreSQL)', () => {
  let h: LedgerHarness;
  let seal: SealService;
  let verifier: LedgerVerifier;
  let files: FileStore;

  beforeAll(async () => {
    h = await createLedgerHarness();
    seal = h.module.get(SealService);
    verifier = h.module.get(LedgerVerifier);
    files = h.module.get(FileStore);
  });

  afterAll(() => h.close());

  /** A company with `count` sealed test notes (and the note rows their source reads). */
  async function journal(count: number): Promise<{ ctx: TenantContext; ids: string[] }> {
    const { ctx } = await h.newCompany();
    const ids = Array.from({ length: count }, () => newId());
    const payloads = ids.map((id, i) => ({ number: `N-${i + 1}`, customer: { name: `Client ${i + 1}` }, totals: { net: `${100 + i}.00`, vat: [], gross: `${120 + i}.00` }, id }));
    for (const [i, id] of ids.entries()) {
      await h.owner.query(`INSERT INTO test_notes (id, organization_id, company_id, payload) VALUES ($1, $2, $3, $4)`, [id, ctx.organizationId, ctx.companyId, payloads[i]]);
    }
    await h.tx((tx) => seal.sealMany(tx, ids.map((id, i) => ({ kind: 'invoice', recordType: 'test_note', recordId: id, recordDate: '2026-03-14', payload: payloads[i]! }))), ctx);
    return { ctx, ids };
  }

  const verify = (ctx: TenantContext) => verifier.verify(ctx);

  /** Runs SQL as the superuser with the journal's triggers off, as an attacker with full access would. */
  async function tamper(sql: string, params: unknown[] = []): Promise<void> {
    const client = await h.owner.connect();
    try {
      await client.query('BEGIN');
      await client.query('ALTER TABLE ledger_entries DISABLE TRIGGER USER');
      await client.query(sql, params);
      await client.query('ALTER TABLE ledger_entries ENABLE TRIGGER USER');
      await client.query('COMMIT');
    } finally {
      client.release();
    }
  }

  const entryAt = async (ctx: TenantContext, seq: number) =>
    (await h.owner.query(`SELECT id, record_id AS "recordId" FROM ledger_entries WHERE company_id = $1 AND seq = $2`, [ctx.companyId, seq])).rows[0] as { id: string; recordId: string };

  it('chains entries 1, 2, 3… per company and verifies them', async () => {
    const { ctx } = await journal(3);
    const { rows } = await h.owner.query(`SELECT seq::int, prev_hash, hash FROM ledger_entries WHERE company_id = $1 ORDER BY seq`, [ctx.companyId]);
    expect(rows.map((r) => r.seq)).toEqual([1, 2, 3]);
    expect(rows[1].prev_hash).toBe(rows[0].hash);
    expect(await verify(ctx)).toEqual({ ok: true, entries: 3, lastHash: rows[2].hash });
    const { ctx: empty } = await h.newCompany();
    expect(await verify(empty)).toMatchObject({ ok: true, entries: 0 });
  });

  it('detects an amount changed in an entry', async () => {
    const { ctx } = await journal(4);
    await tamper(`UPDATE ledger_entries SET payload = jsonb_set(payload, '{totals,net}', '"1.00"') WHERE company_id = $1 AND seq = 3`, [ctx.companyId]);
    const result = await verify(ctx);
    expect(result).toMatchObject({ ok: false, entries: 2, reason: 'hash_mismatch', firstBrokenEntry: { seq: 3, ...(await entryAt(ctx, 3)), kind: 'invoice', recordType: 'test_note' } });
  });

  it('detects a deleted entry (in the middle, and at the end)', async () => {
    const { ctx } = await journal(4);
    await tamper(`DELETE FROM ledger_entries WHERE company_id = $1 AND seq = 2`, [ctx.companyId]);
    expect(await verify(ctx)).toMatchObject({ ok: false, entries: 1, reason: 'sequence_gap', firstBrokenEntry: { seq: 3 } });
    const { ctx: other } = await journal(3);
    await tamper(`DELETE FROM ledger_entries WHERE company_id = $1 AND seq = 3`, [other.companyId]);
    expect(await verify(other)).toMatchObject({ ok: false, entries: 2, reason: 'head_mismatch', firstBrokenEntry: { seq: 2 } });
  });

  it('detects two entries whose payloads were swapped', async () => {
    const { ctx } = await journal(4);
    await tamper(
      `UPDATE ledger_entries e SET payload = o.payload FROM ledger_entries o
        WHERE e.company_id = $1 AND o.company_id = $1 AND ((e.seq = 2 AND o.seq = 4) OR (e.seq = 4 AND o.seq = 2))`,
      [ctx.companyId],
    );
    expect(await verify(ctx)).toMatchObject({ ok: false, entries: 1, reason: 'hash_mismatch', firstBrokenEntry: { seq: 2 } });
  });

  it('detects an entry rewritten with every later hash recomputed with plain SHA-256', async () => {
    const { ctx } = await journal(5);
    const { rows } = await h.owner.query(
      `SELECT seq::int, kind, record_type, record_id, record_date::text, payload, prev_hash, hash FROM ledger_entries WHERE company_id = $1 ORDER BY seq`,
      [ctx.companyId],
    );
    rows[1].payload.totals.net = '0.01';
    for (let i = 1; i < rows.length; i++) {
      const e = rows[i];
      e.prev_hash = rows[i - 1].hash;
      e.hash = createHash('sha256').update([e.prev_hash, e.seq, e.kind, e.record_type, e.record_id, e.record_date, JSON.stringify(e.payload)].join('\n')).digest('hex');
      await tamper(`UPDATE ledger_entries SET payload = $3, prev_hash = $4, hash = $5 WHERE company_id = $1 AND seq = $2`, [ctx.companyId, e.seq, e.payload, e.prev_hash, e.hash]);
    }
    await h.owner.query(`UPDATE ledger_heads SET last_hash = $2 WHERE company_id = $1`, [ctx.companyId, rows[rows.length - 1].hash]);
    expect(await verify(ctx)).toMatchObject({ ok: false, entries: 1, reason: 'hash_mismatch', firstBrokenEntry: { seq: 2 } });
  });

  it('detects a sealed record edited outside the journal, naming the field, and a record removed', async () => {
    const { ctx, ids } = await journal(3);
    await h.owner.query(`UPDATE test_notes SET payload = jsonb_set(payload, '{customer,name}', '"Someone else"') WHERE id = $1`, [ids[1]]);
    expect(await verify(ctx)).toMatchObject({ ok: false, entries: 1, reason: 'record_changed', field: 'customer.name', firstBrokenEntry: { seq: 2, recordId: ids[1] } });
    await h.owner.query(`DELETE FROM test_notes WHERE id = $1`, [ids[0]]);
    expect(await verify(ctx)).toMatchObject({ ok: false, entries: 0, reason: 'record_missing', firstBrokenEntry: { seq: 1, recordId: ids[0] } });
  });

  it('detects an original file changed or missing', async () => {
    const { ctx, ids } = await journal(1);
    const pdf = Buffer.from('%PDF-1.7 original');
    const key = `originals/${ctx.companyId}/${ids[0]}.pdf`;
    const stored = await files.put(key, pdf, 'application/pdf');
    const original = { recordType: 'test_note', recordId: ids[0]!, fileKey: key, sha256: stored.sha256, contentType: 'application/pdf' };
    await h.tx((tx) => seal.seal(tx, { kind: 'original', recordType: 'test_note', recordId: ids[0]!, recordDate: '2026-03-14', payload: original }), ctx);
    expect(await verify(ctx)).toMatchObject({ ok: true, entries: 2 });
    await h.tx((tx) => seal.seal(tx, { kind: 'original', recordType: 'test_note', recordId: ids[0]!, recordDate: '2026-03-14', payload: { ...original, sha256: 'f'.repeat(64) } }), ctx);
    expect(await verify(ctx)).toMatchObject({ ok: false, entries: 2, reason: 'original_changed', firstBrokenEntry: { seq: 3, kind: 'original' } });
    const { ctx: other, ids: otherIds } = await journal(1);
    await h.tx((tx) => seal.seal(tx, { kind: 'original', recordType: 'test_note', recordId: otherIds[0]!, recordDate: '2026-03-14', payload: { ...original, fileKey: `originals/${other.companyId}/absent.pdf` } }), other);
    expect(await verify(other)).toMatchObject({ ok: false, entries: 1, reason: 'original_missing', firstBrokenEntry: { seq: 2 } });
  });

  it('refuses UPDATE, DELETE and TRUNCATE of the journal to the application role, and to the owner through the triggers', async () => {
    const { ctx } = await journal(1);
    for (const sql of [`UPDATE ledger_entries SET kind = 'payment'`, `DELETE FROM ledger_entries`, `TRUNCATE ledger_entries`, `ALTER TABLE ledger_entries DISABLE TRIGGER USER`]) {
      await expect(h.app.query(sql)).rejects.toThrow(/permission denied|must be owner/);
    }
    await expect(h.owner.query(`UPDATE ledger_entries SET kind = 'payment' WHERE company_id = $1`, [ctx.companyId])).rejects.toThrow(/append-only: UPDATE refused/);
    await expect(h.owner.query(`DELETE FROM ledger_entries WHERE company_id = $1`, [ctx.companyId])).rejects.toThrow(/append-only: DELETE refused/);
    await expect(h.owner.query(`TRUNCATE ledger_entries CASCADE`)).rejects.toThrow(/append-only: TRUNCATE refused/);
    expect(await verify(ctx)).toMatchObject({ ok: true, entries: 1 });
  });

  it('refuses to start without a seal key', async () => {
    @Module({
      imports: [
        ConfigModule.forRoot(testConfig(h.db.url, { ledgerSealKey: undefined })),
        DatabaseModule.forRoot({ entities: [...DATABASE_LIB_ENTITIES, ...ORG_ENTITIES, ...LEDGER_ENTITIES], applicationName: 'ledger-test-nokey', poolSize: 1 }),
        LedgerLockModule,
      ],
    })
    class NoKeyModule {}
    await expect(NestFactory.createApplicationContext(NoKeyModule, { logger: false, abortOnError: false })).rejects.toThrow(/LEDGER_SEAL_KEY is not set/);
  });

  it('streams a journal of 100,000 entries', async () => {
    const { ctx } = await h.newCompany();
    for (let batch = 0; batch < 20; batch++) {
      const entries = Array.from({ length: 5000 }, (_, i) => ({
        kind: 'payment' as const,
        recordType: 'bulk',
        recordId: newId(),
        recordDate: '2026-03-14',
        payload: { n: String(batch * 5000 + i), amount: '10.00' },
      }));
      await h.tx((tx) => seal.sealMany(tx, entries), ctx);
    }
    const before = process.memoryUsage().heapUsed;
    expect(await verify(ctx)).toMatchObject({ ok: true, entries: 100_000 });
    expect(process.memoryUsage().heapUsed - before).toBeLessThan(200 * 1024 * 1024);
  }, 120_000);
});
