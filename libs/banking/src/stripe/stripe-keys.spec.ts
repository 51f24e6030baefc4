import { keyLast4, stripeKeyProblems, stripeModeOf } from './stripe-keys';

const SK_TEST = 'sk_test_51AbCdEfGhIjKlMnOp';
const PK_TEST = 'pk_test_51AbCdEfGhIjKlMnOp';

describe('Stripe keys', () => {
  it('reads the mode from the secret key prefix', () => {
    expect(stripeModeOf(SK_TEST)).toBe('test');
    expect(stripeModeOf('rk_test_51AbCdEfGhIjKlMnOp')).toBe('test');
    expect(stripeModeOf('sk_live_51AbCdEfGhIjKlMnOp')).toBe('live');
    expect(stripeModeOf('rk_live_51AbCdEfGhIjKlMnOp')).toBe('live');
  });

  it('accepts secret, restricted, publishable keys and webhook secrets of the same mode', () => {
    expect(stripeKeyProblems({ secretKey: SK_TEST, publishableKey: PK_TEST })).toEqual([]);
    expect(stripeKeyProblems({ secretKey: 'rk_live_51AbCdEfGhIjKlMnOp', publishableKey: 'pk_live_51AbCdEfGhIjKlMnOp', webhookSecret: 'whsec_AbCdEfGhIjKlMnOp12' })).toEqual([]);
  });

  it('names each field with a wrong prefix', () => {
    const problems = stripeKeyProblems({ secretKey: 'pk_test_51AbCdEfGhIjKlMnOp', publishableKey: 'sk_test_51AbCdEfGhIjKlMnOp', webhookSecret: 'secret_123456789012' });
    expect(problems.map((p) => p.path)).toEqual(['secretKey', 'publishableKey', 'webhookSecret']);
    expect(stripeKeyProblems({ secretKey: 'sk_test_short', publishableKey: PK_TEST }).map((p) => p.path)).toEqual(['secretKey']);
    expect(stripeKeyProblems({ secretKey: 'sk_test_51AbCd EfGhIjKlMnOp', publishableKey: PK_TEST }).map((p) => p.path)).toEqual(['secretKey']);
  });

  it('refuses a publishable key of the other mode', () => {
    const problems = stripeKeyProblems({ secretKey: 'sk_live_51AbCdEfGhIjKlMnOp', publishableKey: PK_TEST });
    expect(problems).toEqual([{ path: 'publishableKey', message: 'publishableKey is a test key but secretKey is a live key' }]);
  });

  it('shows only the last four characters', () => {
    expect(keyLast4(SK_TEST)).toBe('MnOp');
  });
});
