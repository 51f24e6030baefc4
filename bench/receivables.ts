// `npm run bench -- receivables [--invoices 1000000] [--customers N] [--only aged,dunning,sepa,fec]
//                                [--runs 5] [--explain] [--keep] [--database name] [--reuse]`
//
// Receivables at scale (issue 4, item 10), on a database of its own (--database, default
// `comptoir_bench_receivables`). `--reuse` skips the generation (several minutes at 1,000,000 invoices)
// when that database already holds data generated with the same --invoices and --customers (recorded in
// its table bench_receivables_run), pending migrations applied; otherwise it generates. A reused
// database is kept (as with --keep) so that several runs, or several people, can iterate on it.
// --invoices validated invoices (default 1,000,000) across --customers customers (default invoices / 50)
// generated in SQL (bench/support/receivables-data.ts), most of the history paid; then each section
// times the real services in this process, on the application role's connection (row-level security on):
//   aged     ReceivablesService.aged (what GET /api/v1/reports/aged-receivables answers) as of today (fast
//            path, target ≤ 500 ms) and as of a date one year back (dated allocations, target ≤ 3 s)
//   dunning  DunningPlanner.candidates as of today, once (the dunning computation, target ≤ 2 s)
//   sepa     writeSepaDirectDebit (banking) of up to 100,000 open invoices of customers with a mandate,
//            streamed from a cursor to a file (target ≤ 5 s, memory bounded), then checked against the
//            pain.008.001.02 XSD of the shared standards when present (timed apart)
//   fec      FecExportService.write (accounting) of the current fiscal year to a file (target ≤ 20 s for
//            1,000,000 lines, constant memory)
// Memory is the peak RSS growth of this process during the section (sampled every 20 ms).
// Prints JSON figures (each with the 1-minute load average: the machine is shared), saves them to
// bench/results/, drops the database unless --keep. `--explain` logs the query plans of both paths.
import { randomBytes } from 'node:crypto';
import { createWriteStream, mkdtempSync, rmSync, statSync } from 'node:fs';
import { once } from 'node:events';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { AccountingSettingsService, FecExportService } from '@comptoir/accounting';
import { SepaDebit, writeSepaDirectDebit } from '@comptoir/banking';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { AgedReceivables, BillingSettingsService, DunningPlanner, openInstallmentsCte, ReceivablesService } from '@comptoir/billing';
import { loadConfig } from '@comptoir/platform/config';
import { createDataSource, TenantDb } from '@comptoir/platform/database';
import { newId, TenantContext } from '@comptoir/platform/kernel';
import { standardsFile, validateAgainstXsd } from '@comptoir/platform/testing';
import { ENTITIES, migrate } from '@comptoir/runtime';
import { admin, saveReport, withDatabase } from './support/harness';
import { generateReceivablesData, ReceivablesDataSummary, TenantIds } from './support/receivables-data';

const DEFAULT_BENCH_DB = 'comptoir_bench_receivables';
const SECTIONS = ['aged', 'dunning', 'sepa', 'fec'] as const;
type Section = (typeof SECTIONS)[number];

interface Options {
  invoices: number;
  customers: number;
  only: Section[];
  runs: number;
  explain: boolean;
  keep: boolean;
  database: string;
  reuse: boolean;
}

function parseArgs(argv: string[]): Options {
  const options: Options = { invoices: 1_000_000, customers: 0, only: [...SECTIONS], runs: 5, explain: false, keep: false, database: DEFAULT_BENCH_DB, reuse: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const value = () => {
      const next = argv[++i];
      if (next === undefined) throw new Error(`${arg} needs a value`);
      return next;
    };
    if (arg === '--invoices') options.invoices = Number(value());
    else if (arg === '--customers') options.customers = Number(value());
    else if (arg === '--only') options.only = value().split(',') as Section[];
    else if (arg === '--runs') options.runs = Number(value());
    else if (arg === '--explain') options.explain = true;
    else if (arg === '--keep') options.keep = true;
    else if (arg === '--database') options.database = value();
    else if (arg === '--reuse') options.reuse = options.keep = true;
    else throw new Error(`unknown option ${arg}`);
  }
  options.customers ||= Math.max(1, Math.round(options.invoices / 50));
  const unknown = options.only.filter((s) => !SECTIONS.includes(s));
  if (unknown.length) throw new Error(`--only: unknown sections ${unknown.join(', ')}`);
  // Interpolated into DROP/CREATE DATABASE: a plain identifier only.
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(options.database)) throw new Error('--database: lowercase letters, digits and underscores');
  if (![options.invoices, options.customers, options.runs].every((n) => Number.isInteger(n) && n > 0)) throw new Error('counts must be positive integers');
  return options;
}

