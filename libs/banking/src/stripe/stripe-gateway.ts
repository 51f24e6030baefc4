import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import Stripe from 'stripe';
import { AppConfig } from '@comptoir/platform/config';
import { BusinessRuleError, DomainError } from '@comptoir/platform/kernel';

type StripeOptions = NonNullable<ConstructorParameters<typeof Stripe>[1]>;

/** Stripe is down, slow or unreachable: the request may be retried as is (same idempotency key). */
export class StripeUnavailableError extends DomainError {
  constructor(message: string) {
    super('stripe_unavailable', 503, `Stripe could not be reached, retry later: ${message}`);
  }
}

/** Failures worth a retry of the very same request: the network, Stripe's own 5xx and rate limits. */
export function isTransientStripeError(error: unknown): boolean {
  return (
    error instanceof Stripe.errors.StripeConnectionError ||
    error instanceof Stripe.errors.StripeAPIError ||
    error instanceof Stripe.errors.StripeRateLimitError ||
    (error instanceof Stripe.errors.StripeError && (error.statusCode ?? 0) >= 500)
  );
}

/**
 * Stripe's answer as a problem for our client: transient failures are 503 `stripe_unavailable`
 * (retry), anything Stripe refused (bad key, invalid IBAN, declined debit…) is a 422 with Stripe's own
 * message under the caller's code. Stripe's messages never carry a full key (it masks them).
 */
export function stripeProblem(error: unknown, code: string): DomainError {
  if (!(error instanceof Stripe.errors.StripeError)) throw error;
  if (isTransientStripeError(error)) return new StripeUnavailableError(error.message);
  return new BusinessRuleError(code, `Stripe refused the request: ${error.message}`);
}

/**
 * An idempotency key derived from what the request means: the same registration sent again (a retry,
 * a double click) reaches the same Stripe object, a changed one makes a new request.
 */
export function idempotencyKey(kind: string, ...parts: unknown[]): string {
  return `comptoir:${kind}:${createHash('sha256').update(JSON.stringify(parts)).digest('hex')}`;
}

/** Stripe clients for a company's key, pointed at STRIPE_API_URL when set (tests, stripe-mock). */
@Injectable()
export class StripeGateway {
  private readonly options: StripeOptions;

  constructor(config: AppConfig) {
    // Network retries are safe: every POST carries an idempotency key.
    this.options = { maxNetworkRetries: 1, timeout: 15_000, telemetry: false, appInfo: { name: 'Comptoir' } };
    if (config.stripeApiUrl) {
      const url = new URL(config.stripeApiUrl);
      const protocol = url.protocol === 'http:' ? 'http' : 'https';
      Object.assign(this.options, { host: url.hostname, port: url.port || (protocol === 'http' ? 80 : 443), protocol });
    }
  }

  client(secretKey: string): Stripe {
    return new Stripe(secretKey, this.options);
  }
}
