import { randomBytes } from 'node:crypto';
import { createServer, IncomingMessage, Server, ServerResponse } from 'node:http';
import { AddressInfo } from 'node:net';
import Stripe from 'stripe';

/**
 * A local stand-in for api.stripe.com that speaks the few endpoints Comptoir calls, with Stripe's
 * JSON shapes, form-encoded request bodies, error format and idempotency semantics (same key and same
 * parameters: the first answer replayed; same key, other parameters: 400 idempotency_error). The
 * `stripe` SDK talks to it through STRIPE_API_URL. Webhook payloads are signed with the SDK's own
 * test-header helper (`signedEvent`).
 */

type Params = Record<string, unknown>;

export interface RecordedRequest {
  method: string;
  path: string;
  params: Params;
  idempotencyKey: string | null;
  secretKey: string;
}

interface StripeErrorBody {
  status: number;
  error: { type: string; message: string; code?: string; param?: string };
}

interface Account {
  id: string;
  name: string;
}

const id = (prefix: string) => `${prefix}_${randomBytes(12).toString('base64url').replace(/[-_]/g, 'x')}`;

/** Stripe's bracket notation (`metadata[a]=1`, `allowed_payment_method_types[0]=x`) into nested objects. */
export function parseStripeForm(body: string): Params {
  const root: Params = {};
  for (const [key, value] of new URLSearchParams(body)) {
    const path = key.replace(/\]/g, '').split('[');
    let node: Record<string, unknown> = root;
    path.forEach((part, i) => {
      if (i === path.length - 1) node[part] = value;
      else node = (node[part] ??= {}) as Record<string, unknown>;
    });
  }
  return root;
}

export class FakeStripe {
  readonly requests: RecordedRequest[] = [];
  /** Live objects, as GET would show them (the webhook helpers start from these). */
  readonly paymentIntents = new Map<string, Stripe.PaymentIntent>();
  private readonly accounts = new Map<string, Account>();
  private readonly idempotent = new Map<string, { params: string; status: number; body: unknown }>();
  private readonly injected: { path: RegExp; error: StripeErrorBody }[] = [];
  private server: Server | null = null;
  /** When set, every request is answered by closing the connection (Stripe unreachable). */
  unreachable = false;

  get url(): string {
    const address = this.server?.address() as AddressInfo | null;
    if (!address) throw new Error('The fake Stripe server is not started');
    return `http://127.0.0.1:${address.port}`;
  }

  async start(): Promise<void> {
    this.server = createServer((req, res) => void this.handle(req, res));
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
  }

