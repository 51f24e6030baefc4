import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Pool } from 'pg';
import { createTestDatabase, TEST_AUTH_SECRET, TEST_LEDGER_SEAL_KEY, TEST_SECRETS_KEY, TestDatabase } from '@comptoir/platform/testing';
import { randomSiren } from '../support/fixtures';
import { ApiProcess } from './api-process';

/**
 * Gapless numbering, proven the hard way (issue 3, item 5): 16 clients validate 2,000 draft invoices
 * through the HTTP API of a real API process, which is killed with SIGKILL and restarted three times
 * during the run. Afterwards the numbers must be exactly 1…2000 of the series, each on a committed
 * invoice, and the sealed journal must verify.
 */

const DRAFTS = 2000;
const CLIENTS = 16;
const KILL_AT = [0.25, 0.5, 0.75].map((share) => Math.round(DRAFTS * share));

interface Session {
  url: string;
  headers: Record<string, string>;
}

type Outcome = { kind: 'response'; status: number; body: Record<string, unknown> } | { kind: 'network_error'; message: string };

async function call(session: Session, method: string, path: string, body?: unknown): Promise<Outcome> {
  try {
    const res = await fetch(`${session.url}${path}`, {
      method,
      headers: { ...session.headers, 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    return { kind: 'response', status: res.status, body: text ? (JSON.parse(text) as Record<string, unknown>) : {} };
  } catch (error) {
    return { kind: 'network_error', message: (error as Error).message };
  }
}

async function expectStatus(session: Session, method: string, path: string, status: number, body?: unknown): Promise<Record<string, unknown>> {
  const outcome = await call(session, method, path, body);
  if (outcome.kind !== 'response' || outcome.status !== status) throw new Error(`${method} ${path}: expected ${status}, got ${JSON.stringify(outcome)}`);
  return outcome.body;
}

/** Runs `work` over `items` with `clients` concurrent loops. */
async function inParallel<T>(items: T[], clients: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: clients }, async () => {
      while (next < items.length) await work(items[next++] as T);
    }),
  );
}

describe('Invoice numbering while the API process is SIGKILLed and restarted', () => {
  let db: TestDatabase;
  let api: ApiProcess;
  let files: string;
  let session: Session;

  beforeAll(async () => {
    db = await createTestDatabase();
    files = mkdtempSync(join(tmpdir(), 'comptoir-kill-'));
    api = await ApiProcess.start({ DATABASE_URL: db.url, AUTH_SECRET: TEST_AUTH_SECRET, LEDGER_SEAL_KEY: TEST_LEDGER_SEAL_KEY, SECRETS_KEY: TEST_SECRETS_KEY, FILE_STORE_DIR: files, NODE_ENV: 'test' });
    const anonymous = { url: api.url, headers: {} };
    const signup = await expectStatus(anonymous, 'POST', '/api/v1/auth/signup', 201, {
      email: 'kill@example.test',
      password: 'correct horse battery',
      name: 'Kill Admin',
      organizationName: 'Kill',
      company: { legalName: 'Kill SAS', siren: randomSiren() },
    });
    session = { url: api.url, headers: { authorization: `Bearer ${signup['accessToken'] as string}` } };
  }, 120_000);

  afterAll(async () => {
    await api?.stop();
    await db?.drop();
    if (files) rmSync(files, { recursive: true, force: true });
  }, 60_000);

  it('issues 1…2000 with no gap and no duplicate, and the journal verifies', async () => {
    const account = await expectStatus(session, 'POST', '/api/v1/accounts', 201, { name: 'Client Kill', roles: ['customer'] });
    const drafts: string[] = [];
    await inParallel(
      Array.from({ length: DRAFTS }, (_, i) => i),
      CLIENTS,
      async (i) => {
        const draft = await expectStatus(session, 'POST', '/api/v1/invoices', 201, {
          accountId: account['id'],
          lines: [{ description: `Prestation ${i}`, quantity: '1', unitPrice: `${100 + (i % 50)}.00`, vatRate: '20.00' }],
        });
        drafts.push(draft['id'] as string);
      },
    );

    // Validation with kills: a request cut by a kill may or may not have committed; the client retries it
    // after the restart, and then a 409 document_locked means "it had committed".
    const pending = [...drafts];
    const interrupted = new Set<string>();
    const confirmed = new Set<string>();
    const unexpected: string[] = [];
    let restarting: Promise<void> | null = null;
    let kills = 0;

    const killAndRestart = async () => {
      kills++;
      await api.kill();
      await api.restart();
    };

    await Promise.all(
      Array.from({ length: CLIENTS }, async () => {
        while (pending.length) {
          if (restarting) await restarting;
          const id = pending.shift() as string;
          const outcome = await call(session, 'POST', `/api/v1/invoices/${id}/validate`);
          if (outcome.kind === 'network_error') {
            interrupted.add(id);
            pending.push(id);
            if (restarting) await restarting;
            else await new Promise((resolve) => setTimeout(resolve, 50));
            continue;
          }
          if (outcome.status === 200) confirmed.add(id);
          else if (outcome.status === 409 && outcome.body['code'] === 'document_locked' && interrupted.has(id)) confirmed.add(id);
          else unexpected.push(`${id}: ${outcome.status} ${JSON.stringify(outcome.body)}`);
          if (kills < KILL_AT.length && confirmed.size >= (KILL_AT[kills] as number) && !restarting) {
            restarting = killAndRestart().finally(() => (restarting = null));
          }
        }
      }),
    );

    expect(unexpected).toEqual([]);
    expect(kills).toBe(3);
    expect(confirmed.size).toBe(DRAFTS);
    // The kills did cut requests in flight (otherwise this test would prove nothing about crashes).
    expect(interrupted.size).toBeGreaterThan(0);

    const owner = new Pool({ connectionString: db.url, max: 1 });
    const { rows } = await owner
      .query<{ number: string | null; status: string }>(`SELECT number, status FROM sales_documents WHERE type = 'invoice' AND id = ANY($1::uuid[])`, [drafts])
      .finally(() => owner.end());
    expect(rows).toHaveLength(DRAFTS);
    expect(rows.filter((r) => r.status !== 'validated')).toEqual([]);
    const numbers = rows.map((r) => r.number as string);
    expect(new Set(numbers).size).toBe(DRAFTS);
    const counters = numbers.map((n) => Number(/(\d+)$/.exec(n)?.[1])).sort((a, b) => a - b);
    expect(counters).toEqual(Array.from({ length: DRAFTS }, (_, i) => i + 1));

    // Nothing was consumed by a cut transaction: the next validation takes the very next number.
    const next = await expectStatus(session, 'POST', '/api/v1/invoices', 201, {
      accountId: account['id'],
      lines: [{ description: 'Après les coupures', quantity: '1', unitPrice: '10.00', vatRate: '20.00' }],
    });
    const validated = await expectStatus(session, 'POST', `/api/v1/invoices/${next['id'] as string}/validate`, 200);
    expect(Number(/(\d+)$/.exec(validated['number'] as string)?.[1])).toBe(DRAFTS + 1);

    const verify = await expectStatus(session, 'GET', '/api/v1/ledger/verify', 200);
    expect(verify).toMatchObject({ ok: true, entries: DRAFTS + 1 });
  }, 600_000);
});
