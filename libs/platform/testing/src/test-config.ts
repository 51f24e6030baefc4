import { AppConfig, loadConfig } from '@comptoir/platform/config';

export const TEST_AUTH_SECRET = 'test-secret-0123456789abcdef0123456789abcdef';

export function testConfig(databaseUrl: string, overrides: Partial<Record<keyof AppConfig, unknown>> = {}): AppConfig {
  return loadConfig({}, { databaseUrl, authSecret: TEST_AUTH_SECRET, logLevel: 'silent', nodeEnv: 'test', ...overrides });
}

/** The Redis found by the global setup, or null: suites that need one skip with a message. */
export function testRedisUrl(): string | null {
  return process.env['COMPTOIR_TEST_REDIS_URL'] || null;
}
