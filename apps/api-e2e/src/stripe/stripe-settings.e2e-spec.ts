import { signupOrganization, SignedUpOrg } from '../support/fixtures';
import { createTestApp, TestApp } from '../support/test-app';
import { FakeStripe } from './fake-stripe';
import { newStripeKeys } from './stripe-support';

/**
 * Stripe settings through the API against the fake Stripe server: keys validated by prefix, sealed at
 * rest (never returned, never in the audit trail), the mode read from the key, the connection test.
 */
describe('Stripe settings: keys sealed at rest, never returned, tested against Stripe', () => {
  const fake = new FakeStripe();
  let t: TestApp;
  let org: SignedUpOrg;

  beforeAll(async () => {
    await fake.start();
    t = await createTestApp({ stripeApiUrl: fake.url, publicUrl: 'https://comptoir.example' });
    org = await signupOrganization(t.http(), 'Stripe Settings');
  }, 60_000);

  afterAll(async () => {
    await t?.close();
    await fake.stop();
  });

  const get = () => t.http().get('/api/v1/stripe/settings').set(org.auth);
  const put = (body: object) => t.http().put('/api/v1/stripe/settings').set(org.auth).send(body);
  const test = () => t.http().post('/api/v1/stripe/settings/test').set(org.auth).send({});

  it('starts unconfigured, with the webhook URL to declare in Stripe; the test says so with a 422', async () => {
    const res = await get().expect(200);
    expect(res.body).toEqual({
      configured: false,
      mode: null,
      publishableKey: null,
      secretKeyLast4: null,
      webhookUrl: `https://comptoir.example/api/v1/stripe/webhooks/${org.companyId}`,
      webhookSecretConfigured: false,
      updatedAt: null,
    });
    const refused = await test().expect(422);
    expect(refused.body.code).toBe('stripe_not_configured');
  });

  it('refuses keys of the wrong kind or of mixed modes, naming each field, and stores nothing', async () => {
    const bad = await put({ secretKey: 'pk_test_0123456789abcdef', publishableKey: 'sk_test_0123456789abcdef', webhookSecret: 'secret' }).expect(400);
    expect(bad.body.code).toBe('validation_failed');
    expect(bad.body.errors.map((e: { path: string }) => e.path).sort()).toEqual(['publishableKey', 'secretKey', 'webhookSecret']);
    const mixed = await put({ secretKey: 'sk_live_0123456789abcdef', publishableKey: 'pk_test_0123456789abcdef' }).expect(400);
    expect(mixed.body.errors).toEqual([{ path: 'publishableKey', message: 'publishableKey is a test key but secretKey is a live key' }]);
    const missing = await put({ publishableKey: 'pk_test_0123456789abcdef' }).expect(400);
    expect(missing.body.errors.map((e: { path: string }) => e.path)).toContain('secretKey');
    expect(await t.sql(`SELECT 1 FROM stripe_settings WHERE company_id = $1`, [org.companyId])).toEqual([]);
  });

  it('seals the keys: the answer, the row and the audit trail show the last four characters only', async () => {
    const keys = newStripeKeys(fake, 'Boulangerie Martin');
    const res = await put(keys).expect(200);
    expect(res.body).toMatchObject({ configured: true, mode: 'test', publishableKey: keys.publishableKey, secretKeyLast4: keys.secretKey.slice(-4), webhookSecretConfigured: true });
    expect(JSON.stringify(res.body)).not.toContain(keys.secretKey);
    expect(JSON.stringify(res.body)).not.toContain(keys.webhookSecret);
    expect((await get().expect(200)).body).toEqual(res.body);

    const stored = await t.sql(`SELECT row_to_json(s)::text AS row FROM stripe_settings s WHERE company_id = $1`, [org.companyId]);
    const audit = await t.sql(`SELECT string_agg(changes::text, ' ') AS text FROM audit_entries WHERE company_id = $1 AND entity = 'stripe_settings'`, [org.companyId]);
    for (const text of [String(stored[0]!['row']), String(audit[0]!['text'])]) {
      expect(text).not.toContain(keys.secretKey);
      expect(text).not.toContain(keys.webhookSecret);
    }
    expect(String(stored[0]!['row'])).toMatch(/"secret_key_sealed":"sb1\./);
    const trail = await t.http().get('/api/v1/audit').query({ entity: 'stripe_settings', id: org.companyId }).set(org.auth).expect(200);
    expect(JSON.stringify(trail.body)).toContain(keys.secretKey.slice(-4));
    expect(JSON.stringify(trail.body)).not.toContain(keys.secretKey);
  });

  it('tests the connection with GET /v1/account and the company key, and answers with the account name', async () => {
    const keys = newStripeKeys(fake, 'Menuiserie Leroy');
    await put(keys).expect(200);
    const res = await test().expect(200);
    expect(res.body).toEqual({ ok: true, mode: 'test', accountName: 'Menuiserie Leroy' });
    const [call] = fake.requestsTo('GET', /^\/v1\/account$/).slice(-1);
    expect(call!.secretKey).toBe(keys.secretKey);
  });

  it('keeps the webhook secret when the keys are replaced without one, and reads live mode from a live key', async () => {
    const live = { secretKey: 'sk_live_0123456789abcdefXYZ9', publishableKey: 'pk_live_0123456789abcdefXYZ9' };
    const res = await put(live).expect(200);
    expect(res.body).toMatchObject({ mode: 'live', secretKeyLast4: 'XYZ9', webhookSecretConfigured: true });
  });

  it("reports Stripe's refusal of a key as 422 stripe_connection_failed with Stripe's (masked) message", async () => {
    const unknown = 'sk_test_unknownKey0123456789abcd';
    await put({ secretKey: unknown, publishableKey: 'pk_test_0123456789abcdef' }).expect(200);
    const res = await test().expect(422);
    expect(res.body.code).toBe('stripe_connection_failed');
    expect(res.body.detail).toContain('Invalid API Key provided');
    expect(res.text).not.toContain(unknown);
  });

  it('reports an unreachable Stripe as 422 stripe_connection_failed too, never a 5xx', async () => {
    const keys = newStripeKeys(fake, 'Down');
    await put(keys).expect(200);
    fake.unreachable = true;
    try {
      const res = await test().expect(422);
      expect(res.body.code).toBe('stripe_connection_failed');
      expect(res.body.detail).toMatch(/could not be reached/);
    } finally {
      fake.unreachable = false;
    }
  });

  it('keeps the keys to roles with banking rights: an API key without banking scope gets 403', async () => {
    const key = await t.http().post('/api/v1/api-keys').set(org.auth).send({ name: 'crm only', scopes: ['crm:read'] }).expect(201);
    const auth = { Authorization: `Bearer ${key.body.token}` };
    await t.http().get('/api/v1/stripe/settings').set(auth).expect(403);
    await t.http().put('/api/v1/stripe/settings').set(auth).send(newStripeKeys(fake, 'x')).expect(403);
  });
});
