// `npm run bench -- crm [--accounts 100000] [--duration 10] [--connections 1,8]
//                        [--scenarios create,get,search] [--api-workers 1] [--profile] [--keep]`
//
// CRM accounts under load, on a database of its own: creates `comptoir_bench` (on DATABASE_URL's
// server, else the local PostgreSQL on 127.0.0.1:5432 as postgres), migrates it, starts the API in a
// child process on a free port of 127.0.0.1, signs up an organisation, creates a `*` API key, seeds
// N accounts in bulk SQL, ANALYZEs, then drives three scenarios with autocannon at each concurrency:
//   create  POST /api/v1/accounts            (unique names)
//   get     GET  /api/v1/accounts/{id}       (random existing ids)
//   search  GET  /api/v1/accounts?q=…&limit=50 (varied terms: names, trades, cities, prefixes)
// Prints JSON (req/s, p50/p99 latency in ms, errors and non-2xx per scenario and concurrency), saves
// it to bench/results/, stops the API and drops the database (unless --keep).
// `--api-workers N` runs the production entry point with API_WORKERS=N (node:cluster) instead of one process.
// `--profile` records a V8 CPU profile of the API during the measured runs (bench/results/crm-api.cpuprofile;
// summarise it with `node bench/support/profile-summary.mjs bench/results/crm-api.cpuprofile`, or open it in
// Chrome DevTools or speedscope).
import { randomBytes } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { join } from 'node:path';
import autocannon, { Result } from 'autocannon';
import { Client } from 'pg';
import { loadConfig } from '@comptoir/platform/config';
import { migrate } from '@comptoir/runtime';
import { breakdown, CpuBreakdown, cpuAccountingAvailable, parentPid, snapshot } from './support/cpu-usage';
import { admin, ApiProcess, Figures, http, randomSiren, saveReport, startApi, startApiCluster, summarise, withDatabase } from './support/harness';

const RESULTS_DIR = join(__dirname, 'results');
const BENCH_DB = 'comptoir_bench';

interface Options {
  accounts: number;
  duration: number;
  connections: number[];
  scenarios: string[];
  profile: boolean;
  keep: boolean;
  apiWorkers: number;
}

function parseArgs(argv: string[]): Options {
  const options: Options = { accounts: 100_000, duration: 10, connections: [1, 8], scenarios: ['create', 'get', 'search'], profile: false, keep: false, apiWorkers: 1 };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const value = () => {
      const next = argv[++i];
      if (next === undefined) throw new Error(`${arg} needs a value`);
      return next;
    };
    if (arg === '--accounts') options.accounts = Number(value());
    else if (arg === '--duration') options.duration = Number(value());
    else if (arg === '--connections') options.connections = value().split(',').map(Number);
    else if (arg === '--scenarios') options.scenarios = value().split(',');
    else if (arg === '--profile') options.profile = true;
    else if (arg === '--api-workers') options.apiWorkers = Number(value());
    else if (arg === '--keep') options.keep = true;
    else throw new Error(`unknown option ${arg}`);
  }
  if (!(options.accounts > 0) || !(options.duration > 0) || options.connections.some((c) => !(c > 0))) throw new Error('--accounts, --duration and --connections must be positive');
  if (!Number.isInteger(options.apiWorkers) || options.apiWorkers < 1) throw new Error('--api-workers must be a positive integer');
  if (options.profile && options.apiWorkers > 1) throw new Error('--profile needs a single API process (--api-workers 1)');
  return options;
}

const log = (message: string) => process.stderr.write(`[bench:crm] ${message}\n`);

