// Shared harness of the benchmarks: a database of their own, the API in a child process, small HTTP
// helpers and the autocannon summary. Each benchmark (bench/<name>.ts) composes these.
import { fork, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { AddressInfo, createServer } from 'node:net';
import { join } from 'node:path';
import { Result } from 'autocannon';
import { Client } from 'pg';
import { luhnValid } from '@comptoir/platform/kernel';

const ROOT = join(__dirname, '../..');

export function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

export async function admin<T>(adminUrl: string, work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: adminUrl });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** A Luhn-valid SIREN from 8 random digits. */
export function randomSiren(): string {
  const stem = String(randomBytes(4).readUInt32BE() % 100_000_000).padStart(8, '0');
  for (let key = 0; key <= 9; key++) if (luhnValid(`${stem}${key}`)) return `${stem}${key}`;
  throw new Error('unreachable');
}

export interface ApiProcess {
  baseUrl: string;
  /** The API's processes (the cluster primary and its workers with --api-workers > 1). */
  pids(): number[];
  /** V8 CPU profile of the API between start and stop, written to `file` (.cpuprofile). */
  profile: { start(): Promise<void>; stop(file: string): Promise<void> };
  stop(): Promise<void>;
}

export function startApi(env: NodeJS.ProcessEnv): Promise<ApiProcess> {
  const child = fork(join(__dirname, 'api-server.ts'), [], {
    cwd: ROOT,
    env,
    execArgv: ['-r', join(ROOT, 'tools/register.cjs')],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const reply = (cmd: string) =>
    new Promise<void>((resolve) => {
      const listener = (raw: unknown) => {
        if ((raw as { cmd?: string }).cmd !== cmd) return;
        child.off('message', listener);
        resolve();
      };
      child.on('message', listener);
    });
  return new Promise((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`the API exited during startup (${code})`)));
    child.once('message', (raw) => {
      const message = raw as { ready?: boolean; port?: number };
      if (!message.ready || !message.port) return reject(new Error('unexpected message from the API process'));
      resolve({
        baseUrl: `http://127.0.0.1:${message.port}`,
        pids: () => [child.pid!],
        profile: {
          start: async () => {
            const started = reply('profile-started');
            child.send({ cmd: 'profile-start' });
            await started;
          },
          stop: async (file) => {
            const stopped = reply('profile-stopped');
            child.send({ cmd: 'profile-stop', file });
            await stopped;
          },
        },
        stop: async () => {
          if (child.exitCode !== null) return;
          const killer = setTimeout(() => child.kill('SIGKILL'), 15_000);
          child.send({ cmd: 'stop' });
          await exited;
          clearTimeout(killer);
        },
      });
    });
  });
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/** Children of a process (Linux), e.g. the node:cluster workers of the API's primary. */
function childPids(pid: number): number[] {
  try {
    return readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim().split(/\s+/).filter(Boolean).map(Number);
  } catch {
    return [];
  }
}

/** `--api-workers N`: the production entry point (apps/api/src/main.ts) with API_WORKERS=N (node:cluster). */
export async function startApiCluster(env: NodeJS.ProcessEnv, workers: number): Promise<ApiProcess> {
  const port = await freePort();
  const child = spawn(process.execPath, ['-r', join(ROOT, 'tools/register.cjs'), join(ROOT, 'apps/api/src/main.ts')], {
    cwd: ROOT,
    env: { ...env, PORT: String(port), HOST: '127.0.0.1', API_WORKERS: String(workers) },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const baseUrl = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 120_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the API exited during startup (${child.exitCode})`);
    const up = await fetch(`${baseUrl}/health`).then((r) => r.ok, () => false);
    if (up && childPids(child.pid!).length >= workers) break;
    if (Date.now() > deadline) throw new Error('the API cluster did not become healthy within 120 s');
    await new Promise((r) => setTimeout(r, 300));
  }
  // Every worker must be listening before the load starts: wait until each has answered once.
  await new Promise((r) => setTimeout(r, 3000));
  const unsupported = async () => {
    throw new Error('profiling needs --api-workers 1');
  };
  return {
    baseUrl,
    pids: () => [child.pid!, ...childPids(child.pid!)],
    profile: { start: unsupported, stop: unsupported },
    stop: async () => {
      if (child.exitCode !== null) return;
      const killer = setTimeout(() => child.kill('SIGKILL'), 15_000);
      child.kill('SIGTERM');
      await exited;
      clearTimeout(killer);
    },
  };
}

export async function http<T>(baseUrl: string, method: string, path: string, body: unknown, headers: Record<string, string> = {}): Promise<T> {
  const res = await fetch(`${baseUrl}${path}`, { method, headers: { 'content-type': 'application/json', ...headers }, body: body === undefined ? undefined : JSON.stringify(body) });
  const text = await res.text();
  if (!res.ok) throw new Error(`${method} ${path} answered ${res.status}: ${text}`);
  return JSON.parse(text) as T;
}

export interface Figures {
  scenario: string;
  connections: number;
  durationSeconds: number;
  requests: number;
  reqPerSec: number;
  latencyMs: { p50: number; p90: number; p99: number; max: number; mean: number };
  errors: number;
  timeouts: number;
  non2xx: number;
  statusCodes: Record<string, number>;
}

export const summarise = (scenario: string, connections: number, r: Result): Figures => {
  const requests = r['1xx'] + r['2xx'] + r['3xx'] + r['4xx'] + r['5xx'];
  return {
    scenario,
    connections,
    durationSeconds: r.duration,
    requests,
    reqPerSec: Math.round((requests / r.duration) * 10) / 10,
    latencyMs: { p50: r.latency.p50, p90: r.latency.p90, p99: r.latency.p99, max: r.latency.max, mean: Math.round(r.latency.mean * 100) / 100 },
    errors: r.errors,
    timeouts: r.timeouts,
    non2xx: r.non2xx,
    statusCodes: Object.fromEntries(Object.entries(r.statusCodeStats ?? {}).map(([code, s]) => [code, s.count])),
  };
};

/** Prints a benchmark's JSON report on stdout and keeps a copy in bench/results/<name>-<time>.json. */
export function saveReport(name: string, report: { at: string }, log: (message: string) => void): void {
  const dir = join(__dirname, '../results');
  mkdirSync(dir, { recursive: true });
  const json = JSON.stringify(report, null, 2);
  const file = join(dir, `${name}-${report.at.replace(/[:.]/g, '-')}.json`);
  writeFileSync(file, `${json}\n`);
  process.stdout.write(`${json}\n`);
  log(`saved ${file}`);
}
