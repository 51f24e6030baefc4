// `npm run bench -- billing [--http 2000] [--batch 10000] [--connections 1,8] [--pgbench-seconds 10]
//                            [--pdfs 300] [--skip http,batch,pdf,pgbench] [--profile] [--keep]`
//
// Invoice validation and PDFs (issue 3, item 11), on a database of its own (`comptoir_bench_billing`):
//   (a) http     POST /api/v1/invoices/{id}/validate, one draft per request, at each concurrency
//                (one company, so every validation contends for the same number series and chain head)
//   (b) batch    POST /api/v1/invoices/validate-batch over --batch drafts in one call (one draft made through
//                the API and copied in SQL: bench/support/draft-copies.ts)
//   (c) pdf      PDFs per second: on-demand latency (warm pool) and the bulk print-and-split path
//   (d) pgbench  the physical reference: pgbench replaying the validation transaction's own SQL (lock the
//                document, lock the sequence counter, lock the chain head, insert the journal entry,
//                update the head and the document) at the same concurrencies, on the same database
// Prints JSON figures (each with the 1-minute load average when it was taken: the machine is shared),
// saves them to bench/results/, drops the database unless --keep.
// `--profile` records V8 CPU profiles of the API during the measured windows only:
// bench/results/billing-validate.cpuprofile (the HTTP runs) and billing-batch.cpuprofile; summarise with
// `node bench/support/profile-summary.mjs <file>`.
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { Client } from 'pg';
import { loadConfig } from '@comptoir/platform/config';
import { migrate } from '@comptoir/runtime';
import { benchPdf } from './pdf';
import { copyDraft } from './support/draft-copies';
import { admin, ApiProcess, Figures, http, randomSiren, saveReport, startApi, summarise, withDatabase } from './support/harness';
import { validationReplayScript } from './support/validation-replay';

const RESULTS_DIR = join(__dirname, 'results');
const BENCH_DB = 'comptoir_bench_billing';
const PHASES = ['http', 'batch', 'pdf', 'pgbench'] as const;
type Phase = (typeof PHASES)[number];

interface Options {
  http: number;
  batch: number;
  connections: number[];
  pgbenchSeconds: number;
  pdfs: number;
  skip: Phase[];
  profile: boolean;
  keep: boolean;
}

function parseArgs(argv: string[]): Options {
  const options: Options = { http: 2000, batch: 10_000, connections: [1, 8], pgbenchSeconds: 10, pdfs: 300, skip: [], profile: false, keep: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const value = () => {
      const next = argv[++i];
      if (next === undefined) throw new Error(`${arg} needs a value`);
      return next;
    };
    if (arg === '--http') options.http = Number(value());
    else if (arg === '--batch') options.batch = Number(value());
    else if (arg === '--connections') options.connections = value().split(',').map(Number);
    else if (arg === '--pgbench-seconds') options.pgbenchSeconds = Number(value());
    else if (arg === '--pdfs') options.pdfs = Number(value());
    else if (arg === '--skip') options.skip = value().split(',') as Phase[];
    else if (arg === '--profile') options.profile = true;
    else if (arg === '--keep') options.keep = true;
    else throw new Error(`unknown option ${arg}`);
  }
  const unknown = options.skip.filter((p) => !PHASES.includes(p));
  if (unknown.length) throw new Error(`--skip: unknown phases ${unknown.join(', ')}`);
  if (![options.http, options.batch, options.pgbenchSeconds, options.pdfs].every((n) => Number.isInteger(n) && n > 0)) throw new Error('counts must be positive integers');
  return options;
}

const log = (message: string) => process.stderr.write(`[bench:billing] ${message}\n`);
const round = (n: number, digits = 1) => Math.round(n * 10 ** digits) / 10 ** digits;
const loadAverage1m = () => round(loadavg()[0]!, 2);

/** `work` under a CPU profile of the API written to bench/results/<name>.cpuprofile, when --profile. */
async function profiled<T>(api: ApiProcess, enabled: boolean, name: string, work: () => Promise<T>): Promise<T> {
  if (!enabled) return work();
  const file = join(RESULTS_DIR, `${name}.cpuprofile`);
  await api.profile.start();
  try {
    return await work();
  } finally {
    await api.profile.stop(file);
    log(`CPU profile: ${file} (summary: node bench/support/profile-summary.mjs ${file})`);
  }
}

/** Drafts created through the API, `concurrency` at a time: one customer, three lines at two VAT rates. */
async function createDrafts(baseUrl: string, headers: Record<string, string>, accountId: string, count: number, concurrency = 8): Promise<{ ids: string[]; perSecond: number }> {
  const ids: string[] = [];
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < count) {
        const n = next++;
        const draft = await http<{ id: string }>(
          baseUrl,
          'POST',
          '/api/v1/invoices',
          {
            accountId,
            lines: [
              { description: `Heures de ménage, semaine ${n % 52}`, quantity: '12', unitPrice: '32.5000', vatRate: '20.00' },
              { description: 'Produits d’entretien', quantity: '1', unitPrice: '18.9000', vatRate: '5.50' },
              { description: 'Déplacement', quantity: '2', unitPrice: '15.0000', vatRate: '20.00', discountPercent: '10' },
            ],
          },
          headers,
        );
        ids.push(draft.id);
      }
    }),
  );
  return { ids, perSecond: round(count / ((performance.now() - started) / 1000)) };
}

