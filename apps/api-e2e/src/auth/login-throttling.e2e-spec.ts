import { createTestApp, TestApp } from '../support/test-app';
import { signupOrganization, SignedUpOrg } from '../support/fixtures';

/**
 * Guessing a password is slowed down twice: the login route is throttled per client address and
 * email (429 `rate_limited` after 10 tries a minute), and the account locks itself after 10 failures
 * whatever address they come from.
 */
describe('Login throttling', () => {
  let t: TestApp;
  let victim: SignedUpOrg;
  let colleague: SignedUpOrg;
  const PASSWORD = 'correct horse battery';

  beforeAll(async () => {
    t = await createTestApp();
    victim = await signupOrganization(t.http(), 'Victim');
    colleague = await signupOrganization(t.http(), 'Colleague');
  }, 60_000);

  afterAll(async () => {
    await t?.close();
  });

  const login = (email: string, password: string, from = '203.0.113.7') =>
    t.http().post('/api/v1/auth/login').set('X-Forwarded-For', from).send({ email, password });

  it('answers 429 rate_limited to the 11th rapid bad login for one email, and lets other emails from the same address in', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 10; i++) {
      const res = await login(victim.email, `wrong password ${i}`);
      statuses.push(res.status);
      expect(res.body.code).toBe('unauthenticated');
    }
    expect(statuses).toEqual(Array(10).fill(401));

    const eleventh = await login(victim.email, 'wrong password 11');
    expect(eleventh.status).toBe(429);
    expect(eleventh.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(eleventh.body).toMatchObject({ status: 429, code: 'rate_limited' });
    expect(Number(eleventh.headers['retry-after'])).toBeGreaterThan(0);
    // The same email in another case is the same account: still throttled.
    expect((await login(victim.email.toUpperCase(), PASSWORD)).status).toBe(429);

    // One person's typos do not lock out the office: another account from the same address signs in.
    const other = await login(colleague.email, PASSWORD);
    expect(other.status).toBe(200);
  });

  it('locks the account after 10 failures, even for the right password from another address', async () => {
    const locked = await login(victim.email, PASSWORD, '198.51.100.23');
    expect(locked.status).toBe(401);
    expect(locked.body).toMatchObject({ code: 'unauthenticated', detail: expect.stringMatching(/too many/i) });
    // Sessions opened before the attack keep working.
    await t.http().get('/api/v1/me').set(victim.auth).expect(200);
  });
});
