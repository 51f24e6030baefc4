import type { FieldError } from '@comptoir/platform/kernel';
import type { StripeMode } from './stripe-settings.entity';

/** Stripe's key shapes: secret (sk_) or restricted (rk_) keys, publishable keys, webhook signing secrets. */
const SECRET_KEY = /^(sk|rk)_(test|live)_[A-Za-z0-9]{10,250}$/;
const PUBLISHABLE_KEY = /^pk_(test|live)_[A-Za-z0-9]{10,250}$/;
const WEBHOOK_SECRET = /^whsec_[A-Za-z0-9+/=]{10,250}$/;

export interface StripeKeysInput {
  secretKey: string;
  publishableKey: string;
  webhookSecret?: string | null;
}

/** test or live, read from a secret key's prefix (the key itself tells which Stripe mode it acts in). */
export function stripeModeOf(secretKey: string): StripeMode {
  return /^(sk|rk)_live_/.test(secretKey) ? 'live' : 'test';
}

/**
 * What is wrong with a set of keys, per field: unknown prefixes, and a publishable key of the other
 * mode than the secret key (a test page with live charges, or the reverse, is always a mistake).
 */
export function stripeKeyProblems(input: StripeKeysInput): FieldError[] {
  const problems: FieldError[] = [];
  if (!SECRET_KEY.test(input.secretKey)) {
    problems.push({ path: 'secretKey', message: 'secretKey must be a Stripe secret key (sk_test_…, sk_live_…) or restricted key (rk_test_…, rk_live_…)' });
  }
  const publishable = PUBLISHABLE_KEY.exec(input.publishableKey);
  if (!publishable) problems.push({ path: 'publishableKey', message: 'publishableKey must be a Stripe publishable key (pk_test_… or pk_live_…)' });
  if (input.webhookSecret !== undefined && input.webhookSecret !== null && !WEBHOOK_SECRET.test(input.webhookSecret)) {
    problems.push({ path: 'webhookSecret', message: 'webhookSecret must be a Stripe webhook signing secret (whsec_…)' });
  }
  if (!problems.length && publishable && publishable[1] !== stripeModeOf(input.secretKey)) {
    problems.push({ path: 'publishableKey', message: `publishableKey is a ${publishable[1]} key but secretKey is a ${stripeModeOf(input.secretKey)} key` });
  }
  return problems;
}

/** The last four characters, all that is ever shown of a secret key. */
export function keyLast4(secretKey: string): string {
  return secretKey.slice(-4);
}