/** (a) One validation per request; each request takes the next unused draft. */
async function validateOverHttp(baseUrl: string, token: string, ids: string[], connections: number): Promise<Figures> {
  let next = 0;
  const result = await autocannon({
    url: baseUrl,
    connections,
    amount: ids.length,
    timeout: 20,
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    requests: [{ method: 'POST', setupRequest: (req) => ({ ...req, method: 'POST', path: `/api/v1/invoices/${ids[next++]}/validate` }) }],
  });
  return summarise('validate', connections, result);
}

/** (d) pgbench over the replay script, `clients` at a time, on the bench database. */
function pgbench(benchUrl: string, script: string, clients: number, seconds: number): { tps: number; latencyMs: number; transactions: number; failed: number } {
  const dir = mkdtempSync(join(tmpdir(), 'comptoir-pgbench-'));
  try {
    const file = join(dir, 'validate.sql');
    writeFileSync(file, script);
    const out = execFileSync('pgbench', ['-n', '-c', String(clients), '-j', String(Math.min(clients, 2)), '-T', String(seconds), '-f', file, benchUrl], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    const figure = (pattern: RegExp) => Number(pattern.exec(out)?.[1] ?? NaN);
    return {
      tps: round(figure(/tps = ([\d.]+)/)),
      latencyMs: round(figure(/latency average = ([\d.]+) ms/), 3),
      transactions: figure(/number of transactions actually processed: (\d+)/),
      failed: figure(/number of failed transactions: (\d+)/) || 0,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  const options = parseArgs(process.argv.slice(2));
  const runs = (phase: Phase) => !options.skip.includes(phase);
  const serverUrl = process.env['DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  const adminUrl = withDatabase(serverUrl, 'postgres');
  const benchUrl = withDatabase(serverUrl, BENCH_DB);
  const files = mkdtempSync(join(tmpdir(), 'comptoir-bench-files-'));
  let api: ApiProcess | null = null;
  const cleanup = async () => {
    await api?.stop().catch(() => undefined);
    api = null;
    rmSync(files, { recursive: true, force: true });
    if (!options.keep) await admin(adminUrl, (c) => c.query(`DROP DATABASE IF EXISTS ${BENCH_DB} WITH (FORCE)`)).catch((e: Error) => log(`could not drop ${BENCH_DB}: ${e.message}`));
  };
  process.once('SIGINT', () => void cleanup().finally(() => process.exit(130)));

  try {
    mkdirSync(RESULTS_DIR, { recursive: true });
    await admin(adminUrl, async (c) => {
      await c.query(`DROP DATABASE IF EXISTS ${BENCH_DB} WITH (FORCE)`);
      await c.query(`CREATE DATABASE ${BENCH_DB}`);
    });
    const secrets = { AUTH_SECRET: randomBytes(32).toString('hex'), LEDGER_SEAL_KEY: randomBytes(32).toString('hex'), SECRETS_KEY: randomBytes(32).toString('hex') };
    await migrate(loadConfig({ DATABASE_URL: benchUrl, ...secrets, LOG_LEVEL: 'silent', NODE_ENV: 'production' }));
    api = await startApi({ PATH: process.env['PATH'], HOME: process.env['HOME'], NODE_ENV: 'production', DATABASE_URL: benchUrl, ...secrets, FILE_STORE_DIR: files, LOG_LEVEL: 'silent', PUBLIC_URL: 'http://127.0.0.1' });
    log(`API on ${api.baseUrl}; database ${BENCH_DB}; no worker (events accumulate in the outbox, PDFs are not rendered)`);

    const signup = await http<{ accessToken: string; company: { id: string } }>(api.baseUrl, 'POST', '/api/v1/auth/signup', {
      email: `bench-${randomBytes(4).toString('hex')}@comptoir.test`,
      password: 'bench-password-not-secret',
      name: 'Bench Admin',
      organizationName: 'Bench Facturation',
      company: { legalName: 'Bench Facturation SAS', siren: randomSiren() },
    });
    const key = await http<{ token: string }>(api.baseUrl, 'POST', '/api/v1/api-keys', { name: 'bench', scopes: ['*'] }, { authorization: `Bearer ${signup.accessToken}` });
    const headers = { authorization: `Bearer ${key.token}` };
    const account = await http<{ id: string }>(api.baseUrl, 'POST', '/api/v1/accounts', { name: 'Client Bench', roles: ['customer'], siren: randomSiren() }, headers);

    const report: Record<string, unknown> = {
      benchmark: 'billing',
      at: new Date().toISOString(),
      machine: { cpus: cpus().length, cpuModel: cpus()[0]?.model ?? 'unknown', memoryGb: Math.round(totalmem() / 2 ** 30), node: process.version },
      setup: 'one API process (createApiApp, LOG_LEVEL=silent), PostgreSQL and the load generator on the same machine; one company, one invoice series',
    };

    if (runs('http')) {
      const results: (Figures & { draftsCreatedPerSecond: number; loadAverage1m: number })[] = [];
      const warm = await createDrafts(api.baseUrl, headers, account.id, 200);
      await validateOverHttp(api.baseUrl, key.token, warm.ids, 4);
      const batches: { connections: number; drafts: { ids: string[]; perSecond: number } }[] = [];
      for (const connections of options.connections) batches.push({ connections, drafts: await createDrafts(api.baseUrl, headers, account.id, options.http) });
      await profiled(api, options.profile, 'billing-validate', async () => {
        for (const { connections, drafts } of batches) {
          const load = loadAverage1m();
          const figures = await validateOverHttp(api!.baseUrl, key.token, drafts.ids, connections);
          results.push({ ...figures, draftsCreatedPerSecond: drafts.perSecond, loadAverage1m: load });
          log(`validate c=${connections}: ${figures.reqPerSec} /s, p50 ${figures.latencyMs.p50} ms, p99 ${figures.latencyMs.p99} ms, non-2xx ${figures.non2xx}, errors ${figures.errors} (drafts created at ${drafts.perSecond}/s; load ${load})`);
        }
      });
      report['http'] = results;
    }

    if (runs('batch')) {
      const template = await createDrafts(api.baseUrl, headers, account.id, 1, 1);
      const drafts = { ids: await admin(benchUrl, (db: Client) => copyDraft(db, template.ids[0]!, options.batch - 1)).then((ids) => [...template.ids, ...ids]) };
      const load = loadAverage1m();
      const started = performance.now();
      const batch = await profiled(api, options.profile, 'billing-batch', () =>
        http<{ count: number }>(api!.baseUrl, 'POST', '/api/v1/invoices/validate-batch', { ids: drafts.ids }, headers),
      );
      const seconds = (performance.now() - started) / 1000;
      report['batch'] = { drafts: options.batch, validated: batch.count, seconds: round(seconds, 2), invoicesPerSecond: round(options.batch / seconds), loadAverage1m: load };
      log(`batch: ${options.batch} drafts validated in ${round(seconds, 2)} s = ${round(options.batch / seconds)} invoices/s (load ${load})`);
    }

    if (runs('pgbench')) {
      // The replay copies a draft and seals a real snapshot: one of each, made through the API.
      const seeds = await createDrafts(api.baseUrl, headers, account.id, 2, 1);
      await http(api.baseUrl, 'POST', `/api/v1/invoices/${seeds.ids[0]}/validate`, undefined, headers);
      const drafts = Math.ceil((1500 * options.pgbenchSeconds * options.connections.length) / 1000) * 1000;
      const script = await admin(benchUrl, (db: Client) => validationReplayScript(db, signup.company.id, drafts));
      const results = options.connections.map((clients) => ({ clients, loadAverage1m: loadAverage1m(), ...pgbench(benchUrl, script.sql, clients, options.pgbenchSeconds) }));
      for (const r of results) log(`pgbench replay c=${r.clients}: ${r.tps} tx/s, latency ${r.latencyMs} ms, failed ${r.failed} (load ${r.loadAverage1m})`);
      report['pgbench'] = { statements: script.statements, results };
    }

    await api.stop();
    api = null;

    if (runs('pdf')) {
      const load = loadAverage1m();
      report['pdf'] = { ...(await benchPdf({ renders: options.pdfs, documents: options.pdfs * 2 })), loadAverage1m: load };
    }

    const figure = (path: string): number | undefined => path.split('.').reduce<unknown>((o, k) => (o as Record<string, unknown> | undefined)?.[k], report) as number | undefined;
    const httpAt = (c: number) => (report['http'] as (Figures & { connections: number })[] | undefined)?.find((f) => f.connections === c);
    const replayAt = (c: number) => (report['pgbench'] as { results: { clients: number; tps: number }[] } | undefined)?.results.find((r) => r.clients === c);
    const c8 = httpAt(8);
    report['targets'] = {
      'validate >= 400/s at c=8 with zero 5xx': c8 ? c8.reqPerSec >= 400 && !c8.statusCodes['500'] && c8.errors === 0 : null,
      'validate at c=8 >= 40 % of the SQL replay': c8 && replayAt(8) ? round((c8.reqPerSec / replayAt(8)!.tps) * 100) >= 40 : null,
      'batch >= 3000 invoices/s': figure('batch.invoicesPerSecond') === undefined ? null : figure('batch.invoicesPerSecond')! >= 3000,
    };

    saveReport('billing', report as { at: string }, log);
  } finally {
    await cleanup();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`[bench:billing] failed: ${(error as Error).stack ?? String(error)}\n`);
  process.exit(1);
});