// ---------------------------------------------------------------------------------------------
// Realistic French-ish data
// ---------------------------------------------------------------------------------------------
const TRADES = [
  'Boulangerie', 'Garage', 'Cabinet', 'Pharmacie', 'Atelier', 'Fromagerie', 'Librairie', 'Menuiserie', 'Agence', 'Restaurant',
  'Plomberie', 'Électricité', 'Boucherie', 'Charcuterie', 'Pâtisserie', 'Fleuriste', 'Coiffure', 'Transports', 'Imprimerie', 'Brasserie',
  'Cave', 'Quincaillerie', 'Cordonnerie', 'Opticien', 'Maçonnerie', 'Couverture', 'Serrurerie', 'Domaine', 'Hôtel', 'Épicerie',
];
const SURNAMES = [
  'Martin', 'Bernard', 'Dubois', 'Thomas', 'Robert', 'Richard', 'Petit', 'Durand', 'Leroy', 'Moreau', 'Simon', 'Laurent', 'Lefèvre',
  'Michel', 'Garcia', 'David', 'Bertrand', 'Roux', 'Vincent', 'Fournier', 'Morel', 'Girard', 'André', 'Lefebvre', 'Mercier', 'Dupont',
  'Lambert', 'Bonnet', 'François', 'Martinez', 'Legrand', 'Garnier', 'Faure', 'Rousseau', 'Blanc', 'Guérin', 'Muller', 'Henry', 'Roussel',
  'Nicolas', 'Perrin', 'Morin', 'Mathieu', 'Clément', 'Gauthier', 'Dumont', 'Lopez', 'Fontaine', 'Chevalier', 'Robin', 'Masson',
  'Sanchez', 'Gérard', 'Nguyen', 'Boyer', 'Denis', 'Lemaire', 'Duval', 'Joly', 'Gautier', 'Roger', 'Roche', 'Roy', 'Noël', 'Meyer',
  'Lucas', 'Meunier', 'Jean', 'Pérez', 'Marchand', 'Dufour', 'Blanchard', 'Marie', 'Barbier', 'Brun', 'Dumas', 'Brunet', 'Schmitt',
  'Leroux', 'Colin',
];
const FIRST_NAMES = [
  'Camille', 'Léa', 'Hugo', 'Louis', 'Chloé', 'Lucas', 'Manon', 'Jules', 'Inès', 'Gabriel', 'Zoé', 'Arthur', 'Hélène', 'Éric',
  'Françoise', 'Jérôme', 'Amélie', 'Noémie', 'Raphaël', 'Océane', 'Benoît', 'Cécile', 'Grégoire', 'Maëlle', 'Loïc', 'Anaïs',
];
const CITIES: [string, string][] = [
  ['Paris', '75011'], ['Lyon', '69003'], ['Marseille', '13006'], ['Toulouse', '31000'], ['Nice', '06000'], ['Nantes', '44000'],
  ['Montpellier', '34000'], ['Strasbourg', '67000'], ['Bordeaux', '33000'], ['Lille', '59000'], ['Rennes', '35000'], ['Reims', '51100'],
  ['Toulon', '83000'], ['Saint-Étienne', '42000'], ['Le Havre', '76600'], ['Grenoble', '38000'], ['Dijon', '21000'], ['Angers', '49000'],
  ['Nîmes', '30000'], ['Clermont-Ferrand', '63000'], ['Aix-en-Provence', '13100'], ['Brest', '29200'], ['Tours', '37000'], ['Amiens', '80000'],
  ['Limoges', '87000'], ['Annecy', '74000'], ['Perpignan', '66000'], ['Metz', '57000'], ['Besançon', '25000'], ['Orléans', '45000'],
  ['Rouen', '76000'], ['Mulhouse', '68100'], ['Caen', '14000'], ['Nancy', '54000'], ['Avignon', '84000'], ['La Rochelle', '17000'],
  ['Poitiers', '86000'], ['Pau', '64000'], ['Bayonne', '64100'], ['Colmar', '68000'],
];
const STREETS = [
  'rue de la République', 'avenue Jean Jaurès', 'rue Victor Hugo', 'boulevard Gambetta', 'rue du Commerce', 'place de la Mairie',
  'rue Pasteur', 'avenue de la Gare', 'rue des Écoles', 'chemin des Vignes', 'rue Nationale', 'quai Saint-Antoine', 'rue de Verdun',
  'allée des Tilleuls', 'rue du Moulin', 'impasse des Artisans',
];
const SUFFIXES = ['', '', '', ' & Fils', ' SARL', ' SAS', ' et Associés', ' Frères'];

