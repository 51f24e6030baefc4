import { randomBytes } from 'node:crypto';
import { loadConfig } from './app-config';

const base = { DATABASE_URL: 'postgres://x@127.0.0.1/x', AUTH_SECRET: 'a'.repeat(32) };

describe('SECRETS_KEY and STRIPE_API_URL configuration', () => {
  it('takes 32 random bytes in hex or base64', () => {
    const key = randomBytes(32);
    for (const value of [key.toString('hex'), key.toString('base64'), key.toString('base64url')]) {
      expect(loadConfig({ ...base, SECRETS_KEY: value }).secretsKey).toBe(value);
    }
  });

  it('refuses a key of another size or alphabet at boot, naming the variable', () => {
    for (const value of ['short', randomBytes(16).toString('hex'), 'z'.repeat(64), randomBytes(48).toString('base64')]) {
      expect(() => loadConfig({ ...base, SECRETS_KEY: value })).toThrow(/SECRETS_KEY: must be 32 random bytes/);
    }
  });

  it('takes an http(s) origin for the Stripe API and nothing else', () => {
    expect(loadConfig({ ...base, STRIPE_API_URL: 'http://127.0.0.1:12111' }).stripeApiUrl).toBe('http://127.0.0.1:12111');
    expect(() => loadConfig({ ...base, STRIPE_API_URL: 'ftp://stripe' })).toThrow(/STRIPE_API_URL/);
    expect(() => loadConfig({ ...base, STRIPE_API_URL: 'https://api.stripe.com/v1' })).toThrow(/STRIPE_API_URL/);
  });
});
