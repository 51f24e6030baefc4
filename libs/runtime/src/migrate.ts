import { Client } from 'pg';
import { APP_DB_ROLE, AppConfig } from '@comptoir/platform/config';
import { createDataSource } from '@comptoir/platform/database';
import { ENTITIES } from './entities';
import { MIGRATIONS } from './migrations';

const MIGRATION_LOCK = 74_656_301; // any constant shared by every replica

/** Creates the database when the owner connection may (local development), else leaves it to the operator. */
async function ensureDatabase(url: string): Promise<void> {
  const target = new URL(url);
  const name = decodeURIComponent(target.pathname.slice(1));
  const admin = new URL(url);
  admin.pathname = '/postgres';
  const client = new Client({ connectionString: admin.toString() });
  await client.connect();
  try {
    const exists = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (!exists.rowCount) await client.query(`CREATE DATABASE "${name.replace(/"/g, '""')}"`);
  } finally {
    await client.end();
  }
}

/** The unprivileged role the application connects as (row-level security applies to it). */
async function ensureAppRole(client: Client, password: string): Promise<void> {
  const exists = await client.query('SELECT 1 FROM pg_roles WHERE rolname = $1', [APP_DB_ROLE]);
  const escaped = password.replace(/'/g, "''");
  if (!exists.rowCount) await client.query(`CREATE ROLE ${APP_DB_ROLE} LOGIN NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE PASSWORD '${escaped}'`);
  else await client.query(`ALTER ROLE ${APP_DB_ROLE} LOGIN PASSWORD '${escaped}'`).catch(() => undefined);
}

/**
 * The explicit migrate step: `npm start` runs it before serving, compose runs it as a one-shot
 * service. An advisory lock keeps concurrent replicas from racing.
 */
export async function migrate(config: AppConfig, options: { createDatabase?: boolean } = {}): Promise<string[]> {
  if (options.createDatabase) await ensureDatabase(config.databaseUrl);
  const lock = new Client({ connectionString: config.databaseUrl });
  await lock.connect();
  try {
    await lock.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
    await ensureAppRole(lock, config.databaseAppPassword);
    await lock.query(`GRANT CONNECT ON DATABASE "${(await lock.query('SELECT current_database() AS db')).rows[0].db}" TO ${APP_DB_ROLE}`);
    const dataSource = await createDataSource({ url: config.databaseUrl, entities: ENTITIES, migrations: MIGRATIONS, poolSize: 2 }).initialize();
    try {
      const applied = await dataSource.runMigrations({ transaction: 'each' });
      return applied.map((m) => m.name);
    } finally {
      await dataSource.destroy();
    }
  } finally {
    await lock.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]).catch(() => undefined);
    await lock.end();
  }
}
