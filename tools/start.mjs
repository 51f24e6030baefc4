#!/usr/bin/env node
// `npm start`: one command from a fresh clone to a running Comptoir. Uses DATABASE_URL / REDIS_URL when
// set or reachable on the default local ports; otherwise starts an embedded PostgreSQL in .data/ and runs
// queue handlers in-process. Migrates, seeds the demo on first run, builds the SPA when its sources
// changed, then runs the API (SPA + API + docs on PORT) and the worker as child processes.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import pg from 'pg';

const root = dirname(dirname(fileURLToPath(import.meta.url)));
const dataDir = join(root, '.data');
const port = Number(process.env.PORT ?? 3000);
const children = new Set();
let embedded = null;
let stopping = false;

/** Loads a TypeScript module of the workspace (through the same SWC hook the apps run with). */
function requireTs(path) {
  const require = createRequire(import.meta.url);
  require('./register.cjs');
  return require(path);
}

const say = (message) => process.stdout.write(`[comptoir] ${message}\n`);

async function canConnect(url) {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

function redisAnswers(host, redisPort) {
  return new Promise((resolve) => {
    const socket = net.connect({ host, port: redisPort, timeout: 1000 }, () => socket.write('PING\r\n'));
    socket.once('data', (data) => {
      resolve(data.toString().startsWith('+PONG'));
      socket.destroy();
    });
    socket.once('error', () => resolve(false));
    socket.once('timeout', () => {
      socket.destroy();
      resolve(false);
    });
  });
}

function freePort(preferred) {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once('error', () => resolve(freePort(0)));
    server.listen(preferred, '127.0.0.1', () => {
      const { port: chosen } = server.address();
      server.close(() => resolve(chosen));
    });
  });
}

/** Secrets generated once into .data/secrets.json when the environment does not provide them. */
function localSecrets() {
  const file = join(dataDir, 'secrets.json');
  const secrets = existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : {};
  secrets.authSecret ??= randomBytes(32).toString('hex');
  secrets.ledgerSealKey ??= randomBytes(32).toString('hex');
  secrets.secretsKey ??= randomBytes(32).toString('hex');
  writeFileSync(file, JSON.stringify(secrets, null, 2), { mode: 0o600 });
  return secrets;
}

async function resolveDatabase() {
  if (process.env.DATABASE_URL) return { url: process.env.DATABASE_URL, label: 'DATABASE_URL' };
  if (await canConnect('postgres://postgres@127.0.0.1:5432/postgres')) {
    return { url: 'postgres://postgres@127.0.0.1:5432/comptoir', label: 'local PostgreSQL on 127.0.0.1:5432' };
  }
  const { startEmbeddedPostgres } = requireTs('../libs/platform/database/src/embedded-postgres.ts');
  const pgPort = await freePort(54329);
  const firstRun = !existsSync(join(dataDir, 'postgres', 'data', 'PG_VERSION'));
  if (firstRun) say('initialising the embedded PostgreSQL in .data/postgres (first run only)');
  embedded = await startEmbeddedPostgres({ dataRoot: join(dataDir, 'postgres'), port: pgPort, persistent: true });
  return { url: `postgres://postgres:postgres@127.0.0.1:${pgPort}/comptoir`, label: `embedded PostgreSQL (.data/postgres, port ${pgPort})` };
}

async function resolveRedis() {
  if (process.env.REDIS_URL) return { url: process.env.REDIS_URL, label: 'REDIS_URL' };
  if (await redisAnswers('127.0.0.1', 6379)) return { url: 'redis://127.0.0.1:6379', label: 'BullMQ on local Redis 127.0.0.1:6379' };
  return { url: undefined, label: 'in-process (no Redis found)' };
}

function newestMtime(path) {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(0, ...readdirSync(path).map((entry) => newestMtime(join(path, entry))));
}

function run(label, args, env) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { cwd: root, env, stdio: 'inherit' });
    child.once('exit', (code) => (code === 0 ? resolve() : reject(new Error(`${label} exited with ${code}`))));
  });
}