  async stop(): Promise<void> {
    const server = this.server;
    this.server = null;
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  /** A Stripe account reachable with this secret key. */
  addAccount(secretKey: string, name: string): void {
    this.accounts.set(secretKey, { id: id('acct'), name });
  }

  /** The next request whose path matches answers this Stripe error instead. */
  failNext(path: RegExp, status: number, error: StripeErrorBody['error']): void {
    this.injected.push({ path, error: { status, error } });
  }

  requestsTo(method: string, path: RegExp): RecordedRequest[] {
    return this.requests.filter((r) => r.method === method && path.test(r.path));
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    if (this.unreachable) {
      req.socket.destroy();
      return;
    }
    const method = req.method ?? 'GET';
    const url = new URL(req.url ?? '/', 'http://fake');
    const raw = Buffer.concat(chunks).toString('utf8');
    const params = parseStripeForm(method === 'GET' ? url.search.slice(1) : raw);
    const secretKey = (req.headers.authorization ?? '').replace(/^Bearer\s+/i, '');
    const idempotencyKey = (req.headers['idempotency-key'] as string | undefined) ?? null;
    this.requests.push({ method, path: url.pathname, params, idempotencyKey, secretKey });

    const account = this.accounts.get(secretKey);
    if (!account) {
      return send(res, 401, { error: { type: 'invalid_request_error', message: `Invalid API Key provided: ${secretKey.slice(0, 8)}****${secretKey.slice(-4)}` } });
    }
    const injected = this.injected.findIndex((i) => i.path.test(url.pathname));
    if (injected >= 0) {
      const { error } = this.injected.splice(injected, 1)[0]!;
      return send(res, error.status, { error: error.error });
    }
    if (method === 'POST' && idempotencyKey) {
      const key = `${secretKey}:${idempotencyKey}`;
      const seen = this.idempotent.get(key);
      const fingerprint = `${url.pathname}:${JSON.stringify(params)}`;
      if (seen) {
        if (seen.params !== fingerprint) {
          return send(res, 400, {
            error: {
              type: 'idempotency_error',
              message: `Keys for idempotent requests can only be used with the same parameters they were first used with. Try using a key other than '${idempotencyKey}' if you meant to execute a different request.`,
            },
          });
        }
        return send(res, seen.status, seen.body, { 'Idempotent-Replayed': 'true' });
      }
      const [status, body] = this.route(method, url.pathname, params, account);
      this.idempotent.set(key, { params: fingerprint, status, body });
      return send(res, status, body);
    }
    const [status, body] = this.route(method, url.pathname, params, account);
    return send(res, status, body);
  }

  private route(method: string, path: string, params: Params, account: Account): [number, unknown] {
    const livemode = false;
    if (method === 'GET' && path === '/v1/account') {
      return [200, { id: account.id, object: 'account', business_profile: { name: account.name }, settings: { dashboard: { display_name: account.name } }, charges_enabled: true }];
    }
    if (method === 'POST' && path === '/v1/customers') {
      return [200, { id: id('cus'), object: 'customer', name: params['name'] ?? null, email: params['email'] ?? null, metadata: params['metadata'] ?? {}, livemode }];
    }
    const customer = /^\/v1\/customers\/(cus_\w+)$/.exec(path);
    if (method === 'POST' && customer) {
      return [200, { id: customer[1], object: 'customer', name: params['name'] ?? null, email: params['email'] ?? null, metadata: params['metadata'] ?? {}, livemode }];
    }
    if (method === 'POST' && path === '/v1/payment_methods') {
      const iban = String((params['sepa_debit'] as Params | undefined)?.['iban'] ?? '');
      if (params['type'] !== 'sepa_debit' || !/^[A-Z]{2}\d{2}[A-Z0-9]{10,30}$/.test(iban)) {
        return [400, { error: { type: 'invalid_request_error', code: 'invalid_bank_account_iban', param: 'sepa_debit[iban]', message: 'The IBAN you provided appears to be invalid.' } }];
      }
      return [200, { id: id('pm'), object: 'payment_method', type: 'sepa_debit', sepa_debit: { last4: iban.slice(-4), country: iban.slice(0, 2) }, billing_details: params['billing_details'] ?? {}, livemode }];
    }
    if (method === 'POST' && path === '/v1/setup_intents') {
      if (!params['customer'] || !params['payment_method']) return [400, missing(params['customer'] ? 'payment_method' : 'customer')];
      return [200, { id: id('seti'), object: 'setup_intent', customer: params['customer'], payment_method: params['payment_method'], status: 'succeeded', mandate: id('mandate'), usage: params['usage'] ?? 'off_session', livemode }];
    }
    if (method === 'POST' && path === '/v1/payment_intents') {
      for (const field of ['amount', 'currency', 'customer', 'payment_method']) if (!params[field]) return [400, missing(field)];
      const amount = Number(params['amount']);
      if (!Number.isInteger(amount) || amount < 50) return [400, { error: { type: 'invalid_request_error', code: 'amount_too_small', param: 'amount', message: 'Amount must be at least €0.50 eur' } }];
      const intent = {
        id: id('pi'),
        object: 'payment_intent',
        amount,
        amount_received: 0,
        currency: params['currency'],
        customer: params['customer'],
        payment_method: params['payment_method'],
        payment_method_types: ['sepa_debit'],
        mandate: params['mandate'] ?? null,
        status: params['confirm'] === 'true' ? 'processing' : 'requires_confirmation',
        description: params['description'] ?? null,
        metadata: params['metadata'] ?? {},
        last_payment_error: null,
        livemode,
        created: Math.floor(Date.now() / 1000),
      } as unknown as Stripe.PaymentIntent;
      this.paymentIntents.set(intent.id, intent);
      return [200, intent];
    }
    return [404, { error: { type: 'invalid_request_error', message: `Unrecognized request URL (${method}: ${path}).` } }];
  }
}

function missing(param: string): { error: StripeErrorBody['error'] } {
  return { error: { type: 'invalid_request_error', code: 'parameter_missing', param, message: `Missing required param: ${param}.` } };
}

function send(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'Content-Type': 'application/json', 'Request-Id': id('req'), ...headers });
  res.end(JSON.stringify(body));
}

/** A Stripe event around an object, as Stripe posts it to a webhook endpoint. */
export function stripeEvent(type: string, object: unknown, eventId = id('evt')): string {
  return JSON.stringify({ id: eventId, object: 'event', api_version: '2026-10-28.endive', created: Math.floor(Date.now() / 1000), type, livemode: false, pending_webhooks: 1, data: { object } });
}

/** The payload and its Stripe-Signature header, signed with the SDK's test helper. */
export function signedEvent(payload: string, secret: string): { payload: string; signature: string } {
  return { payload, signature: Stripe.webhooks.generateTestHeaderString({ payload, secret }) };
}

/** The PaymentIntent as Stripe reports it once the debit went through. */
export function succeededIntent(intent: Stripe.PaymentIntent): Stripe.PaymentIntent {
  return { ...intent, status: 'succeeded', amount_received: intent.amount };
}

/** The PaymentIntent as Stripe reports it once the bank refused the debit. */
export function failedIntent(intent: Stripe.PaymentIntent, message = 'The account has insufficient funds to cover this payment.'): Stripe.PaymentIntent {
  return { ...intent, status: 'requires_payment_method', last_payment_error: { type: 'card_error', code: 'insufficient_funds', message } } as Stripe.PaymentIntent;
}

/** A dispute of the charge of a PaymentIntent (the customer asked their bank for the money back). */
export function disputeOf(intent: Stripe.PaymentIntent, reason = 'general'): Stripe.Dispute {
  return { id: id('dp'), object: 'dispute', amount: intent.amount, currency: intent.currency, charge: id('py'), payment_intent: intent.id, reason, status: 'needs_response', livemode: false } as unknown as Stripe.Dispute;
}