/** Search terms people type: surnames, trades, cities (with and without accents), prefixes, SIREN digits. */
const SEARCH_TERMS = [
  'martin', 'dubois', 'lefevre', 'lefèvre', 'garcia', 'fontaine', 'nguyen', 'chevalier', 'rousseau', 'guerin', 'noel', 'perez',
  'boulangerie', 'garage', 'pharmacie', 'fromagerie', 'electricite', 'pâtisserie', 'hotel', 'epicerie', 'plomberie', 'fleuriste',
  'lyon', 'nantes', 'saint-etienne', 'nimes', 'la rochelle', 'clermont', 'aix-en', 'besancon', 'brest', 'metz',
  'boul', 'gar', 'fro', 'mart', 'dup', 'ber', 'leg', 'cha',
  'boulangerie martin', 'garage dupont', 'cabinet roux', 'atelier girard lyon',
  'bench-0042', 'bench-01234', '@cave-', '.fr', '732', '4815', 'zzz-nothing', 'sarl',
];

// ---------------------------------------------------------------------------------------------
// Seeding
// ---------------------------------------------------------------------------------------------

/**
 * N accounts in one INSERT … SELECT over generate_series, as the database owner (faster than any API
 * and beside row-level security). Ids are UUIDv7 of the row's creation time, creation times spread
 * over two years in id order, SIRENs and VAT numbers valid, names/emails/cities French-looking.
 */
