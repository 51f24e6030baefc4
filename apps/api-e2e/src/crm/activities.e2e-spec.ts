import { randomUUID } from 'node:crypto';
import { createTestApp, startTestWorker, TestApp, TestWorker } from '../support/test-app';
import { signupOrganization, SignedUpOrg } from '../support/fixtures';

interface Activity {
  id: string;
  kind: 'event' | 'task';
  type: string;
  title: string;
  userId: string | null;
  accountId: string | null;
  contactId: string | null;
  startsAt: string | null;
  endsAt: string | null;
  dueOn: string | null;
  doneAt: string | null;
  createdAt: string;
  updatedAt: string;
}

interface Page {
  data: Activity[];
  nextCursor: string | null;
}

describe('CRM activities API (agenda, tasks, timeline, stats)', () => {
  let t: TestApp;
  let worker: TestWorker;
  let org: SignedUpOrg;
  let other: SignedUpOrg;

  beforeAll(async () => {
    t = await createTestApp();
    worker = await startTestWorker(t.config);
    org = await signupOrganization(t.http(), 'Acme');
    other = await signupOrganization(t.http(), 'Rival');
  });

  afterAll(async () => {
    await worker.close();
    await t.close();
  });

  const newAccount = async (who: SignedUpOrg = org, name = 'Boulangerie Martin'): Promise<string> =>
    (await t.http().post('/api/v1/accounts').set(who.auth).send({ name, roles: ['customer'] }).expect(201)).body.id;

  const create = async (body: Record<string, unknown>, who: SignedUpOrg = org): Promise<Activity> =>
    (await t.http().post('/api/v1/activities').set(who.auth).send(body).expect(201)).body;

  /** A second member of the organisation's company, inserted beside the API (invitations need mail). */
  const addMember = async (who: SignedUpOrg): Promise<string> => {
    const userId = randomUUID();
    await t.sql(`INSERT INTO users (id, organization_id, email, name, password_hash) VALUES ($1, $2, $3, 'Bruno Commercial', 'x')`, [userId, who.organizationId, `${userId}@example.test`]);
    await t.sql(`INSERT INTO memberships (id, organization_id, company_id, user_id, role) VALUES ($1, $2, $3, $4, 'sales')`, [randomUUID(), who.organizationId, who.companyId, userId]);
    return userId;
  };

  const fieldsAtFault = (body: { errors?: { path: string }[] }) => [...new Set((body.errors ?? []).map((e) => e.path))].sort();

  it('creates an event for the calling user and a task, and reads them back', async () => {
    const accountId = await newAccount();
    const event = await create({ kind: 'event', type: 'meeting', title: 'Présentation', startsAt: '2026-11-23T14:30:00+01:00', endsAt: '2026-11-23T15:30:00+01:00', accountId, notes: 'Catalogue' });
    expect(event).toEqual({
      id: expect.any(String),
      kind: 'event',
      type: 'meeting',
      title: 'Présentation',
      notes: 'Catalogue',
      userId: org.userId,
      accountId,
      contactId: null,
      startsAt: '2026-11-23T13:30:00.000Z',
      endsAt: '2026-11-23T14:30:00.000Z',
      dueOn: null,
      doneAt: null,
      createdAt: expect.any(String),
      updatedAt: expect.any(String),
    });
    expect((await t.http().get(`/api/v1/activities/${event.id}`).set(org.auth).expect(200)).body).toEqual(event);

    const task = await create({ kind: 'task', type: 'quote_follow_up', title: 'Relancer le devis', dueOn: '2026-11-30' });
    expect(task).toMatchObject({ kind: 'task', dueOn: '2026-11-30', startsAt: null, endsAt: null, userId: org.userId, accountId: null });

    const open = await create({ kind: 'event', type: 'call', title: 'Appel sans fin', startsAt: '2026-11-23T09:00:00Z' });
    expect(open.endsAt).toBeNull();
  });

  it('refuses invalid activities with problem documents naming the fields', async () => {
    const cases: [Record<string, unknown>, string[]][] = [
      [{ kind: 'event', type: 'system', title: 'Faux', startsAt: '2026-11-23T09:00:00Z' }, ['type']],
      [{ kind: 'event', type: 'meeting', title: 'Sans début' }, ['startsAt']],
      [{ kind: 'event', type: 'meeting', title: 'À l’envers', startsAt: '2026-11-23T10:00:00+01:00', endsAt: '2026-11-23T09:00:00+01:00' }, ['endsAt']],
      [{ kind: 'event', type: 'meeting', title: 'Nul', startsAt: '2026-11-23T10:00:00Z', endsAt: '2026-11-23T10:00:00Z' }, ['endsAt']],
      [{ kind: 'task', type: 'call', title: 'Sans échéance' }, ['dueOn']],
      [{ kind: 'task', type: 'call', title: 'Horaire', dueOn: '2026-11-23', startsAt: '2026-11-23T10:00:00Z' }, ['startsAt']],
      [{ kind: 'event', type: 'meeting', title: 'Échéance', startsAt: '2026-11-23T10:00:00Z', dueOn: '2026-11-23' }, ['dueOn']],
      [{ kind: 'task', type: 'call', title: 'Date fausse', dueOn: '2026-02-30' }, ['dueOn']],
      [{ kind: 'event', type: 'call', title: 'Sans fuseau', startsAt: '2026-11-23T10:00:00' }, ['startsAt']],
      [{ kind: 'meeting', type: 'lunch', title: '' }, ['kind', 'title', 'type']],
      [{ kind: 'task', type: 'call', title: 'Inconnu', dueOn: '2026-11-23', priority: 'high' }, ['priority']],
      [{ kind: 'task', type: 'call', title: 'Mauvais id', dueOn: '2026-11-23', accountId: 'abc' }, ['accountId']],
    ];
    for (const [body, fields] of cases) {
      const res = await t.http().post('/api/v1/activities').set(org.auth).send(body).expect(400);
      expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
      expect({ body, code: res.body.code, fields: fieldsAtFault(res.body) }).toEqual({ body, code: 'validation_failed', fields });
    }
    const system = await t.http().post('/api/v1/activities').set(org.auth).send(cases[0]![0]).expect(400);
    expect(system.body.errors[0].message).toMatch(/system is reserved/);
    const [counted] = await t.sql<{ count: string }>(`SELECT count(*) FROM activities WHERE title IN ('Faux', 'Sans début', 'Sans fuseau')`);
    expect(counted?.count).toBe('0');
  });

  it('checks links: the user is a member, the account and contact are the tenant’s, the contact belongs to the account', async () => {
    const accountId = await newAccount(org, 'Lié');
    const otherAccountId = await newAccount(org, 'Autre');
    const contact = (await t.http().post(`/api/v1/accounts/${accountId}/contacts`).set(org.auth).send({ lastName: 'Martin' }).expect(201)).body;
    const theirAccount = await newAccount(other, 'Leur compte');
    const theirContact = (await t.http().post(`/api/v1/accounts/${theirAccount}/contacts`).set(other.auth).send({ lastName: 'Leur' }).expect(201)).body;
    const base = { kind: 'task', type: 'call', title: 'Rappeler', dueOn: '2026-11-24' };

    const derived = await create({ ...base, contactId: contact.id });
    expect(derived).toMatchObject({ accountId, contactId: contact.id });

    const cases: [Record<string, unknown>, string[]][] = [
      [{ ...base, userId: other.userId }, ['userId']],
      [{ ...base, userId: randomUUID() }, ['userId']],
      [{ ...base, accountId: theirAccount }, ['accountId']],
      [{ ...base, contactId: theirContact.id }, ['contactId']],
      [{ ...base, accountId: otherAccountId, contactId: contact.id }, ['contactId']],
      [{ ...base, userId: other.userId, accountId: theirAccount, contactId: theirContact.id }, ['accountId', 'contactId', 'userId']],
    ];
    for (const [body, fields] of cases) {
      const res = await t.http().post('/api/v1/activities').set(org.auth).send(body).expect(400);
      expect({ body, fields: fieldsAtFault(res.body) }).toEqual({ body, fields });
    }
    const mismatch = await t.http().post('/api/v1/activities').set(org.auth).send(cases[4]![0]).expect(400);
    expect(mismatch.body.errors).toEqual([{ path: 'contactId', message: `contactId is not a contact of account ${otherAccountId}` }]);

    // Moving an activity to another account must drop or restate the contact.
    const moved = await t.http().patch(`/api/v1/activities/${derived.id}`).set(org.auth).send({ accountId: otherAccountId }).expect(400);
    expect(fieldsAtFault(moved.body)).toEqual(['contactId']);
    const ok = await t.http().patch(`/api/v1/activities/${derived.id}`).set(org.auth).send({ accountId: otherAccountId, contactId: null }).expect(200);
    expect(ok.body).toMatchObject({ accountId: otherAccountId, contactId: null });

    const member = await addMember(org);
    expect(await create({ ...base, userId: member })).toMatchObject({ userId: member });
  });

  it('lets API keys write activities for a named user only', async () => {
    const key = await t.http().post('/api/v1/api-keys').set(org.auth).send({ name: 'zap', scopes: ['crm:write'] }).expect(201);
    const auth = { Authorization: `Bearer ${key.body.token}` };
    const body = { kind: 'task', type: 'email', title: 'Envoyer la doc', dueOn: '2026-11-25' };
    const missing = await t.http().post('/api/v1/activities').set(auth).send(body).expect(400);
    expect(missing.body.errors).toEqual([{ path: 'userId', message: expect.stringContaining('userId is required') }]);
    const created = await t.http().post('/api/v1/activities').set(auth).send({ ...body, userId: org.userId }).expect(201);
    expect(created.body.userId).toBe(org.userId);

    const readOnly = await t.http().post('/api/v1/api-keys').set(org.auth).send({ name: 'lecture', scopes: ['crm:read'] }).expect(201);
    const readAuth = { Authorization: `Bearer ${readOnly.body.token}` };
    await t.http().get('/api/v1/activities').set(readAuth).expect(200);
    await t.http().post(`/api/v1/activities/${created.body.id}/complete`).set(readAuth).expect(403);
  });

  describe('agenda and statistics over a period', () => {
    let agenda: SignedUpOrg;
    let bruno: string;
    let accountId: string;
    const ids: Record<string, string> = {};

    beforeAll(async () => {
      agenda = await signupOrganization(t.http(), 'Agenda');
      bruno = await addMember(agenda);
      accountId = await newAccount(agenda, 'Client agenda');
      // Company time zone: Europe/Paris (UTC+1 in November).
      const items: [string, Record<string, unknown>][] = [
        ['E1', { kind: 'event', type: 'meeting', startsAt: '2026-11-23T09:00:00+01:00', endsAt: '2026-11-23T10:00:00+01:00', accountId }],
        ['E2', { kind: 'event', type: 'visit', startsAt: '2026-11-22T23:00:00+01:00', endsAt: '2026-11-23T01:00:00+01:00' }],
        ['E3', { kind: 'event', type: 'meeting', startsAt: '2026-11-22T22:00:00+01:00', endsAt: '2026-11-23T00:00:00+01:00' }],
        ['E4', { kind: 'event', type: 'call', startsAt: '2026-11-24T08:00:00+01:00' }],
        ['E5', { kind: 'event', type: 'call', startsAt: '2026-11-23T15:00:00+01:00', endsAt: '2026-11-23T15:30:00+01:00', userId: bruno }],
        ['T1', { kind: 'task', type: 'quote_follow_up', dueOn: '2026-11-23', accountId }],
        ['T2', { kind: 'task', type: 'call', dueOn: '2026-11-24' }],
        ['T3', { kind: 'task', type: 'email', dueOn: '2026-11-22', userId: bruno }],
      ];
      for (const [title, body] of items) ids[title] = (await create({ title, ...body }, agenda)).id;
      // A system entry on the account's timeline must stay out of the agenda and the statistics.
      await worker.drain();
    });

    const titles = async (query: Record<string, string | number | boolean>): Promise<string[]> =>
      ((await t.http().get('/api/v1/activities').query(query).set(agenda.auth).expect(200)).body as Page).data.map((a) => a.title);

    it('lists events overlapping [from, to) and tasks due in it, chronologically, for date bounds', async () => {
      // E3 ends exactly at `from`: out. E2 spans midnight: in. T1's due day starts at 23 Nov 00:00 Paris time.
      expect(await titles({ from: '2026-11-23', to: '2026-11-24' })).toEqual(['E2', 'T1', 'E1', 'E5']);
      expect(await titles({ from: '2026-11-22', to: '2026-11-25' })).toEqual(['T3', 'E3', 'E2', 'T1', 'E1', 'E5', 'T2', 'E4']);
      expect(await titles({ from: '2026-11-23', to: '2026-11-24', sort: '-at' })).toEqual(['E5', 'E1', 'T1', 'E2']);
    });

    it('accepts instants: events by overlap, tasks when their due day meets the range', async () => {
      expect(await titles({ from: '2026-11-23T12:00:00+01:00', to: '2026-11-23T16:00:00+01:00' })).toEqual(['T1', 'E5']);
      // An event without an end is an instant: in when it starts at `from`, out when it starts at `to`.
      expect(await titles({ from: '2026-11-24', to: '2026-11-24T08:00:00+01:00' })).toEqual(['T2']);
      expect(await titles({ from: '2026-11-24T08:00:00+01:00', to: '2026-11-24T09:00:00+01:00' })).toEqual(['T2', 'E4']);
      // 2026-11-22T23:30Z is 23 Nov 00:30 in Paris: T3 (due 22 Nov) is out, T1 in.
      expect(await titles({ from: '2026-11-22T23:30:00Z', to: '2026-11-23T08:00:00Z' })).toEqual(['E2', 'T1']);
      // From 15:00 Paris time on 23 Nov: T1's due day still meets the range.
      expect(await titles({ from: '2026-11-23T14:00:00Z' })).toEqual(['T1', 'E5', 'T2', 'E4']);
      expect(await titles({ from: '2026-11-24T00:00:00+01:00' })).toEqual(['T2', 'E4']);
      expect(await titles({ to: '2026-11-23' })).toEqual(['T3', 'E3', 'E2']);
    });

    it('filters by user, account, kind, type and completion', async () => {
      expect(await titles({ from: '2026-11-22', to: '2026-11-25', userId: bruno })).toEqual(['T3', 'E5']);
      expect(await titles({ accountId })).toEqual(['T1', 'E1']);
      expect(await titles({ kind: 'task' })).toEqual(['T3', 'T1', 'T2']);
      expect(await titles({ type: 'call' })).toEqual(['E5', 'T2', 'E4']);
      await t.http().post(`/api/v1/activities/${ids['T2']}/complete`).set(agenda.auth).expect(200);
      expect(await titles({ kind: 'task', done: true })).toEqual(['T2']);
      expect(await titles({ kind: 'task', done: false })).toEqual(['T3', 'T1']);
      const system = await titles({ type: 'system' });
      expect(system).toEqual(['Compte créé']);
      await t.http().post(`/api/v1/activities/${ids['T2']}/reopen`).set(agenda.auth).expect(200);
    });

    it('pages through the agenda with cursors, without gaps or repeats', async () => {
      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const page: { body: Page } = await t
          .http()
          .get('/api/v1/activities')
          .query({ limit: 3, ...(cursor ? { cursor } : {}) })
          .set(agenda.auth)
          .expect(200);
        expect(page.body.data.length).toBeLessThanOrEqual(3);
        seen.push(...page.body.data.map((a) => a.title));
        cursor = page.body.nextCursor;
      } while (cursor);
      expect(seen).toEqual(['T3', 'E3', 'E2', 'T1', 'E1', 'E5', 'T2', 'E4']);

      const byUpdate = await titles({ sort: '-updatedAt', limit: 1 });
      expect(byUpdate).toHaveLength(1);
    });

    it('refuses bad agenda queries with the field at fault', async () => {
      const cases: [Record<string, string>, string[]][] = [
        [{ from: '23/11/2026' }, ['from']],
        [{ to: '2026-11-31' }, ['to']],
        [{ from: '2026-11-24', to: '2026-11-23' }, ['to']],
        [{ from: '2026-11-24T10:00:00+01:00', to: '2026-11-24T10:00:00+01:00' }, ['to']],
        [{ kind: 'meeting', done: 'yes', userId: 'me' }, ['done', 'kind', 'userId']],
        [{ sort: 'title', limit: '0' }, ['limit', 'sort']],
      ];
      for (const [query, fields] of cases) {
        const res = await t.http().get('/api/v1/activities').query(query).set(agenda.auth).expect(400);
        expect({ query, fields: fieldsAtFault(res.body) }).toEqual({ query, fields });
      }
    });

    it('counts activities by kind and type over the period', async () => {
      await t.http().post(`/api/v1/activities/${ids['T1']}/complete`).set(agenda.auth).expect(200);
      const res = await t.http().get('/api/v1/activities/stats').query({ from: '2026-11-23', to: '2026-11-24' }).set(agenda.auth).expect(200);
      expect(res.body).toMatchObject({
        from: '2026-11-22T23:00:00.000Z',
        to: '2026-11-23T23:00:00.000Z',
        total: 4,
        byKind: [
          { kind: 'event', count: 3, done: 0 },
          { kind: 'task', count: 1, done: 1 },
        ],
      });
      const byType = Object.fromEntries((res.body.byType as { type: string; count: number; events: number; tasks: number }[]).map((r) => [r.type, r]));
      expect(Object.keys(byType)).toEqual(['meeting', 'call', 'visit', 'email', 'quote_follow_up', 'note', 'other']);
      expect(byType['meeting']).toEqual({ type: 'meeting', count: 1, events: 1, tasks: 0 });
      expect(byType['visit']).toEqual({ type: 'visit', count: 1, events: 1, tasks: 0 });
      expect(byType['call']).toEqual({ type: 'call', count: 1, events: 1, tasks: 0 });
      expect(byType['quote_follow_up']).toEqual({ type: 'quote_follow_up', count: 1, events: 0, tasks: 1 });
      expect(byType['note']).toEqual({ type: 'note', count: 0, events: 0, tasks: 0 });

      const week = await t.http().get('/api/v1/activities/stats').query({ from: '2026-11-22', to: '2026-11-29' }).set(agenda.auth).expect(200);
      expect(week.body.total).toBe(8);
      const forBruno = await t.http().get('/api/v1/activities/stats').query({ from: '2026-11-22', to: '2026-11-29', userId: bruno }).set(agenda.auth).expect(200);
      expect(forBruno.body.byKind).toEqual([
        { kind: 'event', count: 1, done: 0 },
        { kind: 'task', count: 1, done: 0 },
      ]);
      const forAccount = await t.http().get('/api/v1/activities/stats').query({ from: '2026-11-22', to: '2026-11-29', accountId }).set(agenda.auth).expect(200);
      expect(forAccount.body.total).toBe(2);

      const missing = await t.http().get('/api/v1/activities/stats').set(agenda.auth).expect(400);
      expect(fieldsAtFault(missing.body)).toEqual(['from', 'to']);
      const reversed = await t.http().get('/api/v1/activities/stats').query({ from: '2026-11-29', to: '2026-11-22' }).set(agenda.auth).expect(400);
      expect(fieldsAtFault(reversed.body)).toEqual(['to']);
      const elsewhere = await t.http().get('/api/v1/activities/stats').query({ from: '2026-11-22', to: '2026-11-29' }).set(other.auth).expect(200);
      expect(elsewhere.body.total).toBe(0);
    });
  });

  it('completes tasks once, refuses to complete events, reopens, and audits and announces each change', async () => {
    const task = await create({ kind: 'task', type: 'call', title: 'Rappeler M. Petit', dueOn: '2026-11-26' });
    const done = await t.http().post(`/api/v1/activities/${task.id}/complete`).set(org.auth).expect(200);
    expect(done.body.doneAt).toEqual(expect.any(String));
    const again = await t.http().post(`/api/v1/activities/${task.id}/complete`).set(org.auth).expect(200);
    expect(again.body.doneAt).toBe(done.body.doneAt);
    const reopened = await t.http().post(`/api/v1/activities/${task.id}/reopen`).set(org.auth).expect(200);
    expect(reopened.body.doneAt).toBeNull();

    const event = await create({ kind: 'event', type: 'visit', title: 'Visite', startsAt: '2026-11-26T10:00:00+01:00' });
    const refused = await t.http().post(`/api/v1/activities/${event.id}/complete`).set(org.auth).expect(422);
    expect(refused.body).toMatchObject({ status: 422, code: 'not_a_task' });

    const renamed = await t.http().patch(`/api/v1/activities/${task.id}`).set(org.auth).send({ title: 'Rappeler Mme Petit', notes: 'Après 14 h' }).expect(200);
    expect(renamed.body).toMatchObject({ title: 'Rappeler Mme Petit', notes: 'Après 14 h', dueOn: '2026-11-26' });
    await t.http().delete(`/api/v1/activities/${task.id}`).set(org.auth).expect(204);
    await t.http().get(`/api/v1/activities/${task.id}`).set(org.auth).expect(404);

    const audit = await t.http().get('/api/v1/audit').query({ entity: 'activity', id: task.id }).set(org.auth).expect(200);
    expect(audit.body.data.map((e: { action: string }) => e.action)).toEqual(['delete', 'update', 'update', 'update', 'create']);
    expect(audit.body.data[1].changes).toEqual({ title: { from: 'Rappeler M. Petit', to: 'Rappeler Mme Petit' }, notes: { from: null, to: 'Après 14 h' } });
    expect(audit.body.data[3].changes).toEqual({ doneAt: { from: null, to: done.body.doneAt } });

    const events = await t.sql<{ name: string; payload: { changed: string[] } }>(`SELECT name, payload FROM outbox_events WHERE aggregate_id = $1 ORDER BY occurred_at`, [task.id]);
    expect(events.map((e) => e.name)).toEqual(['crm.activity.created', 'crm.activity.completed', 'crm.activity.updated', 'crm.activity.updated', 'crm.activity.deleted']);
    expect(events[3]!.payload.changed).toEqual(['title', 'notes']);
  });

  it('updates the schedule: switching kind drops the former times, and the merged result is checked', async () => {
    const event = await create({ kind: 'event', type: 'meeting', title: 'Réunion', startsAt: '2026-11-27T10:00:00+01:00', endsAt: '2026-11-27T11:00:00+01:00' });
    const late = await t.http().patch(`/api/v1/activities/${event.id}`).set(org.auth).send({ startsAt: '2026-11-27T12:00:00+01:00' }).expect(400);
    expect(late.body.errors).toEqual([{ path: 'endsAt', message: 'endsAt must be after startsAt' }]);
    const moved = await t.http().patch(`/api/v1/activities/${event.id}`).set(org.auth).send({ startsAt: '2026-11-27T12:00:00+01:00', endsAt: null }).expect(200);
    expect(moved.body).toMatchObject({ startsAt: '2026-11-27T11:00:00.000Z', endsAt: null });

    const needsDue = await t.http().patch(`/api/v1/activities/${event.id}`).set(org.auth).send({ kind: 'task' }).expect(400);
    expect(fieldsAtFault(needsDue.body)).toEqual(['dueOn']);
    const asTask = await t.http().patch(`/api/v1/activities/${event.id}`).set(org.auth).send({ kind: 'task', dueOn: '2026-11-28', type: 'quote_follow_up' }).expect(200);
    expect(asTask.body).toMatchObject({ kind: 'task', type: 'quote_follow_up', dueOn: '2026-11-28', startsAt: null, endsAt: null });

    for (const [body, fields] of [
      [{ type: 'system' }, ['type']],
      [{ title: null }, ['title']],
      [{ kind: null, userId: null }, ['kind', 'userId']],
      [{ dueOn: null }, ['dueOn']],
      [{ userId: other.userId }, ['userId']],
    ] as [Record<string, unknown>, string[]][]) {
      const res = await t.http().patch(`/api/v1/activities/${event.id}`).set(org.auth).send(body).expect(400);
      expect({ body, fields: fieldsAtFault(res.body) }).toEqual({ body, fields });
    }
    const unchanged = await t.http().get(`/api/v1/activities/${event.id}`).set(org.auth).expect(200);
    expect(unchanged.body).toMatchObject({ kind: 'task', dueOn: '2026-11-28', title: 'Réunion', userId: org.userId });
  });

  it("shows an account's timeline newest first, with Comptoir's read-only system entries", async () => {
    const accountId = await newAccount(org, 'Chronologie');
    await t.http().patch(`/api/v1/accounts/${accountId}`).set(org.auth).send({ tags: ['vip'] }).expect(200);
    await worker.drain();
    const made: string[] = [];
    for (let i = 1; i <= 5; i++) made.push((await create({ kind: 'task', type: 'note', title: `Note ${i}`, dueOn: '2026-11-20', accountId })).id);

    const seen: Activity[] = [];
    let cursor: string | null = null;
    do {
      const page: { body: Page } = await t
        .http()
        .get(`/api/v1/accounts/${accountId}/activities`)
        .query({ limit: 2, ...(cursor ? { cursor } : {}) })
        .set(org.auth)
        .expect(200);
      seen.push(...page.body.data);
      cursor = page.body.nextCursor;
    } while (cursor);
    expect(seen.map((a) => a.title)).toEqual(['Note 5', 'Note 4', 'Note 3', 'Note 2', 'Note 1', 'Compte modifié : tags', 'Compte créé']);
    expect(seen.slice(-2).map((a) => [a.type, a.userId])).toEqual([
      ['system', null],
      ['system', null],
    ]);

    const systemOnly = await t.http().get(`/api/v1/accounts/${accountId}/activities`).query({ type: 'system' }).set(org.auth).expect(200);
    expect(systemOnly.body.data).toHaveLength(2);

    const systemId = seen.at(-1)!.id;
    await t.http().get(`/api/v1/activities/${systemId}`).set(org.auth).expect(200);
    for (const req of [
      t.http().patch(`/api/v1/activities/${systemId}`).send({ title: 'Réécrit' }),
      t.http().delete(`/api/v1/activities/${systemId}`),
      t.http().post(`/api/v1/activities/${systemId}/complete`),
    ]) {
      const res = await req.set(org.auth).expect(409);
      expect(res.body.code).toBe('system_activity_read_only');
    }

    const theirAccount = await newAccount(other, 'Chez eux');
    await t.http().get(`/api/v1/accounts/${theirAccount}/activities`).set(org.auth).expect(404);
    await t.http().get(`/api/v1/accounts/${randomUUID()}/activities`).set(org.auth).expect(404);
    const badId = await t.http().get('/api/v1/accounts/nope/activities').set(org.auth).expect(400);
    expect(badId.body.errors).toEqual([{ path: 'id', message: 'id must be a UUID' }]);
  });

  it("answers 404 for another tenant's activities, whatever the verb", async () => {
    const theirs = await create({ kind: 'task', type: 'call', title: 'Leur tâche', dueOn: '2026-11-23' }, other);
    for (const req of [
      t.http().get(`/api/v1/activities/${theirs.id}`),
      t.http().patch(`/api/v1/activities/${theirs.id}`).send({ title: 'Volé' }),
      t.http().delete(`/api/v1/activities/${theirs.id}`),
      t.http().post(`/api/v1/activities/${theirs.id}/complete`),
      t.http().post(`/api/v1/activities/${theirs.id}/reopen`),
    ]) {
      const res = await req.set(org.auth).expect(404);
      expect(res.body).toMatchObject({ status: 404, code: 'not_found' });
    }
    const mine = await t.http().get('/api/v1/activities').query({ limit: 200 }).set(org.auth).expect(200);
    expect(mine.body.data.map((a: Activity) => a.id)).not.toContain(theirs.id);
    const intact = await t.http().get(`/api/v1/activities/${theirs.id}`).set(other.auth).expect(200);
    expect(intact.body).toMatchObject({ title: 'Leur tâche', doneAt: null });
  });
});
