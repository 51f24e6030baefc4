import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { withDatabase } from './test-postgres';

export interface TestDatabase {
  /** Owner (superuser) URL: what DATABASE_URL would be. The app derives its own role's URL from it. */
  url: string;
  name: string;
  drop(): Promise<void>;
}

/** A fresh database cloned from the migrated template: one per test file, no shared state. */
export async function createTestDatabase(): Promise<TestDatabase> {
  const adminUrl = process.env['COMPTOIR_TEST_ADMIN_URL'];
  const template = process.env['COMPTOIR_TEST_TEMPLATE'];
  if (!adminUrl || !template) throw new Error('The integration global setup did not run');
  const name = `comptoir_t_${randomBytes(6).toString('hex')}`;
  const admin = new Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name} TEMPLATE ${template}`);
  } finally {
    await admin.end();
  }
  return {
    url: withDatabase(adminUrl, name),
    name,
    drop: async () => {
      const client = new Client({ connectionString: adminUrl });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`).catch(() => undefined);
      await client.end();
    },
  };
}
