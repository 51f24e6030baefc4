import { Client } from 'pg';
import IORedis from 'ioredis';
import { loadConfig } from '@comptoir/platform/config';
import { canConnect, startTemporaryPostgres, TEST_AUTH_SECRET, withDatabase } from '@comptoir/platform/testing';
import { migrate } from '../migrate';

declare global {
  var __COMPTOIR_EMBEDDED_PG__: { stop(): Promise<void> } | undefined;
}

async function redisReachable(url: string): Promise<boolean> {
  const client = new IORedis(url, { lazyConnect: true, maxRetriesPerRequest: 0, connectTimeout: 1500, retryStrategy: () => null });
  client.on('error', () => undefined);
  try {
    await client.connect();
    return (await client.ping()) === 'PONG';
  } catch {
    return false;
  } finally {
    client.disconnect();
  }
}

/**
 * Once per run: find PostgreSQL (TEST_DATABASE_URL, the local default, else an embedded server),
 * build a migrated template database that every test file clones, and find Redis if there is one.
 * It lives in runtime, not in platform/testing, because it needs the composed migrations: a platform
 * lib may only depend on platform libs (eslint.config.mjs), and testing is used by runtime's own specs.
 */
export default async function globalSetup(): Promise<void> {
  let adminUrl = process.env['TEST_DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  if (!(await canConnect(adminUrl))) {
    const embedded = await startTemporaryPostgres(54_400 + (process.pid % 500));
    globalThis.__COMPTOIR_EMBEDDED_PG__ = embedded;
    adminUrl = embedded.url;
  }
  const template = `comptoir_tpl_${process.pid}`;
  const admin = new Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${template}`);
  await admin.query(`CREATE DATABASE ${template}`);
  await admin.end();
  await migrate(loadConfig({}, { databaseUrl: withDatabase(adminUrl, template), authSecret: TEST_AUTH_SECRET }));
  process.env['COMPTOIR_TEST_ADMIN_URL'] = adminUrl;
  process.env['COMPTOIR_TEST_TEMPLATE'] = template;
  const redisUrl = process.env['REDIS_URL'] ?? 'redis://127.0.0.1:6379';
  process.env['COMPTOIR_TEST_REDIS_URL'] = (await redisReachable(redisUrl)) ? redisUrl : '';
}
