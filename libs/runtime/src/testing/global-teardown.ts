import { Client } from 'pg';

export default async function globalTeardown(): Promise<void> {
  const adminUrl = process.env['COMPTOIR_TEST_ADMIN_URL'];
  const template = process.env['COMPTOIR_TEST_TEMPLATE'];
  if (adminUrl && template) {
    const admin = new Client({ connectionString: adminUrl });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS ${template} WITH (FORCE)`).catch(() => undefined);
    await admin.end();
  }
  await globalThis.__COMPTOIR_EMBEDDED_PG__?.stop();
}
