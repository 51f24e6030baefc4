import Stripe from 'stripe';
import { BusinessRuleError } from '@comptoir/platform/kernel';
import { idempotencyKey, isTransientStripeError, stripeProblem, StripeUnavailableError } from './stripe-gateway';

type RawError = ConstructorParameters<typeof Stripe.errors.StripeError>[0];

/** The raw error Stripe's JSON carries, as the SDK builds its error classes from it. */
const raw = (type: string, statusCode: number, message = 'Stripe says no') => ({ type, message, statusCode }) as RawError;

describe('Stripe errors and idempotency keys', () => {
  it('treats the network, Stripe 5xx and rate limits as transient: 503 stripe_unavailable, safe to retry', () => {
    for (const error of [
      new Stripe.errors.StripeConnectionError(raw('api_connection_error', 0, 'connect ECONNREFUSED')),
      new Stripe.errors.StripeAPIError(raw('api_error', 500)),
      new Stripe.errors.StripeRateLimitError(raw('rate_limit_error', 429)),
    ]) {
      expect(isTransientStripeError(error)).toBe(true);
      const problem = stripeProblem(error, 'stripe_request_failed');
      expect(problem).toBeInstanceOf(StripeUnavailableError);
      expect(problem).toMatchObject({ code: 'stripe_unavailable', status: 503 });
    }
  });

  it("turns what Stripe refused into a 422 under the caller's code with Stripe's message", () => {
    for (const error of [
      new Stripe.errors.StripeInvalidRequestError(raw('invalid_request_error', 400, 'The IBAN you provided appears to be invalid.')),
      new Stripe.errors.StripeCardError(raw('card_error', 402, 'The payment was declined.')),
      new Stripe.errors.StripeAuthenticationError(raw('authentication_error', 401, 'Invalid API Key provided: sk_test_****abcd')),
      new Stripe.errors.StripeIdempotencyError(raw('idempotency_error', 400)),
    ]) {
      expect(isTransientStripeError(error)).toBe(false);
      const problem = stripeProblem(error, 'stripe_request_failed');
      expect(problem).toBeInstanceOf(BusinessRuleError);
      expect(problem).toMatchObject({ code: 'stripe_request_failed', status: 422, message: `Stripe refused the request: ${error.message}` });
    }
  });

  it('lets errors that are not from Stripe through untouched', () => {
    const bug = new TypeError('a bug');
    expect(isTransientStripeError(bug)).toBe(false);
    expect(() => stripeProblem(bug, 'stripe_request_failed')).toThrow(bug);
  });

  it('derives idempotency keys from the meaning of the request: same request, same key; any change, another key', () => {
    const key = idempotencyKey('customer', 'company', 'account', { name: 'Martin', email: 'a@b.test' });
    expect(key).toMatch(/^comptoir:customer:[0-9a-f]{64}$/);
    expect(idempotencyKey('customer', 'company', 'account', { name: 'Martin', email: 'a@b.test' })).toBe(key);
    expect(idempotencyKey('customer', 'company', 'account', { name: 'Martin', email: 'c@b.test' })).not.toBe(key);
    expect(idempotencyKey('customer-update', 'company', 'account', { name: 'Martin', email: 'a@b.test' })).not.toBe(key);
    expect(key.length).toBeLessThanOrEqual(255);
  });
});