async function seedAccounts(db: Client, organizationId: string, companyId: string, count: number): Promise<void> {
  await db.query(`SELECT setseed(0.4242)`);
  await db.query(`CREATE FUNCTION pg_temp.bench_uuid7(ts timestamptz) RETURNS uuid LANGUAGE sql VOLATILE AS $$
    SELECT (lpad(to_hex(floor(extract(epoch FROM ts) * 1000)::bigint), 12, '0')
      || '7' || substr(md5(random()::text), 1, 3)
      || substr('89ab', 1 + floor(random() * 4)::int, 1)
      || substr(md5(random()::text), 1, 15))::uuid $$`);
  await db.query(`CREATE FUNCTION pg_temp.bench_siren(stem text) RETURNS text LANGUAGE sql IMMUTABLE AS $$
    SELECT stem || k FROM generate_series(0, 9) AS k
    WHERE (SELECT sum(CASE WHEN pos % 2 = 0 THEN (d * 2) % 10 + (d * 2) / 10 ELSE d END)
           FROM (SELECT pos, substr(stem || k, pos, 1)::int AS d FROM generate_series(1, 9) AS pos) digits) % 10 = 0
    LIMIT 1 $$`);
  const pick = (array: string) => `(${array})[1 + floor(random() * array_length(${array}, 1))::int]`;
  await db.query(
    `WITH base AS (
       SELECT i,
              ${pick('$4::text[]')} AS trade,
              ${pick('$5::text[]')} AS surname,
              ${pick('$6::text[]')} AS first_name,
              floor(random() * array_length($7::text[], 1))::int + 1 AS city_index,
              ${pick('$8::text[]')} AS street,
              ${pick('$9::text[]')} AS suffix,
              random() AS r1, random() AS r2, random() AS r3, random() AS r4,
              pg_temp.bench_siren(lpad(floor(random() * 100000000)::bigint::text, 8, '0')) AS siren,
              now() - interval '730 days' + (i * interval '730 days' / $3) AS ts
       FROM generate_series(1, $3) AS i
     ), named AS (
       SELECT b.*, ($7::text[])[city_index] AS city, ($10::text[])[city_index] AS postal_code,
              b.trade || ' ' || b.surname || CASE WHEN b.r1 < 0.35 THEN ' ' || ($7::text[])[city_index] WHEN b.r1 < 0.5 THEN ' ' || b.first_name ELSE '' END || b.suffix AS name
       FROM base b
     )
     INSERT INTO accounts (id, organization_id, company_id, name, kind, roles, siren, vat_number, email, phone, billing_address,
                           delivery_addresses, tags, custom_fields, external_ref, preferred_payment_method, created_at, updated_at)
     SELECT pg_temp.bench_uuid7(ts), $1, $2, left(name, 200), 'company',
            CASE WHEN r2 < 0.15 THEN ARRAY['prospect'] WHEN r2 < 0.23 THEN ARRAY['supplier'] WHEN r2 < 0.28 THEN ARRAY['customer', 'supplier'] ELSE ARRAY['customer'] END,
            CASE WHEN r3 < 0.9 THEN siren END,
            CASE WHEN r3 < 0.6 THEN 'FR' || lpad(((12 + 3 * (siren::bigint % 97)) % 97)::text, 2, '0') || siren END,
            CASE WHEN r4 < 0.6 THEN 'contact@' || regexp_replace(comptoir_fold(trade || ' ' || surname), '[^a-z0-9]+', '-', 'g') || '.fr'
                 WHEN r4 < 0.9 THEN regexp_replace(comptoir_fold(first_name), '[^a-z0-9]+', '', 'g') || '.' || regexp_replace(comptoir_fold(surname), '[^a-z0-9]+', '', 'g') || '@' || regexp_replace(comptoir_fold(trade || '-' || city), '[^a-z0-9]+', '-', 'g') || '.fr' END,
            '+33 ' || (1 + floor(r1 * 5))::int || ' ' || lpad((i % 100)::text, 2, '0') || ' ' || lpad(((i / 100) % 100)::text, 2, '0') || ' ' || lpad(floor(r2 * 100)::int::text, 2, '0') || ' ' || lpad(floor(r3 * 100)::int::text, 2, '0'),
            jsonb_build_object('line1', (1 + floor(r4 * 120))::int || ' ' || street, 'postalCode', postal_code, 'city', city, 'country', 'FR'),
            '[]'::jsonb,
            CASE WHEN r2 > 0.95 THEN ARRAY['vip'] WHEN r2 > 0.85 THEN ARRAY['fidèle'] ELSE '{}'::text[] END,
            '{}'::jsonb,
            'BENCH-' || lpad(i::text, 6, '0'),
            CASE WHEN r1 < 0.3 THEN 'direct_debit' WHEN r1 < 0.8 THEN 'transfer' ELSE 'cheque' END,
            ts, ts
     FROM named`,
    [organizationId, companyId, count, TRADES, SURNAMES, FIRST_NAMES, CITIES.map((c) => c[0]), STREETS, SUFFIXES, CITIES.map((c) => c[1])],
  );
}

// ---------------------------------------------------------------------------------------------
// Scenarios
// ---------------------------------------------------------------------------------------------

type Scenario = (baseUrl: string, connections: number, duration: number) => Promise<Result>;