const log = (message: string) => process.stderr.write(`[bench:receivables] ${message}\n`);
const round = (n: number, digits = 1) => Math.round(n * 10 ** digits) / 10 ** digits;
const loadAverage1m = () => round(loadavg()[0]!, 2);

interface Timing {
  runs: number;
  ms: { min: number; median: number; max: number };
  loadAverage1m: number;
}

/** `work` once to warm up, then `runs` times; wall-clock milliseconds. */
async function timed<T>(runs: number, work: () => Promise<T>): Promise<{ timing: Timing; last: T }> {
  let last = await work();
  const samples: number[] = [];
  const load = loadAverage1m();
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    last = await work();
    samples.push(performance.now() - started);
  }
  samples.sort((a, b) => a - b);
  return { timing: { runs, ms: { min: round(samples[0]!), median: round(samples[Math.floor(samples.length / 2)]!), max: round(samples.at(-1)!) }, loadAverage1m: load }, last };
}

/** Wall-clock seconds and the peak RSS growth (MB) of this process while `work` runs. */
async function measured<T>(work: () => Promise<T>): Promise<{ result: T; seconds: number; peakRssGrowthMb: number; loadAverage1m: number }> {
  const base = process.memoryUsage().rss;
  let peak = base;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
  const load = loadAverage1m();
  const started = performance.now();
  try {
    const result = await work();
    return { result, seconds: round((performance.now() - started) / 1000, 2), peakRssGrowthMb: round((peak - base) / 2 ** 20), loadAverage1m: load };
  } finally {
    clearInterval(sampler);
  }
}

interface Context {
  /** The application's pool (role comptoir_app, RLS on) and the bench company's tenant context. */
  tenantDb: TenantDb;
  tenant: TenantContext;
  /** Owner connection: generation, plans, cross-checks, the SEPA selection. */
  db: Client;
  /** Scratch directory of the generated files. */
  files: string;
  companyId: string;
  today: string;
  options: Options;
  data: ReceivablesDataSummary;
}

async function explain(ctx: Context, asOf: string, today: boolean): Promise<void> {
  const cte = openInstallmentsCte(ctx.companyId, { asOf, today });
  await ctx.db.query(`SET jit = off`);
  const { rows } = await ctx.db.query(`EXPLAIN (ANALYZE, BUFFERS) ${cte.text} SELECT account_id, bucket, sum(open) FROM open_installment GROUP BY 1, 2`, cte.params);
  log(`plan (${today ? 'today, fast path' : `as of ${asOf}`}):\n${rows.map((r: Record<string, string>) => r['QUERY PLAN']).join('\n')}`);
}

async function agedSection(ctx: Context): Promise<Record<string, unknown>> {
  const pastDate = new Date(`${ctx.today}T00:00:00Z`);
  pastDate.setUTCFullYear(pastDate.getUTCFullYear() - 1);
  const past = pastDate.toISOString().slice(0, 10);
  if (ctx.options.explain) {
    await explain(ctx, ctx.today, true);
    await explain(ctx, past, false);
  }
  const service = new ReceivablesService(ctx.tenantDb);
  // The JSON the controller would send is part of the cost: serialised on every run.
  const get = (asOf?: string) => async () => {
    const body: AgedReceivables = await service.aged(ctx.tenant, { asOf });
    return { body, bytes: JSON.stringify(body).length };
  };
  const today = await timed(ctx.options.runs, get());
  log(`aged as of today: median ${today.timing.ms.median} ms (min ${today.timing.ms.min}, max ${today.timing.ms.max}), ${today.last.body.customers.length} customers, total ${today.last.body.total}`);
  const pastRun = await timed(ctx.options.runs, get(past));
  log(`aged as of ${past}: median ${pastRun.timing.ms.median} ms (min ${pastRun.timing.ms.min}, max ${pastRun.timing.ms.max}), ${pastRun.last.body.customers.length} customers, total ${pastRun.last.body.total}`);
  // Cross-check of the fast path against the live balances the payments keep.
  const { rows } = await ctx.db.query(`SELECT sum(balance_due)::numeric(19,2)::text AS open FROM sales_documents WHERE company_id = $1 AND type = 'invoice' AND balance_due <> 0`, [ctx.companyId]);
  const open = (rows[0] as { open: string }).open;
  return {
    today: { ...today.timing, customers: today.last.body.customers.length, total: today.last.body.total, responseBytes: today.last.bytes, liveBalanceTotal: open, totalsAgree: open === today.last.body.total },
    pastDate: { asOf: past, ...pastRun.timing, customers: pastRun.last.body.customers.length, total: pastRun.last.body.total, responseBytes: pastRun.last.bytes },
  };
}

