import { createTestApp, startTestWorker, TestApp, TestWorker } from '../support/test-app';
import { randomSiren, signupOrganization, SignedUpOrg } from '../support/fixtures';

describe('CRM accounts API', () => {
  let t: TestApp;
  let worker: TestWorker;
  let org: SignedUpOrg;

  beforeAll(async () => {
    t = await createTestApp();
    worker = await startTestWorker(t.config);
    org = await signupOrganization(t.http(), 'Acme');
  });

  afterAll(async () => {
    await worker.close();
    await t.close();
  });

  it('creates an account, reads it back and lists it through search', async () => {
    const siren = randomSiren();
    const created = await t
      .http()
      .post('/api/v1/accounts')
      .set(org.auth)
      .send({ name: 'Société Générale des Eaux', roles: ['customer'], siren, email: 'Compta@SGE.fr', billingAddress: { line1: '1 rue X', postalCode: '69001', city: 'Lyon', country: 'FR' } })
      .expect(201);
    expect(created.body).toMatchObject({ name: 'Société Générale des Eaux', siren, email: 'compta@sge.fr', roles: ['customer'] });

    const fetched = await t.http().get(`/api/v1/accounts/${created.body.id}`).set(org.auth).expect(200);
    expect(fetched.body.id).toBe(created.body.id);

    const found = await t.http().get('/api/v1/accounts').query({ q: 'generale' }).set(org.auth).expect(200);
    expect(found.body.data.map((a: { id: string }) => a.id)).toEqual([created.body.id]);
    const byCity = await t.http().get('/api/v1/accounts').query({ q: 'LYON' }).set(org.auth).expect(200);
    expect(byCity.body.data.map((a: { id: string }) => a.id)).toContain(created.body.id);
  });

  it('refuses an invalid SIREN with a problem document naming the field, and writes nothing', async () => {
    const before = await t.http().get('/api/v1/accounts').set(org.auth).expect(200);
    const res = await t.http().post('/api/v1/accounts').set(org.auth).send({ name: 'Bad', roles: ['customer'], siren: '123456789' }).expect(400);
    expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(res.body).toMatchObject({ status: 400, code: 'validation_failed' });
    expect(res.body.errors).toEqual([{ path: 'siren', message: expect.stringContaining('Luhn') }]);
    const after = await t.http().get('/api/v1/accounts').set(org.auth).expect(200);
    expect(after.body.data).toHaveLength(before.body.data.length);
  });

  it('answers every field on create (null when unset), and refuses null for fields that cannot be cleared', async () => {
    const created = await t.http().post('/api/v1/accounts').set(org.auth).send({ name: 'Minimal', roles: ['prospect'] }).expect(201);
    const fetched = await t.http().get(`/api/v1/accounts/${created.body.id}`).set(org.auth).expect(200);
    expect(created.body).toEqual(fetched.body);
    expect(created.body).toMatchObject({ siren: null, email: null, billingAddress: null, notes: null, externalRef: null });

    const res = await t.http().patch(`/api/v1/accounts/${created.body.id}`).set(org.auth).send({ name: null, tags: null, notes: null }).expect(400);
    expect(res.body.errors).toEqual([
      { path: 'name', message: 'name cannot be null' },
      { path: 'tags', message: 'tags cannot be null' },
    ]);
    const cleared = await t.http().patch(`/api/v1/accounts/${created.body.id}`).set(org.auth).send({ email: 'a@b.fr' }).expect(200);
    expect(cleared.body.email).toBe('a@b.fr');
    expect((await t.http().patch(`/api/v1/accounts/${created.body.id}`).set(org.auth).send({ email: null }).expect(200)).body.email).toBeNull();
  });

  it('pages through a sorted list with cursors, without gaps or repeats', async () => {
    const fresh = await signupOrganization(t.http(), 'Pager');
    const names = Array.from({ length: 23 }, (_, i) => `Client ${String(i).padStart(2, '0')}`);
    for (const name of names) await t.http().post('/api/v1/accounts').set(fresh.auth).send({ name, roles: ['customer'] }).expect(201);
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { body: { data: { name: string }[]; nextCursor: string | null } } = await t
        .http()
        .get('/api/v1/accounts')
        .query({ limit: 5, sort: '-name', ...(cursor ? { cursor } : {}) })
        .set(fresh.auth)
        .expect(200);
      seen.push(...page.body.data.map((a) => a.name));
      cursor = page.body.nextCursor;
    } while (cursor);
    expect(seen).toEqual([...names].reverse());

    const matched: string[] = [];
    cursor = null;
    do {
      const page: { body: { data: { name: string }[]; nextCursor: string | null } } = await t
        .http()
        .get('/api/v1/accounts')
        .query({ q: 'client 1', limit: 3, ...(cursor ? { cursor } : {}) })
        .set(fresh.auth)
        .expect(200);
      matched.push(...page.body.data.map((a) => a.name));
      cursor = page.body.nextCursor;
    } while (cursor);
    expect(matched).toEqual(names.filter((n) => n.startsWith('Client 1')));
  });

  it('upserts by external reference, then SIREN, then email', async () => {
    const first = await t.http().post('/api/v1/accounts/upsert').set(org.auth).send({ name: 'Zap 1', roles: ['prospect'], externalRef: 'ZAP-1' }).expect(201);
    expect(first.body).toMatchObject({ outcome: 'created', matchedBy: null });
    const again = await t.http().post('/api/v1/accounts/upsert').set(org.auth).send({ name: 'Zap One', roles: ['customer'], externalRef: 'ZAP-1' }).expect(200);
    expect(again.body).toMatchObject({ id: first.body.id, name: 'Zap One', roles: ['customer'], outcome: 'updated', matchedBy: 'externalRef' });

    const siren = randomSiren();
    const bySiren = await t.http().post('/api/v1/accounts').set(org.auth).send({ name: 'S', roles: ['customer'], siren }).expect(201);
    const matched = await t.http().post('/api/v1/accounts/upsert').set(org.auth).send({ name: 'S2', roles: ['customer'], siren }).expect(200);
    expect(matched.body).toMatchObject({ id: bySiren.body.id, matchedBy: 'siren' });

    const byEmail = await t.http().post('/api/v1/accounts').set(org.auth).send({ name: 'E', roles: ['customer'], email: 'hello@e.fr' }).expect(201);
    const emailMatch = await t.http().post('/api/v1/accounts/upsert').set(org.auth).send({ name: 'E2', roles: ['customer'], email: 'HELLO@e.fr' }).expect(200);
    expect(emailMatch.body).toMatchObject({ id: byEmail.body.id, matchedBy: 'email' });

    await t.http().post('/api/v1/accounts/upsert').set(org.auth).send({ name: 'None', roles: ['customer'] }).expect(400);
  });

  it('records who changed which fields in the audit trail, and writes the timeline through the worker', async () => {
    const created = await t.http().post('/api/v1/accounts').set(org.auth).send({ name: 'Audit Me', roles: ['customer'] }).expect(201);
    await t.http().patch(`/api/v1/accounts/${created.body.id}`).set(org.auth).send({ name: 'Audited', tags: ['vip'] }).expect(200);
    const audit = await t.http().get('/api/v1/audit').query({ entity: 'account', id: created.body.id }).set(org.auth).expect(200);
    expect(audit.body.data.map((e: { action: string }) => e.action)).toEqual(['update', 'create']);
    expect(audit.body.data[0].changes).toEqual({ name: { from: 'Audit Me', to: 'Audited' }, tags: { from: [], to: ['vip'] } });
    expect(audit.body.data[0].actor).toMatchObject({ type: 'user', id: org.userId });

    await worker.drain();
    await worker.drain(); // a second delivery of the same events must change nothing
    const timeline = await t.sql<{ title: string }>(`SELECT title FROM activities WHERE account_id = $1 AND type = 'system' ORDER BY created_at`, [created.body.id]);
    expect(timeline.map((r) => r.title)).toEqual(['Compte créé', 'Compte modifié : name, tags']);
  });

  it('soft-deletes: the account answers 404 afterwards and leaves the lists', async () => {
    const created = await t.http().post('/api/v1/accounts').set(org.auth).send({ name: 'Doomed', roles: ['customer'] }).expect(201);
    await t.http().delete(`/api/v1/accounts/${created.body.id}`).set(org.auth).expect(204);
    await t.http().get(`/api/v1/accounts/${created.body.id}`).set(org.auth).expect(404);
    const list = await t.http().get('/api/v1/accounts').query({ q: 'doomed' }).set(org.auth).expect(200);
    expect(list.body.data).toEqual([]);
  });
});