function scenarios(token: string, ids: string[]): Record<string, Scenario> {
  const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
  const run = (baseUrl: string, connections: number, duration: number, setupRequest: (req: { method?: string; path?: string; body?: string }) => { method?: string; path?: string; body?: string }) =>
    autocannon({ url: baseUrl, connections, duration, timeout: 10, headers, requests: [{ setupRequest: (req) => setupRequest({ ...req }) }] });
  let created = 0;
  const runId = randomBytes(3).toString('hex');
  return {
    create: (baseUrl, connections, duration) =>
      run(baseUrl, connections, duration, (req) => {
        const n = ++created;
        const [city, postalCode] = CITIES[n % CITIES.length]!;
        const name = `${TRADES[n % TRADES.length]} ${SURNAMES[(n * 7) % SURNAMES.length]} ${runId}-${n}`;
        const slug = `${runId}-${n}`;
        return {
          ...req,
          method: 'POST',
          path: '/api/v1/accounts',
          body: JSON.stringify({
            name,
            roles: n % 5 === 0 ? ['prospect'] : ['customer'],
            siren: randomSiren(),
            email: `contact@bench-${slug}.fr`,
            phone: '+33 1 23 45 67 89',
            billingAddress: { line1: `${1 + (n % 90)} ${STREETS[n % STREETS.length]}`, postalCode, city, country: 'FR' },
            tags: n % 10 === 0 ? ['vip'] : [],
            externalRef: `BENCH-NEW-${slug}`,
          }),
        };
      }),
    get: (baseUrl, connections, duration) =>
      run(baseUrl, connections, duration, (req) => ({ ...req, method: 'GET', path: `/api/v1/accounts/${ids[Math.floor(Math.random() * ids.length)]}` })),
    search: (baseUrl, connections, duration) => {
      let n = 0;
      return run(baseUrl, connections, duration, (req) => ({
        ...req,
        method: 'GET',
        path: `/api/v1/accounts?q=${encodeURIComponent(SEARCH_TERMS[n++ % SEARCH_TERMS.length]!)}&limit=50`,
      }));
    },
  };
}

// ---------------------------------------------------------------------------------------------