function buildSpaIfStale(env) {
  const web = join(root, 'apps/web');
  if (!existsSync(join(web, 'vite.config.ts'))) return Promise.resolve();
  const built = newestMtime(join(web, 'dist/index.html'));
  const sources = Math.max(newestMtime(join(web, 'src')), newestMtime(join(web, 'index.html')), newestMtime(join(root, 'libs/api-client/src')));
  if (built > sources) return Promise.resolve();
  say('building the SPA (vite)');
  env = { ...env, VITE_CONFIG_NATIVE_IGNORE_WARNING: 'true' };
  return run('vite build', [join(root, 'node_modules/vite/bin/vite.js'), 'build', '--config', join(web, 'vite.config.ts'), '--logLevel', 'warn'], env);
}

function startChild(name, script, env) {
  const child = spawn(process.execPath, ['-r', join(root, 'tools/register.cjs'), join(root, script)], { cwd: root, env, stdio: 'inherit' });
  children.add(child);
  child.once('exit', (code, signal) => {
    children.delete(child);
    if (!stopping) {
      say(`${name} stopped unexpectedly (${signal ?? code}); shutting down`);
      void shutdown(1);
    }
  });
  return child;
}

async function waitForHealth(deadline) {
  while (Date.now() < deadline) {
    try {
      const res = await fetch(`http://127.0.0.1:${port}/health`);
      if (res.ok) return true;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  return false;
}

async function shutdown(code) {
  if (stopping) return;
  stopping = true;
  say('stopping…');
  await Promise.all(
    [...children].map(
      (child) =>
        new Promise((resolve) => {
          const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
          child.once('exit', () => {
            clearTimeout(timer);
            resolve();
          });
          child.kill('SIGTERM');
        }),
    ),
  );
  if (embedded) await embedded.stop().catch(() => undefined);
  process.exit(code);
}

async function main() {
  process.once('SIGINT', () => void shutdown(0));
  process.once('SIGTERM', () => void shutdown(0));
  mkdirSync(dataDir, { recursive: true });
  const secrets = localSecrets();
  const database = await resolveDatabase();
  const redis = await resolveRedis();
  const env = {
    ...process.env,
    NODE_ENV: process.env.NODE_ENV ?? 'development',
    PORT: String(port),
    DATABASE_URL: database.url,
    AUTH_SECRET: process.env.AUTH_SECRET ?? secrets.authSecret,
    LEDGER_SEAL_KEY: process.env.LEDGER_SEAL_KEY ?? secrets.ledgerSealKey,
    SECRETS_KEY: process.env.SECRETS_KEY ?? secrets.secretsKey,
    FILE_STORE_DIR: process.env.FILE_STORE_DIR ?? join(dataDir, 'files'),
    PUBLIC_URL: process.env.PUBLIC_URL ?? `http://localhost:${port}`,
    DEV_SMTP_PORT: process.env.DEV_SMTP_PORT ?? String(await freePort(1025)),
  };
  if (redis.url) env.REDIS_URL = redis.url;
  else delete env.REDIS_URL;

  await buildSpaIfStale(env);
  await run('prepare (migrations and demo seed)', ['-r', join(root, 'tools/register.cjs'), join(root, 'apps/api/src/prepare.ts')], env);
  startChild('worker', 'apps/worker/src/main.ts', env);
  startChild('api', 'apps/api/src/main.ts', env);
  if (!(await waitForHealth(Date.now() + 120_000))) {
    say('the API did not become healthy within 120 s');
    return shutdown(1);
  }
  say('');
  say(`Comptoir is running on http://localhost:${port}`);
  say(`  API docs:   http://localhost:${port}/api/docs  (contract: /api/openapi.json)`);
  say('  Demo login: demo@comptoir.test / comptoir-demo');
  say(`  Database:   ${database.label}`);
  say(`  Queue:      ${redis.label}`);
  say(`  Mail:       ${process.env.SMTP_URL ? 'SMTP_URL' : 'printed to this log by the worker (dev catcher)'}`);
  say('  Ctrl-C stops everything.');
}

main().catch((error) => {
  process.stderr.write(`[comptoir] start failed: ${error.stack ?? error}\n`);
  void shutdown(1);
});