async function dunningSection(ctx: Context): Promise<Record<string, unknown>> {
  // Measured once (it is the slowest section at full size), after the aged section warmed the caches.
  const planner = new DunningPlanner();
  const run = await measured(() => ctx.tenantDb.transaction(ctx.tenant, (tx) => planner.candidates(tx, ctx.today)));
  log(`dunning candidates as of today: ${run.seconds} s, ${run.result.length} invoices to dun`);
  return { seconds: run.seconds, candidates: run.result.length, loadAverage1m: run.loadAverage1m };
}

const SEPA_DEBITS = 100_000;
const SEPA_SELECTION = `
  SELECT d.id, d.number, d.balance_due::text AS amount, m.reference, m.signed_on::text AS "signedOn", m.scheme, a.name, b.iban, b.bic
    FROM sales_documents d
    JOIN mandates m ON m.company_id = d.company_id AND m.account_id = d.account_id AND m.status = 'active'
    JOIN bank_accounts b ON b.company_id = m.company_id AND b.id = m.bank_account_id
    JOIN accounts a ON a.company_id = d.company_id AND a.id = d.account_id
   WHERE d.company_id = $1 AND d.type = 'invoice' AND d.kind = 'invoice' AND d.settled_on IS NULL AND d.balance_due > 0
   ORDER BY m.scheme, d.id LIMIT ${SEPA_DEBITS}`;

type SepaRow = { id: string; number: string; amount: string; reference: string; signedOn: string; scheme: 'CORE' | 'B2B'; name: string; iban: string; bic: string | null };

/** The selected debits read from a server-side cursor, 5,000 at a time (never all in memory). */
async function* sepaDebits(db: Client, companyId: string): AsyncIterable<SepaDebit> {
  await db.query(`DECLARE bench_sepa NO SCROLL CURSOR FOR ${SEPA_SELECTION}`, [companyId]);
  for (;;) {
    const { rows } = await db.query(`FETCH 5000 FROM bench_sepa`);
    if (!rows.length) break;
    for (const r of rows as SepaRow[]) {
      yield { endToEndId: r.number, amount: r.amount, scheme: r.scheme, sequenceType: 'RCUR', mandateReference: r.reference, mandateSignedOn: r.signedOn, amendment: null, debtorName: r.name, debtorIban: r.iban, debtorBic: r.bic, remittance: `Facture ${r.number}` };
    }
  }
}

async function sepaSection(ctx: Context): Promise<Record<string, unknown>> {
  const { rows } = await ctx.db.query(`SELECT count(*)::int AS count, coalesce(sum(amount::numeric), 0)::numeric(19,2)::text AS total FROM (${SEPA_SELECTION}) s`, [ctx.companyId]);
  const { count, total } = rows[0] as { count: number; total: string };
  if (count < SEPA_DEBITS) log(`sepa: only ${count} open invoices with a mandate (fewer than ${SEPA_DEBITS}: use more --invoices)`);
  const collectionDate = new Date(Date.now() + 20 * 86_400_000).toISOString().slice(0, 10);
  const file = join(ctx.files, 'sepa.xml');
  const message = {
    format: 'pain.008.001.02' as const,
    messageId: `BENCH-${Date.now()}`,
    createdAt: new Date(),
    collectionDate,
    creditor: { name: 'Bench Encaissements SAS', iban: 'FR7630006000011234567890189', bic: 'BNPAFRPPXXX', creditorId: 'FR72ZZZ123456', address: null },
    count,
    total,
  };
  await ctx.db.query('BEGIN');
  const run = await measured(async () => {
    const out = createWriteStream(file);
    await writeSepaDirectDebit(out, message, sepaDebits(ctx.db, ctx.companyId));
    out.end();
    await once(out, 'finish');
  });
  await ctx.db.query('COMMIT');
  const bytes = statSync(file).size;
  log(`sepa: ${count} debits written in ${run.seconds} s (${round(bytes / 2 ** 20)} MB, peak RSS +${run.peakRssGrowthMb} MB)`);
  const xsd = standardsFile('sepa', 'xsd', 'pain.008.001.02.xsd');
  let xsdCheck: Record<string, unknown> = { skipped: 'shared standards not found' };
  if (xsd) {
    const started = performance.now();
    const result = await validateAgainstXsd({ file }, xsd);
    xsdCheck = { valid: result.valid, errors: result.errors.slice(0, 5), seconds: round((performance.now() - started) / 1000, 1) };
    log(`sepa: XSD ${result.valid ? 'valid' : `INVALID: ${result.errors.slice(0, 3).join(' | ')}`}`);
  }
  return { debits: count, total, seconds: run.seconds, fileMb: round(bytes / 2 ** 20), peakRssGrowthMb: run.peakRssGrowthMb, loadAverage1m: run.loadAverage1m, xsd: xsdCheck };
}