async function main(): Promise<void> {
  const options = parseArgs(process.argv.slice(2));
  const serverUrl = process.env['DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  const adminUrl = withDatabase(serverUrl, 'postgres');
  const benchUrl = withDatabase(serverUrl, BENCH_DB);
  const host = new URL(serverUrl).host;
  let api: ApiProcess | null = null;
  const cleanup = async () => {
    await api?.stop().catch(() => undefined);
    api = null;
    if (!options.keep) {
      await admin(adminUrl, (c) => c.query(`DROP DATABASE IF EXISTS ${BENCH_DB} WITH (FORCE)`)).catch((e: Error) => log(`could not drop ${BENCH_DB}: ${e.message}`));
    }
  };
  const interrupted = () => {
    log('interrupted: cleaning up');
    void cleanup().finally(() => process.exit(130));
  };
  process.once('SIGINT', interrupted);
  process.once('SIGTERM', interrupted);

  try {
    mkdirSync(RESULTS_DIR, { recursive: true });
    log(`fresh database ${BENCH_DB} on ${host}`);
    await admin(adminUrl, async (c) => {
      await c.query(`DROP DATABASE IF EXISTS ${BENCH_DB} WITH (FORCE)`);
      await c.query(`CREATE DATABASE ${BENCH_DB}`);
    });
    const authSecret = randomBytes(32).toString('hex');
    const config = loadConfig({ DATABASE_URL: benchUrl, AUTH_SECRET: authSecret, LOG_LEVEL: 'silent', NODE_ENV: 'production' });
    const applied = await migrate(config);
    log(`migrated (${applied.length} migrations)`);

    const env: NodeJS.ProcessEnv = {
      PATH: process.env['PATH'],
      HOME: process.env['HOME'],
      NODE_ENV: 'production',
      DATABASE_URL: benchUrl,
      AUTH_SECRET: authSecret,
      LEDGER_SEAL_KEY: randomBytes(32).toString('hex'),
      SECRETS_KEY: randomBytes(32).toString('hex'),
      LOG_LEVEL: 'silent',
      PUBLIC_URL: 'http://127.0.0.1',
      ...(process.env['DATABASE_APP_PASSWORD'] ? { DATABASE_APP_PASSWORD: process.env['DATABASE_APP_PASSWORD'] } : {}),
    };
    api = options.apiWorkers > 1 ? await startApiCluster(env, options.apiWorkers) : await startApi(env);
    log(`API listening on ${api.baseUrl}${options.apiWorkers > 1 ? ` (${options.apiWorkers} processes, node:cluster)` : ''}${options.profile ? ' (CPU profile on)' : ''}`);

    const signup = await http<{ accessToken: string; organization: { id: string }; company: { id: string } }>(api.baseUrl, 'POST', '/api/v1/auth/signup', {
      email: `bench-${randomBytes(4).toString('hex')}@comptoir.test`,
      password: 'bench-password-not-secret',
      name: 'Bench Admin',
      organizationName: 'Bench SAS',
      company: { legalName: 'Bench SAS', siren: randomSiren() },
    });
    const key = await http<{ token: string }>(api.baseUrl, 'POST', '/api/v1/api-keys', { name: 'bench', scopes: ['*'] }, { authorization: `Bearer ${signup.accessToken}` });

    const ids = await admin(benchUrl, async (db) => {
      const started = Date.now();
      await seedAccounts(db, signup.organization.id, signup.company.id, options.accounts);
      log(`seeded ${options.accounts} accounts in ${((Date.now() - started) / 1000).toFixed(1)} s`);
      await db.query('ANALYZE');
      const rows = await db.query<{ id: string }>(`SELECT id FROM accounts TABLESAMPLE SYSTEM (20) WHERE company_id = $1 LIMIT 20000`, [signup.company.id]);
      return rows.rows.map((r) => r.id);
    });
    if (!ids.length) throw new Error('no seeded account ids');

    const all = scenarios(key.token, ids);
    const unknown = options.scenarios.filter((s) => !all[s]);
    if (unknown.length) throw new Error(`unknown scenarios: ${unknown.join(', ')}`);

    // Warm-up: JIT, connection pool, principal cache, PostgreSQL buffers.
    for (const name of options.scenarios) await all[name]!(api.baseUrl, 4, 2);
    log('warmed up');

    // The machine may be shared: the load average before each run and the CPU seconds used by each tier
    // (API, PostgreSQL, autocannon, everything else) during it say how much, and where the time went.
    const figures: (Figures & { loadAverage1m: number; cpu: CpuBreakdown | null })[] = [];
    const monitor = new Client({ connectionString: adminUrl });
    await monitor.connect();
    const localServer = cpuAccountingAvailable && ['127.0.0.1', 'localhost', '[::1]'].includes(new URL(serverUrl).hostname);
    const backends = async (): Promise<number[]> =>
      localServer ? (await monitor.query<{ pid: number }>(`SELECT pid FROM pg_stat_activity WHERE datname = $1`, [BENCH_DB])).rows.map((r) => r.pid) : [];
    const checkpointer = localServer ? (await monitor.query<{ pid: number }>(`SELECT pid FROM pg_stat_activity WHERE backend_type = 'checkpointer'`)).rows[0]?.pid : undefined;
    const postmaster = checkpointer === undefined ? null : parentPid(checkpointer);
    const profileFile = join(RESULTS_DIR, 'crm-api.cpuprofile');
    if (options.profile) await api.profile.start();
    for (const name of options.scenarios) {
      for (const connections of options.connections) {
        const loadAverage1m = Math.round(loadavg()[0]! * 100) / 100;
        const pgBefore = await backends();
        const apiPids = api.pids();
        const before = cpuAccountingAvailable ? snapshot([...apiPids, process.pid, ...pgBefore], postmaster) : null;
        const result = await all[name]!(api.baseUrl, connections, options.duration);
        const pgAfter = await backends();
        const after = before ? snapshot([...apiPids, process.pid, ...pgBefore, ...pgAfter], postmaster) : null;
        const cpu = before && after ? breakdown(before, after, { api: apiPids, postgres: [...pgBefore, ...pgAfter], loadGenerator: [process.pid] }) : null;
        const f = { ...summarise(name, connections, result), loadAverage1m, cpu };
        figures.push(f);
        const cpuNote = cpu
          ? ` | CPU s of ${cpu.capacitySeconds}: api ${cpu.apiSeconds}, pg ${(cpu.postgresSeconds + cpu.postgresExitedSeconds).toFixed(2)}, autocannon ${cpu.loadGeneratorSeconds}, others ${cpu.otherSeconds}, idle ${cpu.idleSeconds}`
          : '';
        log(`${name.padEnd(6)} c=${connections}: ${f.reqPerSec} req/s, p50 ${f.latencyMs.p50} ms, p99 ${f.latencyMs.p99} ms, errors ${f.errors}, non-2xx ${f.non2xx}${cpuNote}`);
      }
    }
    await monitor.end();

    // Which search terms are slow: each term alone, c=1, median of 3 (after the load runs).
    const searchTerms: { term: string; medianMs: number; rows: number }[] = [];
    if (options.scenarios.includes('search')) {
      for (const term of SEARCH_TERMS) {
        const times: number[] = [];
        let rows = 0;
        for (let i = 0; i < 3; i++) {
          const started = performance.now();
          const page = await http<{ data: unknown[] }>(api.baseUrl, 'GET', `/api/v1/accounts?q=${encodeURIComponent(term)}&limit=50`, undefined, { authorization: `Bearer ${key.token}` });
          times.push(performance.now() - started);
          rows = page.data.length;
        }
        searchTerms.push({ term, medianMs: Math.round(times.sort((a, b) => a - b)[1]! * 10) / 10, rows });
      }
      searchTerms.sort((a, b) => b.medianMs - a.medianMs);
      log(`slowest search terms (c=1, median of 3): ${searchTerms.slice(0, 6).map((t) => `"${t.term}" ${t.medianMs} ms (${t.rows} rows)`).join(', ')}`);
    }

    if (options.profile) {
      await api.profile.stop(profileFile);
      log(`CPU profile of the measured runs: ${profileFile} (summary: node bench/support/profile-summary.mjs ${profileFile})`);
    }

    // A scenario that completed no request in the window (every call slower than --duration) fails.
    const met = (scenario: string, test: (f: Figures) => boolean) => {
      const f = figures.find((x) => x.scenario === scenario && x.connections === 8);
      return f ? f.requests > 0 && f.errors === 0 && f.non2xx === 0 && test(f) : null;
    };
    const targets = {
      'search p99 <= 30 ms at c=8': met('search', (f) => f.latencyMs.p99 <= 30),
      'get p99 <= 30 ms at c=8': met('get', (f) => f.latencyMs.p99 <= 30),
      'create >= 1000 req/s at c=8': met('create', (f) => f.reqPerSec >= 1000),
    };
    const report = {
      benchmark: 'crm',
      at: new Date().toISOString(),
      machine: { cpus: cpus().length, cpuModel: cpus()[0]?.model ?? 'unknown', memoryGb: Math.round(totalmem() / 2 ** 30), node: process.version },
      database: { server: host, postgres: await admin(adminUrl, async (c) => (await c.query<{ v: string }>(`SELECT current_setting('server_version') AS v`)).rows[0]!.v), accounts: options.accounts },
      setup: {
        api: options.apiWorkers > 1 ? `apps/api/src/main.ts with API_WORKERS=${options.apiWorkers} (node:cluster), LOG_LEVEL=silent` : 'one Node process (createApiApp, LOG_LEVEL=silent)',
        worker: 'none (outbox events accumulate)',
        machine: 'API, PostgreSQL and autocannon on the same machine',
        auth: 'API key, Bearer',
        durationSeconds: options.duration,
        profile: options.profile,
      },
      results: figures,
      searchTerms,
      targets,
    };
    saveReport('crm', report, log);
  } finally {
    await cleanup();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`[bench:crm] failed: ${(error as Error).stack ?? String(error)}\n`);
  process.exit(1);
});
