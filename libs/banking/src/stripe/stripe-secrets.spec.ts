import { randomBytes } from 'node:crypto';
import { loadConfig } from '@comptoir/platform/config';
import { SecretBox } from '@comptoir/platform/kernel';
import { openSealed, SECRET_BOX_PROVIDER } from './stripe-secrets';

const base = { DATABASE_URL: 'postgres://x@127.0.0.1/x', AUTH_SECRET: 'a'.repeat(32) };
const factory = (SECRET_BOX_PROVIDER as { useFactory: (config: ReturnType<typeof loadConfig>) => SecretBox }).useFactory;

describe('the SecretBox of the API', () => {
  it('refuses to start without SECRETS_KEY, saying how to get one', () => {
    expect(() => factory(loadConfig(base))).toThrow(/SECRETS_KEY is not set/);
  });

  it('is built from SECRETS_KEY', () => {
    const box = factory(loadConfig({ ...base, SECRETS_KEY: randomBytes(32).toString('hex') }));
    expect(box.open(box.seal('sk_test_x', 'ctx'), 'ctx')).toBe('sk_test_x');
  });

  it('answers a key sealed under another SECRETS_KEY with a 422 asking to enter the keys again', () => {
    const sealed = new SecretBox([randomBytes(32)]).seal('sk_test_x', 'ctx');
    expect(() => openSealed(new SecretBox([randomBytes(32)]), sealed, 'ctx')).toThrow(expect.objectContaining({ code: 'stripe_keys_unreadable', status: 422 }));
  });
});
