import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AppConfig, loadConfig } from '@comptoir/platform/config';

export const TEST_AUTH_SECRET = 'test-secret-0123456789abcdef0123456789abcdef';
export const TEST_LEDGER_SEAL_KEY = 'test-seal-key-0123456789abcdef0123456789abcdef';
/** 32 bytes in hex, as SECRETS_KEY expects. */
export const TEST_SECRETS_KEY = '5ec7e75ec7e75ec7e75ec7e75ec7e75ec7e75ec7e75ec7e75ec7e75ec7e75ec7';

export function testConfig(databaseUrl: string, overrides: Partial<Record<keyof AppConfig, unknown>> = {}): AppConfig {
  // One file store per test database, so suites running in parallel never see each other's files.
  const database = new URL(databaseUrl).pathname.slice(1) || 'default';
  return loadConfig(
    {},
    {
      databaseUrl,
      authSecret: TEST_AUTH_SECRET,
      ledgerSealKey: TEST_LEDGER_SEAL_KEY,
      secretsKey: TEST_SECRETS_KEY,
      // Tests never reach the real Stripe: suites that need it start a fake and pass its URL.
      stripeApiUrl: 'http://127.0.0.1:9',
      fileStoreDir: join(tmpdir(), 'comptoir-test-files', database),
      logLevel: 'silent',
      nodeEnv: 'test',
      ...overrides,
    },
  );
}

/** The Redis found by the global setup, or null: suites that need one skip with a message. */
export function testRedisUrl(): string | null {
  return process.env['COMPTOIR_TEST_REDIS_URL'] || null;
}
