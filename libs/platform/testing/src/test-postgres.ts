import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { EmbeddedServer, startEmbeddedPostgres } from '@comptoir/platform/database';

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

/** A throw-away embedded PostgreSQL in a temporary folder, for test runs on machines without one. */
export function startTemporaryPostgres(port: number): Promise<EmbeddedServer> {
  return startEmbeddedPostgres({ dataRoot: mkdtempSync(join(tmpdir(), 'comptoir-pg-')), port, persistent: false });
}

export function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}