async function fecSection(ctx: Context): Promise<Record<string, unknown>> {
  const billingSettings = new BillingSettingsService(ctx.tenantDb);
  const fec = new FecExportService(ctx.tenantDb, new AccountingSettingsService(ctx.tenantDb, billingSettings));
  const fiscalYear = Number(ctx.today.slice(0, 4));
  const file = join(ctx.files, 'fec.txt');
  const run = await measured(async () => {
    const out = createWriteStream(file);
    const summary = await fec.write(ctx.tenant, fiscalYear, out);
    out.end();
    await once(out, 'finish');
    return summary;
  });
  const bytes = statSync(file).size;
  log(`fec ${fiscalYear}: ${run.result.lines} lines in ${run.seconds} s (${round(bytes / 2 ** 20)} MB, peak RSS +${run.peakRssGrowthMb} MB)`);
  return { fiscalYear, ...run.result, seconds: run.seconds, fileMb: round(bytes / 2 ** 20), peakRssGrowthMb: run.peakRssGrowthMb, loadAverage1m: run.loadAverage1m };
}

/** Owner-only table of the bench database recording what was generated (never read by the application). */
const RUN_TABLE = 'bench_receivables_run';

const companyToday = async (db: Client, companyId: string): Promise<string> =>
  ((await db.query(`SELECT (now() AT TIME ZONE time_zone)::date::text AS today FROM companies WHERE id = $1`, [companyId])).rows[0] as { today: string }).today;

/** What an earlier generation left in the bench database, when it matches the requested size; null otherwise. */
async function previousRun(adminUrl: string, benchUrl: string, options: Options): Promise<{ ids: TenantIds; data: ReceivablesDataSummary } | null> {
  const exists = await admin(adminUrl, (c) => c.query(`SELECT 1 FROM pg_database WHERE datname = $1`, [options.database]));
  if (!exists.rowCount) return null;
  const client = new Client({ connectionString: benchUrl });
  await client.connect();
  try {
    const { rows } = await client.query(`SELECT ids, data FROM ${RUN_TABLE}`).catch(() => ({ rows: [] as unknown[] }));
    const run = rows[0] as { ids: TenantIds; data: ReceivablesDataSummary } | undefined;
    if (run && run.data.invoices === options.invoices && run.data.customers === options.customers) return run;
    log(`${options.database} does not hold ${options.invoices} invoices across ${options.customers} customers: generating`);
    return null;
  } finally {
    await client.end();
  }
}

const SECTION_RUNNERS: Record<Section, (ctx: Context) => Promise<Record<string, unknown>>> = {
  aged: agedSection,
  dunning: dunningSection,
  sepa: sepaSection,
  fec: fecSection,
};

