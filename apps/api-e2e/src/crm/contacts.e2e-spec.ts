import { createTestApp, TestApp } from '../support/test-app';
import { signupOrganization, SignedUpOrg } from '../support/fixtures';

interface Contact {
  id: string;
  accountId: string;
  firstName: string | null;
  lastName: string;
  isPrimary: boolean;
  email: string | null;
  updatedAt: string;
}

describe('CRM contacts API', () => {
  let t: TestApp;
  let org: SignedUpOrg;
  let other: SignedUpOrg;

  beforeAll(async () => {
    t = await createTestApp();
    org = await signupOrganization(t.http(), 'Acme');
    other = await signupOrganization(t.http(), 'Rival');
  });

  afterAll(async () => {
    await t.close();
  });

  const newAccount = async (who: SignedUpOrg = org, name = 'Boulangerie Martin'): Promise<string> =>
    (await t.http().post('/api/v1/accounts').set(who.auth).send({ name, roles: ['customer'] }).expect(201)).body.id;

  const addContact = async (accountId: string, body: Record<string, unknown>, who: SignedUpOrg = org): Promise<Contact> =>
    (await t.http().post(`/api/v1/accounts/${accountId}/contacts`).set(who.auth).send(body).expect(201)).body;

  const primaries = async (accountId: string): Promise<string[]> => {
    const list = await t.http().get(`/api/v1/accounts/${accountId}/contacts`).set(org.auth).expect(200);
    return (list.body.data as Contact[]).filter((c) => c.isPrimary).map((c) => c.id);
  };

  it("creates a contact under an account, reads it back and lists it with the account's contacts", async () => {
    const accountId = await newAccount();
    const created = await t
      .http()
      .post(`/api/v1/accounts/${accountId}/contacts`)
      .set(org.auth)
      .send({ civility: 'Mme', firstName: 'Camille', lastName: 'Martin', jobTitle: 'Gérante', email: 'Camille@Martin.FR', phone: '+33 1 23 45 67 89' })
      .expect(201);
    expect(created.body).toEqual({
      id: expect.any(String),
      accountId,
      civility: 'Mme',
      firstName: 'Camille',
      lastName: 'Martin',
      jobTitle: 'Gérante',
      email: 'camille@martin.fr',
      phone: '+33 1 23 45 67 89',
      mobile: null,
      isPrimary: false,
      notes: null,
      createdAt: expect.any(String),
      updatedAt: expect.any(String),
    });

    const fetched = await t.http().get(`/api/v1/contacts/${created.body.id}`).set(org.auth).expect(200);
    expect(fetched.body).toEqual(created.body);

    const list = await t.http().get(`/api/v1/accounts/${accountId}/contacts`).set(org.auth).expect(200);
    expect(list.body).toEqual({ data: [created.body], nextCursor: null });
  });

  it('refuses invalid bodies with a problem document naming each field, and writes nothing', async () => {
    const accountId = await newAccount();
    const res = await t.http().post(`/api/v1/accounts/${accountId}/contacts`).set(org.auth).send({ firstName: 'Sans nom', email: 'not-an-email', phone: 'call me' }).expect(400);
    expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(res.body).toMatchObject({ status: 400, code: 'validation_failed' });
    expect([...new Set(res.body.errors.map((e: { path: string }) => e.path))].sort()).toEqual(['email', 'lastName', 'phone']);
    expect(res.body.errors).toContainEqual({ path: 'lastName', message: 'lastName must be a string' });

    const unknown = await t.http().post(`/api/v1/accounts/${accountId}/contacts`).set(org.auth).send({ lastName: 'X', accountId }).expect(400);
    expect(unknown.body.errors).toEqual([{ path: 'accountId', message: 'accountId is not a known field' }]);

    const badId = await t.http().post('/api/v1/accounts/not-a-uuid/contacts').set(org.auth).send({ lastName: 'X' }).expect(400);
    expect(badId.body.errors).toEqual([{ path: 'id', message: 'id must be a UUID' }]);

    const list = await t.http().get(`/api/v1/accounts/${accountId}/contacts`).set(org.auth).expect(200);
    expect(list.body.data).toEqual([]);

    const contact = await addContact(accountId, { lastName: 'Durand', notes: 'x' });
    const cleared = await t.http().patch(`/api/v1/contacts/${contact.id}`).set(org.auth).send({ lastName: null }).expect(400);
    expect(cleared.body.errors.map((e: { path: string }) => e.path)).toContain('lastName');
    const isPrimaryNull = await t.http().patch(`/api/v1/contacts/${contact.id}`).set(org.auth).send({ isPrimary: null }).expect(400);
    expect(isPrimaryNull.body.errors.map((e: { path: string }) => e.path)).toEqual(['isPrimary']);
    const notesCleared = await t.http().patch(`/api/v1/contacts/${contact.id}`).set(org.auth).send({ notes: null, firstName: 'Paul' }).expect(200);
    expect(notesCleared.body).toMatchObject({ notes: null, firstName: 'Paul', lastName: 'Durand' });
  });

  it('keeps one primary contact per account: making one primary clears the others, with audit entries', async () => {
    const accountId = await newAccount();
    const first = await addContact(accountId, { lastName: 'Alpha', isPrimary: true });
    expect(first.isPrimary).toBe(true);
    const second = await addContact(accountId, { lastName: 'Bravo', isPrimary: true });
    expect(await primaries(accountId)).toEqual([second.id]);

    const third = await addContact(accountId, { lastName: 'Charlie' });
    const promoted = await t.http().patch(`/api/v1/contacts/${third.id}`).set(org.auth).send({ isPrimary: true }).expect(200);
    expect(promoted.body.isPrimary).toBe(true);
    expect(await primaries(accountId)).toEqual([third.id]);

    const audit = await t.http().get('/api/v1/audit').query({ entity: 'contact', id: second.id }).set(org.auth).expect(200);
    expect(audit.body.data.map((e: { action: string }) => e.action)).toEqual(['update', 'create']);
    expect(audit.body.data[0].changes).toEqual({ isPrimary: { from: true, to: false } });

    // Another account's primary is untouched.
    const otherAccount = await newAccount(org, 'Garage Petit');
    const elsewhere = await addContact(otherAccount, { lastName: 'Delta', isPrimary: true });
    expect(await primaries(accountId)).toEqual([third.id]);
    expect((await t.http().get(`/api/v1/contacts/${elsewhere.id}`).set(org.auth).expect(200)).body.isPrimary).toBe(true);

    // Concurrent promotions still leave exactly one primary.
    const racers = await Promise.all(['E1', 'E2', 'E3', 'E4'].map((lastName) => addContact(accountId, { lastName })));
    await Promise.all(racers.map((c) => t.http().patch(`/api/v1/contacts/${c.id}`).set(org.auth).send({ isPrimary: true }).expect(200)));
    expect(await primaries(accountId)).toHaveLength(1);

    const [counted] = await t.sql<{ count: string }>(`SELECT count(*) FROM contacts WHERE account_id = $1 AND is_primary`, [accountId]);
    expect(counted?.count).toBe('1');
  });

  it('answers 404 for the accounts and contacts of another tenant, and for deleted accounts', async () => {
    const theirAccount = await newAccount(other, 'Leur client');
    const theirContact = await addContact(theirAccount, { lastName: 'Secret' }, other);

    for (const req of [
      t.http().get(`/api/v1/accounts/${theirAccount}/contacts`),
      t.http().post(`/api/v1/accounts/${theirAccount}/contacts`).send({ lastName: 'Intrus' }),
      t.http().get(`/api/v1/contacts/${theirContact.id}`),
      t.http().patch(`/api/v1/contacts/${theirContact.id}`).send({ lastName: 'Hacked' }),
      t.http().delete(`/api/v1/contacts/${theirContact.id}`),
    ]) {
      const res = await req.set(org.auth).expect(404);
      expect(res.body).toMatchObject({ status: 404, code: 'not_found' });
    }
    const intact = await t.http().get(`/api/v1/contacts/${theirContact.id}`).set(other.auth).expect(200);
    expect(intact.body.lastName).toBe('Secret');
    const mine = await t.http().get('/api/v1/contacts').set(org.auth).expect(200);
    expect(mine.body.data.map((c: Contact) => c.id)).not.toContain(theirContact.id);

    const accountId = await newAccount(org, 'Fermé');
    const contact = await addContact(accountId, { lastName: 'Gone' });
    await t.http().delete(`/api/v1/accounts/${accountId}`).set(org.auth).expect(204);
    await t.http().get(`/api/v1/accounts/${accountId}/contacts`).set(org.auth).expect(404);
    await t.http().post(`/api/v1/accounts/${accountId}/contacts`).set(org.auth).send({ lastName: 'Late' }).expect(404);
    await t.http().get(`/api/v1/contacts/${contact.id}`).set(org.auth).expect(404);
  });

  it('pages by last name with cursors, searches without accents, and filters by updatedSince', async () => {
    const accountId = await newAccount(org, 'Grand Compte');
    const names = Array.from({ length: 12 }, (_, i) => `Nom${String(i).padStart(2, '0')}`);
    for (const lastName of [...names].reverse()) await addContact(accountId, { lastName });
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { body: { data: Contact[]; nextCursor: string | null } } = await t
        .http()
        .get(`/api/v1/accounts/${accountId}/contacts`)
        .query({ limit: 5, ...(cursor ? { cursor } : {}) })
        .set(org.auth)
        .expect(200);
      expect(page.body.data.length).toBeLessThanOrEqual(5);
      seen.push(...page.body.data.map((c) => c.lastName));
      cursor = page.body.nextCursor;
    } while (cursor);
    expect(seen).toEqual(names);

    const desc = await t.http().get(`/api/v1/accounts/${accountId}/contacts`).query({ sort: '-lastName', limit: 3 }).set(org.auth).expect(200);
    expect(desc.body.data.map((c: Contact) => c.lastName)).toEqual(['Nom11', 'Nom10', 'Nom09']);

    const helene = await addContact(accountId, { firstName: 'Hélène', lastName: 'Lefèvre', jobTitle: 'Comptable' });
    const found = await t.http().get(`/api/v1/accounts/${accountId}/contacts`).query({ q: 'helene lefevre' }).set(org.auth).expect(200);
    expect(found.body.data.map((c: Contact) => c.id)).toEqual([helene.id]);
    const byJob = await t.http().get('/api/v1/contacts').query({ q: 'COMPTABLE', accountId }).set(org.auth).expect(200);
    expect(byJob.body.data.map((c: Contact) => c.id)).toEqual([helene.id]);

    const since = await t.http().get(`/api/v1/accounts/${accountId}/contacts`).query({ updatedSince: helene.updatedAt }).set(org.auth).expect(200);
    expect(since.body.data.map((c: Contact) => c.id)).toEqual([helene.id]);

    const badCursor = await t.http().get(`/api/v1/accounts/${accountId}/contacts`).query({ cursor: 'nope' }).set(org.auth).expect(400);
    expect(badCursor.body.errors[0].path).toBe('cursor');
    const badLimit = await t.http().get(`/api/v1/accounts/${accountId}/contacts`).query({ limit: 500, sort: 'name' }).set(org.auth).expect(400);
    expect(badLimit.body.errors.map((e: { path: string }) => e.path).sort()).toEqual(['limit', 'sort']);
  });

  it('audits changes and writes crm.contact.* events in the same transaction', async () => {
    const accountId = await newAccount(org, 'Audité');
    const contact = await addContact(accountId, { lastName: 'Simon', email: 'a@b.fr' });
    await t.http().patch(`/api/v1/contacts/${contact.id}`).set(org.auth).send({ lastName: 'Simonet', mobile: '06 12 34 56 78' }).expect(200);
    await t.http().patch(`/api/v1/contacts/${contact.id}`).set(org.auth).send({ lastName: 'Simonet' }).expect(200); // no change, no entry

    const audit = await t.http().get('/api/v1/audit').query({ entity: 'contact', id: contact.id }).set(org.auth).expect(200);
    expect(audit.body.data.map((e: { action: string }) => e.action)).toEqual(['update', 'create']);
    expect(audit.body.data[0].changes).toEqual({ lastName: { from: 'Simon', to: 'Simonet' }, mobile: { from: null, to: '06 12 34 56 78' } });
    expect(audit.body.data[0].actor).toMatchObject({ type: 'user', id: org.userId });

    await t.http().delete(`/api/v1/contacts/${contact.id}`).set(org.auth).expect(204);
    const events = await t.sql<{ name: string; payload: { contact: Contact; changed: string[] } }>(
      `SELECT name, payload FROM outbox_events WHERE aggregate_id = $1 ORDER BY occurred_at, name`,
      [contact.id],
    );
    expect(events.map((e) => e.name)).toEqual(['crm.contact.created', 'crm.contact.updated', 'crm.contact.deleted']);
    expect(events[1]!.payload.changed).toEqual(['lastName', 'mobile']);
    expect(events[2]!.payload.contact).toMatchObject({ id: contact.id, lastName: 'Simonet' });
  });

  it('deletes a contact: 404 afterwards, and the activities about it stay without the contact', async () => {
    const accountId = await newAccount(org, 'Historique');
    const contact = await addContact(accountId, { lastName: 'Moreau', isPrimary: true });
    const activity = await t
      .http()
      .post('/api/v1/activities')
      .set(org.auth)
      .send({ kind: 'event', type: 'call', title: 'Appel', startsAt: '2026-11-23T10:00:00+01:00', contactId: contact.id })
      .expect(201);
    expect(activity.body).toMatchObject({ accountId, contactId: contact.id });

    await t.http().delete(`/api/v1/contacts/${contact.id}`).set(org.auth).expect(204);
    await t.http().get(`/api/v1/contacts/${contact.id}`).set(org.auth).expect(404);
    await t.http().delete(`/api/v1/contacts/${contact.id}`).set(org.auth).expect(404);
    const kept = await t.http().get(`/api/v1/activities/${activity.body.id}`).set(org.auth).expect(200);
    expect(kept.body).toMatchObject({ accountId, contactId: null, title: 'Appel' });
    const audit = await t.http().get('/api/v1/audit').query({ entity: 'contact', id: contact.id }).set(org.auth).expect(200);
    expect(audit.body.data[0]).toMatchObject({ action: 'delete', changes: { lastName: { from: 'Moreau', to: null } } });
  });

  it('follows the key scopes: a crm:read key lists but cannot write', async () => {
    const accountId = await newAccount(org, 'Scopes');
    const key = await t.http().post('/api/v1/api-keys').set(org.auth).send({ name: 'lecture', scopes: ['crm:read'] }).expect(201);
    const auth = { Authorization: `Bearer ${key.body.token}` };
    await t.http().get(`/api/v1/accounts/${accountId}/contacts`).set(auth).expect(200);
    const denied = await t.http().post(`/api/v1/accounts/${accountId}/contacts`).set(auth).send({ lastName: 'Non' }).expect(403);
    expect(denied.body.code).toBe('forbidden');
    await t.http().get(`/api/v1/accounts/${accountId}/contacts`).expect(401);
  });
});
