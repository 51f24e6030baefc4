import { createTestApp, startTestWorker, TestApp, TestWorker } from '../support/test-app';
import { inviteAndAccept, InvitedUser } from '../auth/people';
import { createCompany, createKey, Credentials, eventually, marker, setupTenant, TestTenant } from './tenants';

/**
 * API-key scopes and user roles, through HTTP: what each key or role may read and write, revocation,
 * HTTP Basic, last-used tracking, and the rule that a key acts on its own company only.
 */

type Key = Awaited<ReturnType<typeof createKey>>;

describe('API keys and roles', () => {
  let t: TestApp;
  let worker: TestWorker;
  let org: TestTenant;
  let accountId: string;

  const http = () => t.http();
  const newAccount = async (auth: Credentials = org.auth) =>
    (await http().post('/api/v1/accounts').set(auth).send({ name: marker('Account'), roles: ['customer'] }).expect(201)).body.id as string;
  const expectForbidden = async (res: { status: number; body: { code?: string }; headers: Record<string, string> }, what: string) => {
    expect({ what, status: res.status, code: res.body.code }).toEqual({ what, status: 403, code: 'forbidden' });
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
  };

  beforeAll(async () => {
    t = await createTestApp();
    worker = await startTestWorker(t.config);
    org = await setupTenant(http, 'Keys');
    accountId = await newAccount();
  }, 60_000);

  afterAll(async () => {
    await worker?.close();
    await t?.close();
  });

  describe('scopes', () => {
    let crmRead: Key;
    let crmWrite: Key;
    let orgRead: Key;

    beforeAll(async () => {
      crmRead = await createKey(http, org.auth, ['crm:read']);
      crmWrite = await createKey(http, org.auth, ['crm:write']);
      orgRead = await createKey(http, org.auth, ['org:read']);
    });

    it('lets a crm:read key read the CRM and refuses its writes with 403 forbidden, changing nothing', async () => {
      await http().get('/api/v1/accounts').set(crmRead.auth).expect(200);
      const before = (await http().get(`/api/v1/accounts/${accountId}`).set(crmRead.auth).expect(200)).body;
      await expectForbidden(await http().post('/api/v1/accounts').set(crmRead.auth).send({ name: 'Nope', roles: ['customer'] }), 'create');
      await expectForbidden(await http().post('/api/v1/accounts/upsert').set(crmRead.auth).send({ name: 'Nope', roles: ['customer'], externalRef: 'X-1' }), 'upsert');
      await expectForbidden(await http().patch(`/api/v1/accounts/${accountId}`).set(crmRead.auth).send({ name: 'Renamed' }), 'update');
      await expectForbidden(await http().delete(`/api/v1/accounts/${accountId}`).set(crmRead.auth), 'delete');
      expect((await http().get(`/api/v1/accounts/${accountId}`).set(crmRead.auth).expect(200)).body).toEqual(before);
    });

    it('lets a crm:write key write, and read (write implies read)', async () => {
      const id = await newAccount(crmWrite.auth);
      await http().get(`/api/v1/accounts/${id}`).set(crmWrite.auth).expect(200);
      await http().patch(`/api/v1/accounts/${id}`).set(crmWrite.auth).send({ name: 'Renamed by key' }).expect(200);
      await http().delete(`/api/v1/accounts/${id}`).set(crmWrite.auth).expect(204);
      const audit = await http().get('/api/v1/audit').query({ entity: 'account', id }).set(org.auth).expect(200);
      expect(audit.body.data[0].actor).toMatchObject({ type: 'api_key', id: crmWrite.id });
    });

    it('refuses the CRM to a key without a crm scope (org:read), and org writes too', async () => {
      await expectForbidden(await http().get('/api/v1/accounts').set(orgRead.auth), 'list accounts');
      await expectForbidden(await http().get(`/api/v1/accounts/${accountId}`).set(orgRead.auth), 'get account');
      await http().get('/api/v1/companies').set(orgRead.auth).expect(200);
      await expectForbidden(await http().post('/api/v1/api-keys').set(orgRead.auth).send({ name: 'escalate', scopes: ['*'] }), 'create key');
      await expectForbidden(await http().patch(`/api/v1/companies/${org.companyId}`).set(orgRead.auth).send({ rcs: 'RCS Lyon' }), 'update company');
    });

    it('describes itself on /me: type api_key, its scopes and its company', async () => {
      const me = await http().get('/api/v1/me').set(crmRead.auth).expect(200);
      expect(me.body).toMatchObject({ type: 'api_key', id: crmRead.id, scopes: ['crm:read'], role: null, email: null, company: { id: org.companyId } });
    });

    it('refuses unknown scopes at creation and never returns the secret again', async () => {
      const bad = await http().post('/api/v1/api-keys').set(org.auth).send({ name: 'bad', scopes: ['crm:admin'] }).expect(400);
      expect(bad.body.code).toBe('validation_failed');
      const list = await http().get('/api/v1/api-keys').set(org.auth).expect(200);
      const listed = list.body.data.find((k: { id: string }) => k.id === crmRead.id);
      expect(listed).toMatchObject({ publicId: crmRead.publicId, scopes: ['crm:read'] });
      expect(JSON.stringify(list.body)).not.toContain(crmRead.secret);
      const [row] = await t.sql<{ secret_digest: string }>(`SELECT secret_digest FROM api_keys WHERE id = $1`, [crmRead.id]);
      expect(row!.secret_digest).not.toContain(crmRead.secret);
    });
  });

  it('accepts HTTP Basic with the public id as user and the secret as password', async () => {
    const key = await createKey(http, org.auth, ['crm:read']);
    const me = await http().get('/api/v1/me').auth(key.publicId, key.secret).expect(200);
    expect(me.body).toMatchObject({ type: 'api_key', id: key.id });
    await http().get('/api/v1/accounts').auth(key.publicId, key.secret).expect(200);
    const wrong = await http().get('/api/v1/me').auth(key.publicId, `${key.secret}x`).expect(401);
    expect(wrong.body.code).toBe('unauthenticated');
    await http().get('/api/v1/me').auth(org.key.publicId, key.secret).expect(401); // another key's public id
  });

  it('refuses a revoked key at once (401), by bearer and by Basic, and only that key', async () => {
    const key = await createKey(http, org.auth, ['crm:read']);
    const other = await createKey(http, org.auth, ['crm:read']);
    await http().get('/api/v1/me').set(key.auth).expect(200);
    const revoked = await http().post(`/api/v1/api-keys/${key.id}/revoke`).set(org.auth).expect(200);
    expect(revoked.body.revokedAt).toEqual(expect.any(String));
    const res = await http().get('/api/v1/me').set(key.auth).expect(401);
    expect(res.body.code).toBe('unauthenticated');
    await http().get('/api/v1/accounts').auth(key.publicId, key.secret).expect(401);
    await http().get('/api/v1/me').set(other.auth).expect(200);
    // Revoking twice is harmless.
    await http().post(`/api/v1/api-keys/${key.id}/revoke`).set(org.auth).expect(200);
  });

  it('records when a key was last used', async () => {
    const key = await createKey(http, org.auth, ['crm:read']);
    const listed = async () => ((await http().get('/api/v1/api-keys').set(org.auth).expect(200)).body.data as { id: string; lastUsedAt: string | null }[]).find((k) => k.id === key.id)!;
    expect((await listed()).lastUsedAt).toBeNull();
    const before = Date.now();
    await http().get('/api/v1/accounts').set(key.auth).expect(200);
    const lastUsedAt = await eventually(async () => (await listed()).lastUsedAt ?? undefined, 'lastUsedAt to be recorded');
    expect(new Date(lastUsedAt).getTime()).toBeGreaterThanOrEqual(before - 1000);
    expect(new Date(lastUsedAt).getTime()).toBeLessThanOrEqual(Date.now() + 1000);
  });

  it('acts on its own company only: naming another company, even of its organisation, is 403', async () => {
    const second = await createCompany(http, org.auth, 'Second');
    const key = await createKey(http, { ...org.auth, 'Comptoir-Company': second.id }, ['crm:write']);
    const me = await http().get('/api/v1/me').set(key.auth).expect(200);
    expect(me.body.company.id).toBe(second.id);
    await http().get('/api/v1/me').set({ ...key.auth, 'Comptoir-Company': second.id }).expect(200);
    await expectForbidden(await http().get('/api/v1/accounts').set({ ...key.auth, 'Comptoir-Company': org.companyId }), 'first company');
    await expectForbidden(await http().post('/api/v1/accounts').set({ ...key.auth, 'Comptoir-Company': org.companyId }).send({ name: 'Misplaced', roles: ['customer'] }), 'create');
    // What it creates lands in its company, invisible from the first one.
    const id = await newAccount(key.auth);
    await http().get(`/api/v1/accounts/${id}`).set({ ...org.auth, 'Comptoir-Company': second.id }).expect(200);
    await http().get(`/api/v1/accounts/${id}`).set(org.auth).expect(404);
    await http().get(`/api/v1/accounts/${accountId}`).set(key.auth).expect(404);
    expect((await t.sql<{ n: number }>(`SELECT count(*)::int AS n FROM accounts WHERE name = 'Misplaced'`))[0]!.n).toBe(0);
  });

  describe('roles', () => {
    let sales: InvitedUser;
    let planner: InvitedUser;
    let accountant: InvitedUser;
    let manager: InvitedUser;

    beforeAll(async () => {
      sales = await inviteAndAccept(t, worker, org.auth, 'sales');
      planner = await inviteAndAccept(t, worker, org.auth, 'planner');
      accountant = await inviteAndAccept(t, worker, org.auth, 'accountant');
      manager = await inviteAndAccept(t, worker, org.auth, 'manager');
    }, 60_000);

    it('refuses settings to a sales user: no API keys, invitations, roles or companies (403)', async () => {
      await expectForbidden(await http().post('/api/v1/api-keys').set(sales.auth).send({ name: 'mine', scopes: ['crm:read'] }), 'create key');
      await expectForbidden(await http().post(`/api/v1/api-keys/${org.key.id}/revoke`).set(sales.auth), 'revoke key');
      await expectForbidden(await http().post('/api/v1/invitations').set(sales.auth).send({ email: 'friend@example.test', role: 'admin' }), 'invite');
      await expectForbidden(await http().put(`/api/v1/users/${sales.id}/role`).set(sales.auth).send({ role: 'admin' }), 'promote self');
      await expectForbidden(await http().post('/api/v1/companies').set(sales.auth).send({ legalName: 'Side SAS', siren: '732829320' }), 'create company');
      await expectForbidden(await http().patch(`/api/v1/companies/${org.companyId}`).set(sales.auth).send({ rcs: 'RCS Paris' }), 'update company');
      await expectForbidden(await http().get('/api/v1/admin/queue').set(sales.auth), 'queue admin');
      // ...but can see the organisation and work the CRM.
      await http().get('/api/v1/api-keys').set(sales.auth).expect(200);
      await http().get('/api/v1/users').set(sales.auth).expect(200);
      await newAccount(sales.auth);
      const me = await http().get('/api/v1/me').set(sales.auth).expect(200);
      expect(me.body).toMatchObject({ role: 'sales', scopes: expect.arrayContaining(['crm:write']) });
      const keys = await t.sql<{ n: number }>(`SELECT count(*)::int AS n FROM api_keys WHERE name = 'mine'`);
      expect(keys[0]!.n).toBe(0);
    });

    it('lets a planner and an accountant read the CRM but not write it', async () => {
      for (const user of [planner, accountant]) {
        await http().get('/api/v1/accounts').set(user.auth).expect(200);
        await expectForbidden(await http().post('/api/v1/accounts').set(user.auth).send({ name: 'Nope', roles: ['customer'] }), 'create account');
        await expectForbidden(await http().patch(`/api/v1/accounts/${accountId}`).set(user.auth).send({ name: 'Nope' }), 'update account');
      }
    });

    it('keeps API keys to administrators: a manager writes the CRM but cannot create a key', async () => {
      await newAccount(manager.auth);
      await expectForbidden(await http().post('/api/v1/api-keys').set(manager.auth).send({ name: 'mgr', scopes: ['crm:read'] }), 'create key');
    });

    it('applies a role change and a removal on the next request', async () => {
      const user = await inviteAndAccept(t, worker, org.auth, 'sales');
      await newAccount(user.auth);
      await http().put(`/api/v1/users/${user.id}/role`).set(org.auth).send({ role: 'planner' }).expect(200);
      await expectForbidden(await http().post('/api/v1/accounts').set(user.auth).send({ name: 'Late', roles: ['customer'] }), 'create after demotion');
      await http().delete(`/api/v1/users/${user.id}/role`).set(org.auth).expect(204);
      await expectForbidden(await http().get('/api/v1/accounts').set(user.auth), 'read after removal');
    });

    it('keeps at least one administrator', async () => {
      const res = await http().put(`/api/v1/users/${org.userId}/role`).set(org.auth).send({ role: 'sales' }).expect(422);
      expect(res.body.code).toBe('last_admin');
      await http().get('/api/v1/api-keys').set(org.auth).expect(200);
    });
  });
});
