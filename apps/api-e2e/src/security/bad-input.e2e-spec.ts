import fc from 'fast-check';
import { createTestApp, TestApp } from '../support/test-app';
import { contractOperations, Operation } from './contract';
import { BadRequest, badRequests, describeRequest, fixedBadRequests } from './malformed-requests';
import { setupTenant, TestTenant } from './tenants';

/**
 * Bad-input sweep over the whole contract: for every operation, random requests that break its
 * schema (fast-check) must never get a 5xx, and every 4xx must be an RFC 9457 problem document with
 * a stable code. Set COMPTOIR_FC_SEED to replay a failing run.
 */

const RUNS_PER_OPERATION = 60;
const BATCH = 10;
const TIMEOUT_MS = 60_000;
const MIN_CASES_PER_OPERATION = 50;
const seed = process.env['COMPTOIR_FC_SEED'] ? Number(process.env['COMPTOIR_FC_SEED']) : undefined;

const operations = contractOperations();
const label = (op: Operation) => `${op.method.toUpperCase()} ${op.path}`;

/** Percent-encodes every byte that is not unreserved: any string, even a lone surrogate, makes a path. */
function encodeSegment(value: string): string {
  return [...Buffer.from(value, 'utf8')].map((byte) => (/[A-Za-z0-9\-._~]/.test(String.fromCharCode(byte)) ? String.fromCharCode(byte) : `%${byte.toString(16).toUpperCase().padStart(2, '0')}`)).join('');
}

describe('Bad-input sweep (every operation of openapi.json, fast-check)', () => {
  let t: TestApp;
  let tenant: TestTenant;
  let counter = 0;
  const casesPerOperation = new Map<string, number>();

  beforeAll(async () => {
    t = await createTestApp();
    tenant = await setupTenant(() => t.http(), 'Sweep');
  }, TIMEOUT_MS);

  afterAll(async () => {
    await t?.close();
  });

  async function check(op: Operation, c: BadRequest): Promise<void> {
    counter += 1;
    casesPerOperation.set(op.operationId, (casesPerOperation.get(op.operationId) ?? 0) + 1);
    const path = op.path.replace(/\{([^}]+)\}/g, (_m, name: string) => encodeSegment(c.params[name] ?? ''));
    let req = t.http()[op.method](c.query ? `${path}?${c.query}` : path);
    const headers: Record<string, string | null> = {
      Authorization: tenant.key.auth.Authorization,
      ...c.headers,
    };
    for (const [name, value] of Object.entries(headers)) if (value !== null) req = req.set(name, value);
    if (c.body?.kind === 'json') req = req.set('Content-Type', 'application/json').send(JSON.stringify(c.body.value));
    if (c.body?.kind === 'raw') req = req.set('Content-Type', c.body.contentType).send(c.body.text);
    const res = await req;
    const problem = res.body as { code?: unknown; status?: unknown };
    const failure =
      res.status >= 500
        ? `answered ${res.status}`
        : res.status >= 400 && !/^application\/problem\+json/.test(String(res.headers['content-type']))
          ? `answered ${res.status} as ${res.headers['content-type']}, not application/problem+json`
          : res.status >= 400 && (typeof problem.code !== 'string' || !/^[a-z][a-z0-9_]*$/.test(problem.code) || problem.status !== res.status)
            ? `answered ${res.status} without a snake_case code and matching status`
            : null;
    if (failure) throw new Error(`${label(op)} ${failure} to ${c.kind}\nrequest: ${describeRequest(c)}\nresponse: ${res.text.slice(0, 800)}`);
  }

  it('covers every operation of the contract', () => {
    expect(operations.length).toBeGreaterThan(30);
  });

  it.each(operations.map((op) => [label(op), op] as const))('%s: never 5xx, 4xx are problem documents with a code', async (_name, op) => {
    // Cases run in concurrent batches (the server overlaps their database round trips); a failing
    // batch is shrunk like any fast-check value and the error names the failing request.
    const batch = fc.array(badRequests(op), { minLength: BATCH, maxLength: BATCH });
    await fc.assert(
      fc.asyncProperty(batch, async (cases) => {
        await Promise.all(cases.map((c) => check(op, c)));
      }),
      { numRuns: Math.ceil(RUNS_PER_OPERATION / BATCH), examples: [[fixedBadRequests(op)]], seed },
    );
    expect(casesPerOperation.get(op.operationId)).toBeGreaterThanOrEqual(MIN_CASES_PER_OPERATION);
  }, TIMEOUT_MS);

  it('leaves the tenant usable afterwards', async () => {
    await t.http().get('/api/v1/me').set(tenant.auth).expect(200);
    await t.http().get('/api/v1/me').set(tenant.key.auth).expect(200);
    expect(counter).toBeGreaterThanOrEqual(operations.length * MIN_CASES_PER_OPERATION);
  });
});
