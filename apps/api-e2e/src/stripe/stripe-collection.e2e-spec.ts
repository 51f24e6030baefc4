import { newId } from '@comptoir/platform/kernel';
import { signupOrganization, SignedUpOrg } from '../support/fixtures';
import { createTestApp, TestApp } from '../support/test-app';
import { disputeOf, failedIntent, FakeStripe, stripeEvent, succeededIntent } from './fake-stripe';
import { configureStripe, customerWithIban, deliver, newStripeKeys, StripeKeys, validatedInvoice } from './stripe-support';

/**
 * Stripe SEPA debit end to end against the fake Stripe server: registering a customer's IBAN,
 * collecting an invoice (idempotency key = invoice id + attempt), and the webhook recording payments,
 * failures and disputes exactly once, even when the same event arrives twice at the same time.
 */
describe('Stripe SEPA debit: registration, collection and webhooks', () => {
  const fake = new FakeStripe();
  let t: TestApp;
  let org: SignedUpOrg;
  let keys: StripeKeys;

  beforeAll(async () => {
    await fake.start();
    t = await createTestApp({ stripeApiUrl: fake.url });
    org = await signupOrganization(t.http(), 'Stripe Collect');
    keys = newStripeKeys(fake, 'Stripe Collect SAS');
    await configureStripe(t, org, keys);
  }, 60_000);

  afterAll(async () => {
    await t?.close();
    await fake.stop();
  });

  const post = (path: string, body: object = {}) => t.http().post(path).set(org.auth).send(body);
  const invoice = async (id: string) => (await t.http().get(`/api/v1/invoices/${id}`).set(org.auth).expect(200)).body;
  const attempts = async (id: string) => (await t.http().get(`/api/v1/invoices/${id}/stripe-payments`).set(org.auth).expect(200)).body.data;
  const paymentsOf = (intentId: string) => t.sql<{ id: string; amount: string; method: string; status: string }>(`SELECT id, amount, method, status FROM payments WHERE external_ref = $1`, [intentId]);

  /** A registered customer with a validated invoice: what every collection below starts from. */
  async function collectable(net = '1234.56'): Promise<{ accountId: string; invoiceId: string; gross: string }> {
    const { accountId, bankAccountId } = await customerWithIban(t, org);
    await post(`/api/v1/accounts/${accountId}/stripe-customer`, { bankAccountId }).expect(200);
    const doc = await validatedInvoice(t, org, accountId, net);
    return { accountId, invoiceId: doc.id, gross: doc.gross };
  }

  describe('registering a customer', () => {
    it('creates the Stripe customer, a sepa_debit payment method with the IBAN and an offline mandate, each POST with an idempotency key', async () => {
      const { accountId, bankAccountId } = await customerWithIban(t, org, 'DE89370400440532013000');
      const before = fake.requests.length;
      const res = await post(`/api/v1/accounts/${accountId}/stripe-customer`, { bankAccountId, email: 'sepa@client.test' }).expect(200);
      expect(res.body).toMatchObject({ registered: true, accountId, bankAccountId, email: 'sepa@client.test', mode: 'test' });
      expect(res.body.stripeCustomerId).toMatch(/^cus_/);
      expect(res.body.paymentMethodId).toMatch(/^pm_/);
      expect(res.body.mandateId).toMatch(/^mandate_/);

      const calls = fake.requests.slice(before);
      expect(calls.map((c) => `${c.method} ${c.path}`)).toEqual(['POST /v1/customers', 'POST /v1/payment_methods', 'POST /v1/setup_intents']);
      expect(calls.every((c) => c.secretKey === keys.secretKey && c.idempotencyKey?.startsWith('comptoir:'))).toBe(true);
      expect(calls[0]!.params).toMatchObject({ email: 'sepa@client.test', metadata: { comptoir_account_id: accountId } });
      expect(calls[1]!.params).toMatchObject({ type: 'sepa_debit', sepa_debit: { iban: 'DE89370400440532013000' }, billing_details: { name: 'Client SARL' } });
      expect(calls[2]!.params).toMatchObject({ customer: res.body.stripeCustomerId, payment_method: res.body.paymentMethodId, confirm: 'true', mandate_data: { customer_acceptance: { type: 'offline' } } });

      expect((await t.http().get(`/api/v1/accounts/${accountId}/stripe-customer`).set(org.auth).expect(200)).body).toEqual(res.body);
    });

    it('updates the same Stripe customer when registered again instead of creating a second one', async () => {
      const { accountId, bankAccountId } = await customerWithIban(t, org);
      const first = await post(`/api/v1/accounts/${accountId}/stripe-customer`, { bankAccountId }).expect(200);
      const before = fake.requests.length;
      const second = await post(`/api/v1/accounts/${accountId}/stripe-customer`, { bankAccountId, email: 'new@client.test' }).expect(200);
      expect(second.body.stripeCustomerId).toBe(first.body.stripeCustomerId);
      expect(fake.requests.slice(before)[0]).toMatchObject({ method: 'POST', path: `/v1/customers/${first.body.stripeCustomerId}` });
      expect(await t.sql(`SELECT 1 FROM stripe_customers WHERE account_id = $1`, [accountId])).toHaveLength(1);
    });

    it('answers an unregistered customer with registered: false', async () => {
      const { accountId } = await customerWithIban(t, org);
      const res = await t.http().get(`/api/v1/accounts/${accountId}/stripe-customer`).set(org.auth).expect(200);
      expect(res.body).toMatchObject({ registered: false, accountId, stripeCustomerId: null });
    });

    it("refuses another customer's bank account (422 naming bankAccountId), a bad body (400) and an unknown account (404)", async () => {
      const one = await customerWithIban(t, org);
      const other = await customerWithIban(t, org);
      const wrong = await post(`/api/v1/accounts/${one.accountId}/stripe-customer`, { bankAccountId: other.bankAccountId }).expect(422);
      expect(wrong.body.errors).toEqual([expect.objectContaining({ path: 'bankAccountId' })]);
      const bad = await post(`/api/v1/accounts/${one.accountId}/stripe-customer`, { bankAccountId: 'x', email: 'not an email' }).expect(400);
      expect(bad.body.errors.map((e: { path: string }) => e.path).sort()).toEqual(['bankAccountId', 'email']);
      await post(`/api/v1/accounts/${newId()}/stripe-customer`, { bankAccountId: one.bankAccountId }).expect(404);
      expect(await t.sql(`SELECT 1 FROM stripe_customers WHERE account_id = $1`, [one.accountId])).toEqual([]);
    });

    it("passes Stripe's refusal of the IBAN on as a 422 with Stripe's message, and stores nothing", async () => {
      const { accountId, bankAccountId } = await customerWithIban(t, org);
      fake.failNext(/^\/v1\/payment_methods$/, 400, { type: 'invalid_request_error', code: 'invalid_bank_account_iban', param: 'sepa_debit[iban]', message: 'The IBAN you provided appears to be invalid.' });
      const res = await post(`/api/v1/accounts/${accountId}/stripe-customer`, { bankAccountId }).expect(422);
      expect(res.body).toMatchObject({ code: 'stripe_request_failed', detail: 'Stripe refused the request: The IBAN you provided appears to be invalid.' });
      expect(await t.sql(`SELECT 1 FROM stripe_customers WHERE account_id = $1`, [accountId])).toEqual([]);
    });
  });

  describe('collecting an invoice', () => {
    it('creates a confirmed sepa_debit PaymentIntent for the open balance in cents, key <invoice>:1, and marks the invoice collection-pending', async () => {
      const { invoiceId, gross } = await collectable('1234.56');
      expect(gross).toBe('1481.47');
      const res = await post(`/api/v1/invoices/${invoiceId}/stripe-collect`).expect(201);
      expect(res.body).toMatchObject({ invoiceId, attempt: 1, amount: '1481.47', currency: 'EUR', status: 'pending', failureMessage: null, paymentId: null });
      const [call] = fake.requestsTo('POST', /^\/v1\/payment_intents$/).slice(-1);
      expect(call!.idempotencyKey).toBe(`${invoiceId}:1`);
      expect(call!.params).toMatchObject({ amount: '148147', currency: 'eur', confirm: 'true', allowed_payment_method_types: { '0': 'sepa_debit' }, metadata: { comptoir_invoice_id: invoiceId, comptoir_attempt: '1' } });
      expect(res.body.paymentIntentId).toMatch(/^pi_/);
      expect((await invoice(invoiceId)).collectionStatus).toBe('pending');

      const again = await post(`/api/v1/invoices/${invoiceId}/stripe-collect`).expect(409);
      expect(again.body.code).toBe('collection_pending');
    });

    it('refuses invoices that cannot be debited: a draft, an unregistered customer, an unknown id', async () => {
      const { accountId } = await customerWithIban(t, org);
      const draft = await t.http().post('/api/v1/invoices').set(org.auth).send({ accountId, lines: [{ description: 'x', quantity: '1', unitPrice: '10.00', vatRate: '20.00' }] }).expect(201);
      expect((await post(`/api/v1/invoices/${draft.body.id}/stripe-collect`).expect(422)).body.code).toBe('invoice_not_payable');
      const unregistered = await validatedInvoice(t, org, accountId);
      expect((await post(`/api/v1/invoices/${unregistered.id}/stripe-collect`).expect(422)).body.code).toBe('stripe_customer_missing');
      await post(`/api/v1/invoices/${newId()}/stripe-collect`).expect(404);
      await post('/api/v1/invoices/not-a-uuid/stripe-collect').expect(400);
      expect(await attempts(unregistered.id)).toEqual([]);
    });

    it('keeps the attempt when Stripe cannot be reached (503), and the retry sends the same key and amount', async () => {
      const { invoiceId } = await collectable('100.00');
      fake.unreachable = true;
      try {
        const down = await post(`/api/v1/invoices/${invoiceId}/stripe-collect`).expect(503);
        expect(down.body.code).toBe('stripe_unavailable');
      } finally {
        fake.unreachable = false;
      }
      expect(await attempts(invoiceId)).toEqual([expect.objectContaining({ attempt: 1, status: 'pending', paymentIntentId: null })]);
      expect((await invoice(invoiceId)).collectionStatus).toBe('pending');

      const retried = await post(`/api/v1/invoices/${invoiceId}/stripe-collect`).expect(201);
      expect(retried.body).toMatchObject({ attempt: 1, status: 'pending', amount: '120.00' });
      const keys = fake.requestsTo('POST', /^\/v1\/payment_intents$/).filter((r) => r.idempotencyKey?.startsWith(invoiceId)).map((r) => r.idempotencyKey);
      expect(new Set(keys)).toEqual(new Set([`${invoiceId}:1`]));
    });

    it("fails the attempt when Stripe refuses (422 with Stripe's message), clears the flag, and the next collection is attempt 2", async () => {
      const { invoiceId } = await collectable('50.00');
      fake.failNext(/^\/v1\/payment_intents$/, 402, { type: 'card_error', code: 'payment_method_provider_decline', message: 'The payment was declined by the bank.' });
      const refused = await post(`/api/v1/invoices/${invoiceId}/stripe-collect`).expect(422);
      expect(refused.body).toMatchObject({ code: 'stripe_request_failed', detail: 'Stripe refused the request: The payment was declined by the bank.' });
      expect((await invoice(invoiceId)).collectionStatus).toBeNull();
      const second = await post(`/api/v1/invoices/${invoiceId}/stripe-collect`).expect(201);
      expect(second.body.attempt).toBe(2);
      expect(fake.requestsTo('POST', /^\/v1\/payment_intents$/).slice(-1)[0]!.idempotencyKey).toBe(`${invoiceId}:2`);
      expect((await attempts(invoiceId)).map((a: { attempt: number; status: string }) => [a.attempt, a.status])).toEqual([
        [2, 'pending'],
        [1, 'failed'],
      ]);
    });
  });

  describe('webhooks', () => {
    async function pendingCollection(net = '200.00') {
      const { invoiceId, gross, accountId } = await collectable(net);
      const res = await post(`/api/v1/invoices/${invoiceId}/stripe-collect`).expect(201);
      return { invoiceId, gross, accountId, intent: fake.paymentIntents.get(res.body.paymentIntentId as string)! };
    }

    it('records the payment of payment_intent.succeeded once, allocated to the invoice, and clears the flag; a redelivery is a duplicate', async () => {
      const { invoiceId, gross, intent } = await pendingCollection('200.00');
      const payload = stripeEvent('payment_intent.succeeded', succeededIntent(intent));
      const first = await deliver(t, org.companyId, payload, keys.webhookSecret).expect(200);
      expect(first.body).toEqual({ received: true, outcome: 'recorded' });
      const again = await deliver(t, org.companyId, payload, keys.webhookSecret).expect(200);
      expect(again.body).toEqual({ received: true, outcome: 'duplicate' });

      const payments = await paymentsOf(intent.id);
      expect(payments).toEqual([expect.objectContaining({ amount: gross, method: 'stripe', status: 'recorded' })]);
      const after = await invoice(invoiceId);
      expect(after).toMatchObject({ paymentStatus: 'paid', collectionStatus: null });
      expect((await attempts(invoiceId))[0]).toMatchObject({ status: 'succeeded', paymentId: payments[0]!.id });
    });

    it('records one payment when the same event is delivered concurrently', async () => {
      const { intent } = await pendingCollection('80.00');
      const payload = stripeEvent('payment_intent.succeeded', succeededIntent(intent));
      const answers = await Promise.all(Array.from({ length: 6 }, () => deliver(t, org.companyId, payload, keys.webhookSecret)));
      expect(answers.map((a) => a.status)).toEqual([200, 200, 200, 200, 200, 200]);
      expect(answers.filter((a) => a.body.outcome === 'recorded')).toHaveLength(1);
      expect(answers.filter((a) => a.body.outcome === 'duplicate')).toHaveLength(5);
      expect(await paymentsOf(intent.id)).toHaveLength(1);
      expect(await t.sql(`SELECT 1 FROM stripe_events WHERE object_id = $1`, [intent.id])).toHaveLength(1);
    });

    it('fails the attempt on payment_intent.payment_failed and clears the flag, so a new attempt can start', async () => {
      const { invoiceId, intent } = await pendingCollection('30.00');
      const res = await deliver(t, org.companyId, stripeEvent('payment_intent.payment_failed', failedIntent(intent)), keys.webhookSecret);
      expect(res.body).toEqual({ received: true, outcome: 'recorded' });
      expect((await attempts(invoiceId))[0]).toMatchObject({ attempt: 1, status: 'failed', failureMessage: 'The account has insufficient funds to cover this payment.' });
      expect((await invoice(invoiceId)).collectionStatus).toBeNull();
      expect(await paymentsOf(intent.id)).toEqual([]);
      expect((await post(`/api/v1/invoices/${invoiceId}/stripe-collect`).expect(201)).body.attempt).toBe(2);
    });

    it('cancels the payment and flags the invoice disputed on charge.dispute.created, once', async () => {
      const { invoiceId, intent } = await pendingCollection('60.00');
      await deliver(t, org.companyId, stripeEvent('payment_intent.succeeded', succeededIntent(intent)), keys.webhookSecret).expect(200);
      const dispute = stripeEvent('charge.dispute.created', disputeOf(intent, 'fraudulent'));
      expect((await deliver(t, org.companyId, dispute, keys.webhookSecret).expect(200)).body.outcome).toBe('recorded');
      expect((await deliver(t, org.companyId, dispute, keys.webhookSecret).expect(200)).body.outcome).toBe('duplicate');
      expect(await paymentsOf(intent.id)).toEqual([expect.objectContaining({ status: 'cancelled' })]);
      expect(await invoice(invoiceId)).toMatchObject({ recoveryStatus: 'disputed', paymentStatus: 'unpaid' });
      expect((await attempts(invoiceId))[0]).toMatchObject({ status: 'disputed' });
    });

    it('acknowledges and ignores unknown events and PaymentIntents Comptoir did not create', async () => {
      expect((await deliver(t, org.companyId, stripeEvent('customer.created', { id: 'cus_123' }), keys.webhookSecret).expect(200)).body.outcome).toBe('ignored');
      const stranger = { id: 'pi_notours', object: 'payment_intent', amount: 1000, amount_received: 1000, metadata: {}, status: 'succeeded' };
      expect((await deliver(t, org.companyId, stripeEvent('payment_intent.succeeded', stranger), keys.webhookSecret).expect(200)).body.outcome).toBe('ignored');
      expect(await paymentsOf('pi_notours')).toEqual([]);
    });

    it('refuses a missing or wrong signature (400) and another company signing for this one, recording nothing', async () => {
      const { intent } = await pendingCollection('40.00');
      const payload = stripeEvent('payment_intent.succeeded', succeededIntent(intent));
      const unsigned = await t.http().post(`/api/v1/stripe/webhooks/${org.companyId}`).set('Content-Type', 'application/json').send(payload).expect(400);
      expect(unsigned.body.code).toBe('stripe_signature_invalid');
      expect((await deliver(t, org.companyId, payload, 'whsec_notTheRightSecret').expect(400)).body.code).toBe('stripe_signature_invalid');

      // Another organisation with its own Stripe account cannot post events for this company...
      const other = await signupOrganization(t.http(), 'Stripe Other');
      const otherKeys = newStripeKeys(fake, 'Other SAS');
      await configureStripe(t, other, otherKeys);
      expect((await deliver(t, org.companyId, payload, otherKeys.webhookSecret).expect(400)).body.code).toBe('stripe_signature_invalid');
      // ...and an event about this company's PaymentIntent sent to its own endpoint changes nothing here.
      expect((await deliver(t, other.companyId, payload, otherKeys.webhookSecret).expect(200)).body.outcome).toBe('ignored');
      expect(await paymentsOf(intent.id)).toEqual([]);
    });

    it('answers 404 for a company without a webhook secret, 400 for a malformed company id', async () => {
      const payload = stripeEvent('customer.created', { id: 'cus_1' });
      await deliver(t, newId(), payload, keys.webhookSecret).expect(404);
      await t.http().post('/api/v1/stripe/webhooks/nope').send(payload).expect(400);
    });
  });
});
