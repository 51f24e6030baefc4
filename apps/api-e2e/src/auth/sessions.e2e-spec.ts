import { createTestApp, TestApp } from '../support/test-app';
import { signupOrganization } from '../support/fixtures';

/** Sessions: bearer token and httpOnly cookie, and a logout that takes effect at once. */
describe('Sessions', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
  }, 60_000);

  afterAll(async () => {
    await t?.close();
  });

  it('ends a bearer session on logout at once: the token is refused on the very next request', async () => {
    const org = await signupOrganization(t.http(), 'Logout');
    await t.http().get('/api/v1/me').set(org.auth).expect(200); // the session is now cached by the API
    await t.http().post('/api/v1/auth/logout').set(org.auth).expect(204);
    const res = await t.http().get('/api/v1/me').set(org.auth).expect(401);
    expect(res.body.code).toBe('unauthenticated');
  });

  it('signs in with the httpOnly cookie alone, and logout clears and ends it', async () => {
    const org = await signupOrganization(t.http(), 'Cookie');
    const agent = t.http();
    const login = await agent.post('/api/v1/auth/login').send({ email: org.email, password: 'correct horse battery' }).expect(200);
    const cookie = String(login.headers['set-cookie']?.[0]);
    expect(cookie).toMatch(/comptoir_session=cps_[^;]+;.*HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Strict/i);
    const me = await agent.get('/api/v1/me').expect(200);
    expect(me.body.id).toBe(org.userId);
    const out = await agent.post('/api/v1/auth/logout').expect(204);
    expect(String(out.headers['set-cookie']?.[0])).toMatch(/comptoir_session=;/);
    const token = /comptoir_session=([^;]+)/.exec(cookie)![1]!;
    await t.http().get('/api/v1/me').set('Cookie', `comptoir_session=${token}`).expect(401);
    await t.http().get('/api/v1/me').set({ Authorization: `Bearer ${token}` }).expect(401);
  });

  it('refuses requests without credentials, or with an unknown token, with 401 problem documents', async () => {
    for (const headers of [{}, { Authorization: 'Bearer cps_unknown-token' }, { Authorization: 'Bearer cpk_unknown.secret' }]) {
      const res = await t.http().get('/api/v1/accounts').set(headers).expect(401);
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(res.body.code).toBe('unauthenticated');
    }
  });
});
