import { createTestApp, startTestWorker, TestApp, TestWorker } from '../support/test-app';
import { signupOrganization, SignedUpOrg } from '../support/fixtures';
import { mailTo, tokenIn } from './people';

/**
 * Mail through the real worker and a real SMTP server in the test process: invitation and password
 * reset links that work end to end, and the at-most-once rule of the mail sender (a mail caught
 * between "sending" and "sent" is never sent twice; its Message-ID does not change across retries).
 */

interface MailRow {
  id: string;
  status: string;
  message_id: string;
  sent_at: Date | null;
  error: string | null;
}

describe('Mail (worker + real SMTP server)', () => {
  let t: TestApp;
  let worker: TestWorker;
  let org: SignedUpOrg;

  const mailRow = async (to: string) => {
    const rows = await t.sql<MailRow>(`SELECT id, status, message_id, sent_at, error FROM mail_messages WHERE "to" = $1 ORDER BY created_at DESC`, [to]);
    if (!rows[0]) throw new Error(`No mail_messages row for ${to}`);
    return rows[0];
  };
  const mailsTo = (to: string) => worker.mail.messages.filter((m) => m.to.includes(to));

  beforeAll(async () => {
    t = await createTestApp();
    worker = await startTestWorker(t.config);
    org = await signupOrganization(t.http(), 'Mailer');
  }, 60_000);

  afterAll(async () => {
    await worker?.close();
    await t?.close();
  });

  it('sends an invitation whose link lets the person join with the role given, then sign in', async () => {
    const email = 'paul.invite@example.test';
    const invited = await t.http().post('/api/v1/invitations').set(org.auth).send({ email, role: 'sales' }).expect(201);
    expect(invited.body).toMatchObject({ email, role: 'sales' });

    const mail = await mailTo(worker, email, /vous invite sur Comptoir/);
    expect(mail.from).toContain(t.config.mailFrom.replace(/^.*<|>$/g, ''));
    const token = tokenIn(mail, '/invitation');
    expect(mail.text).toContain(`${t.config.publicUrl}/invitation?token=${token}`);

    const accepted = await t.http().post('/api/v1/auth/invitations/accept').send({ token, name: 'Paul Durand', password: 'paul-password-1' }).expect(201);
    expect(accepted.body.user).toMatchObject({ email, name: 'Paul Durand' });
    expect(accepted.body.company.id).toBe(org.companyId);
    const me = await t.http().get('/api/v1/me').set({ Authorization: `Bearer ${accepted.body.accessToken}` }).expect(200);
    expect(me.body).toMatchObject({ type: 'user', email, role: 'sales', organization: { id: org.organizationId } });

    const login = await t.http().post('/api/v1/auth/login').send({ email, password: 'paul-password-1' }).expect(200);
    expect(login.body.user.email).toBe(email);
    expect(login.headers['set-cookie']?.[0]).toMatch(/^comptoir_session=.*HttpOnly/i);

    const reused = await t.http().post('/api/v1/auth/invitations/accept').send({ token, name: 'Again', password: 'paul-password-2' }).expect(422);
    expect(reused.body.code).toBe('token_invalid');
    expect((await mailRow(email)).status).toBe('sent');
  });

  it('resets a password through the emailed link and ends every session of the user', async () => {
    const user = await signupOrganization(t.http(), 'Forgetful');
    const second = await t.http().post('/api/v1/auth/login').send({ email: user.email, password: 'correct horse battery' }).expect(200);
    const sessions = [user.auth, { Authorization: `Bearer ${second.body.accessToken}` }];
    for (const auth of sessions) await t.http().get('/api/v1/me').set(auth).expect(200);

    const asked = await t.http().post('/api/v1/auth/password-reset').send({ email: user.email.toUpperCase() });
    expect({ status: asked.status, body: asked.body }).toEqual({ status: 202, body: {} });
    const token = tokenIn(await mailTo(worker, user.email, /Réinitialisation/), '/reset-password');
    await t.http().post('/api/v1/auth/password-reset/confirm').send({ token, password: 'a brand new password' }).expect(204);

    for (const auth of sessions) {
      const res = await t.http().get('/api/v1/me').set(auth).expect(401);
      expect(res.body.code).toBe('unauthenticated');
    }
    await t.http().post('/api/v1/auth/login').send({ email: user.email, password: 'correct horse battery' }).expect(401);
    const fresh = await t.http().post('/api/v1/auth/login').send({ email: user.email, password: 'a brand new password' }).expect(200);
    await t.http().get('/api/v1/me').set({ Authorization: `Bearer ${fresh.body.accessToken}` }).expect(200);

    const reused = await t.http().post('/api/v1/auth/password-reset/confirm').send({ token, password: 'yet another password' }).expect(422);
    expect(reused.body.code).toBe('token_invalid');
  });

  it('answers 202 for an unknown email and sends nothing', async () => {
    const before = worker.mail.messages.length;
    await t.http().post('/api/v1/auth/password-reset').send({ email: 'nobody@example.test' }).expect(202);
    await worker.drain();
    expect(worker.mail.messages.length).toBe(before);
  });

  it('turns a mail left "sending" by a crash into "uncertain" and never sends it, even when delivered again', async () => {
    const email = 'crash.between.mark.and.send@example.test';
    await t.http().post('/api/v1/invitations').set(org.auth).send({ email, role: 'planner' }).expect(201);
    const row = await mailRow(email);
    // A worker marked it sending (committed), then died before talking to SMTP: its delivery never completed.
    await t.sql(`UPDATE mail_messages SET status = 'sending' WHERE id = $1`, [row.id]);

    await worker.drain();
    expect((await mailRow(email)).status).toBe('uncertain');
    expect(mailsTo(email)).toEqual([]);

    // The same event delivered again (at-least-once delivery, its processed mark lost with the crash).
    const [event] = await t.sql<{ id: string }>(`SELECT id FROM outbox_events WHERE aggregate_id = $1`, [row.id]);
    await t.sql(`DELETE FROM processed_events WHERE event_id = $1`, [event!.id]);
    await t.sql(`UPDATE outbox_events SET published_at = NULL WHERE id = $1`, [event!.id]);
    await worker.drain();
    expect((await mailRow(email)).status).toBe('uncertain');
    expect(mailsTo(email)).toEqual([]);
  });

  it('keeps a deterministic Message-ID: the one stored with the mail, unchanged when a refused send is retried', async () => {
    const email = 'smtp.down@example.test';
    const port = worker.mail.port;
    await worker.mail.stop();
    try {
      await t.http().post('/api/v1/invitations').set(org.auth).send({ email, role: 'accountant' }).expect(201);
      await worker.drain();
      const refused = await mailRow(email);
      expect(refused).toMatchObject({ status: 'pending', sent_at: null, error: expect.any(String) });
      const [event] = await t.sql<{ attempts: number; published_at: Date | null }>(`SELECT attempts, published_at FROM outbox_events WHERE aggregate_id = $1`, [refused.id]);
      expect(event).toMatchObject({ attempts: 1, published_at: null });
    } finally {
      await worker.mail.start(port);
    }
    const row = await mailRow(email);
    expect(row.message_id).toBe(`<${row.id}@comptoir.mail>`);
    await t.sql(`UPDATE outbox_events SET next_attempt_at = now() WHERE aggregate_id = $1`, [row.id]); // skip the back-off
    const mail = await mailTo(worker, email, /vous invite/);
    expect(mail.messageId).toBe(row.message_id);
    expect(mailsTo(email)).toHaveLength(1);
    expect(await mailRow(email)).toMatchObject({ status: 'sent', error: null, sent_at: expect.any(Date) });
  });
});