async function main(): Promise<void> {
  const options = parseArgs(process.argv.slice(2));
  const serverUrl = process.env['DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  const adminUrl = withDatabase(serverUrl, 'postgres');
  const BENCH_DB = options.database;
  const benchUrl = withDatabase(serverUrl, BENCH_DB);
  const db = new Client({ connectionString: benchUrl });
  const files = mkdtempSync(join(tmpdir(), 'comptoir-bench-receivables-'));
  let dataSource: DataSource | null = null;
  const cleanup = async () => {
    rmSync(files, { recursive: true, force: true });
    await dataSource?.destroy().catch(() => undefined);
    await db.end().catch(() => undefined);
    if (!options.keep) await admin(adminUrl, (c) => c.query(`DROP DATABASE IF EXISTS ${BENCH_DB} WITH (FORCE)`)).catch((e: Error) => log(`could not drop ${BENCH_DB}: ${e.message}`));
  };
  process.once('SIGINT', () => void cleanup().finally(() => process.exit(130)));

  try {
    const previous = options.reuse ? await previousRun(adminUrl, benchUrl, options) : null;
    if (!previous) {
      await admin(adminUrl, async (c) => {
        await c.query(`DROP DATABASE IF EXISTS ${BENCH_DB} WITH (FORCE)`);
        await c.query(`CREATE DATABASE ${BENCH_DB}`);
      });
    }
    const config = loadConfig({ DATABASE_URL: benchUrl, AUTH_SECRET: randomBytes(32).toString('hex'), LEDGER_SEAL_KEY: randomBytes(32).toString('hex'), LOG_LEVEL: 'silent', NODE_ENV: 'production' });
    await migrate(config);
    await db.connect();
    let ids: TenantIds;
    let data: ReceivablesDataSummary;
    if (previous) {
      ({ ids, data } = previous);
      log(`reusing ${BENCH_DB}: ${data.invoices} invoices across ${data.customers} customers, generated before`);
    } else {
      ids = { organizationId: newId(), companyId: newId(), establishmentId: newId() };
      await db.query(`INSERT INTO organizations (id, name) VALUES ($1, 'Bench Encaissements')`, [ids.organizationId]);
      await db.query(`INSERT INTO companies (id, organization_id, legal_name, siren) VALUES ($1, $2, 'Bench Encaissements SAS', '732829320')`, [ids.companyId, ids.organizationId]);
      await db.query(`INSERT INTO establishments (id, organization_id, company_id, name, siret, is_default) VALUES ($1, $2, $3, 'Siège', '73282932000074', true)`, [ids.establishmentId, ids.organizationId, ids.companyId]);
      const generationDay = await companyToday(db, ids.companyId);
      log(`generating ${options.invoices} invoices across ${options.customers} customers in ${BENCH_DB}`);
      data = await generateReceivablesData(db, ids, { invoices: options.invoices, customers: options.customers, today: generationDay }, log);
      log(`generated in ${data.seconds} s: ${data.openInvoices} open invoices (${data.openInvoicesWithMandate} with a mandate), ${data.payments} payments`);
      // Recorded last: a generation interrupted midway leaves no record, so --reuse regenerates.
      await db.query(`CREATE TABLE ${RUN_TABLE} (ids jsonb NOT NULL, data jsonb NOT NULL)`);
      await db.query(`INSERT INTO ${RUN_TABLE} (ids, data) VALUES ($1, $2)`, [JSON.stringify(ids), JSON.stringify(data)]);
    }
    const today = await companyToday(db, ids.companyId);
    dataSource = await createDataSource({ url: config.appDatabaseUrl, entities: ENTITIES, poolSize: 2 }).initialize();
    const tenant: TenantContext = { organizationId: ids.organizationId, companyId: ids.companyId, actor: { type: 'system', id: '', name: 'bench' }, role: 'admin', scopes: ['*'] };
    const ctx: Context = { tenantDb: new TenantDb(dataSource), tenant, db, files, companyId: ids.companyId, today, options, data };
    const report: Record<string, unknown> = {
      benchmark: 'receivables',
      at: new Date().toISOString(),
      machine: { cpus: cpus().length, cpuModel: cpus()[0]?.model ?? 'unknown', memoryGb: Math.round(totalmem() / 2 ** 30), node: process.version },
      setup: 'the services in this process on a pool of the application role, PostgreSQL on the same machine; one company; wall-clock milliseconds, median of --runs after one warm-up',
      data,
    };
    for (const section of options.only) {
      report[section] = await SECTION_RUNNERS[section](ctx);
    }
    const aged = report['aged'] as { today?: Timing; pastDate?: Timing } | undefined;
    const dunning = report['dunning'] as { seconds: number } | undefined;
    const sepa = report['sepa'] as { seconds: number; debits: number; xsd: { valid?: boolean } } | undefined;
    const fecRun = report['fec'] as { seconds: number; lines: number } | undefined;
    report['targets'] = {
      'aged as of today <= 500 ms': aged?.today ? aged.today.ms.median <= 500 : null,
      'aged as of a past date <= 3 s': aged?.pastDate ? aged.pastDate.ms.median <= 3000 : null,
      'dunning computation <= 2 s': dunning ? dunning.seconds <= 2 : null,
      'SEPA file of 100,000 debits <= 5 s, XSD-valid': sepa ? sepa.debits >= SEPA_DEBITS && sepa.seconds <= 5 && sepa.xsd.valid !== false : null,
      'FEC of 1,000,000 lines <= 20 s': fecRun ? fecRun.lines >= 1_000_000 && fecRun.seconds <= 20 : null,
    };
    saveReport('receivables', report as { at: string }, log);
  } finally {
    await cleanup();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`[bench:receivables] failed: ${(error as Error).stack ?? String(error)}\n`);
  process.exit(1);
});
