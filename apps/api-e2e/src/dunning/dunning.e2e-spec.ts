import { createHash } from 'node:crypto';
import { createTestApp, startTestWorker, TestApp, TestWorker } from '../support/test-app';
import { signupOrganization, SignedUpOrg } from '../support/fixtures';
import { addDaysTo, parisToday } from '../billing/billing-fixtures';
import { customerWithEmail, overdueInvoice as overdue } from './dunning-fixtures';
import { CrashingWorker } from './worker-process';

/**
 * Dunning end to end: the API plans, the real worker sends through a real SMTP server in this
 * process. Proves that a step is sent once whatever is posted, that a worker killed between the mark
 * and the send leaves the step uncertain and nothing is sent again, the deterministic Message-ID,
 * delays counted from the actual sending date, disputed invoices skipped and the stored original
 * PDF attached.
 */

interface Candidate {
  invoiceId: string;
  number: string;
  daysOverdue: number;
  dueState: string;
  nextStep: { id: string; name: string; dueOn: string | null } | null;
  lastStepSentOn: string | null;
  toDun: boolean;
}

describe('Dunning (API + worker + real SMTP server)', () => {
  let t: TestApp;
  let worker: TestWorker;
  let org: SignedUpOrg;
  let accountId: string;
  const today = parisToday();

  const http = () => t.http();
  const mailsAbout = (invoiceId: string) => worker.mail.messages.filter((m) => m.messageId.includes(invoiceId));
  const candidates = async (asOf: string, scope: 'due' | 'open' = 'due'): Promise<Candidate[]> =>
    (await http().get(`/api/v1/dunning/candidates?asOf=${asOf}&scope=${scope}`).set(org.auth).expect(200)).body.data;
  const run = (invoiceIds: string[], asOf?: string) => http().post('/api/v1/dunning/runs').set(org.auth).send({ invoiceIds, ...(asOf ? { asOf } : {}) });
  const history = async (invoiceId: string) => (await http().get(`/api/v1/invoices/${invoiceId}/dunning`).set(org.auth).expect(200)).body.data as { status: string; step: { name: string }; messageId: string; sentAt: string | null }[];

  const overdueInvoice = (amount?: string) => overdue(http, org.auth, accountId, amount);

  beforeAll(async () => {
    t = await createTestApp();
    worker = await startTestWorker(t.config);
    org = await signupOrganization(t.http(), 'Relances');
    accountId = await customerWithEmail(http, org.auth);
  }, 60_000);

  afterAll(async () => {
    await worker?.close();
    await t?.close();
  });

  it('sends each step once however often (and however concurrently) the mass action is posted, with its deterministic Message-ID and the stored original attached', async () => {
    const a = await overdueInvoice('100.00');
    const b = await overdueInvoice('250.00');
    await worker.drain(); // the originals are stored by the worker, as after any validation

    const due = await candidates(today);
    const rowA = due.find((c) => c.invoiceId === a.id)!;
    expect(rowA).toMatchObject({ number: a.number, daysOverdue: 30, dueState: 'overdue', toDun: true, nextStep: { name: 'Relance 1' }, lastStepSentOn: null });

    const [first, second] = await Promise.all([run([a.id, b.id]), run([a.id, b.id])]);
    expect([first.status, second.status]).toEqual([202, 202]);
    expect(first.body.total + second.body.total).toBe(2);
    const skippedTwice = [...first.body.skipped, ...second.body.skipped];
    expect(skippedTwice.map((s: { reason: string }) => s.reason)).toEqual(['already_planned', 'already_planned']);

    const progress = (await http().get(`/api/v1/dunning/runs/${(first.body.total ? first : second).body.id}`).set(org.auth).expect(200)).body;
    expect(progress).toMatchObject({ total: 2, done: false, counts: { pending: 2 } });
    await worker.drain();
    const finished = (await http().get(`/api/v1/dunning/runs/${(first.body.total ? first : second).body.id}`).set(org.auth).expect(200)).body;
    expect(finished).toMatchObject({ total: 2, done: true, counts: { pending: 0, sent: 2 } });

    const again = await run([a.id, b.id]).expect(202);
    expect(again.body).toMatchObject({ total: 0, skipped: [{ invoiceId: a.id, reason: 'not_due' }, { invoiceId: b.id, reason: 'not_due' }] });
    await worker.drain();

    const [mail] = mailsAbout(a.id);
    expect(mailsAbout(a.id)).toHaveLength(1);
    expect(mailsAbout(b.id)).toHaveLength(1);
    const stepId = rowA.nextStep!.id;
    expect(mail!.messageId).toBe(`<dunning.${a.id}.${stepId}@comptoir>`);
    expect(mail!.to).toEqual(['compta@garage-durand.example']);
    expect(mail!.subject).toBe(`Rappel : facture ${a.number} arrivée à échéance`);
    expect(mail!.text).toContain('120,00');
    expect(mail!.text).toContain('Relances SAS');

    const [stored] = await t.sql<{ pdf_sha256: string }>(`SELECT pdf_sha256 FROM sales_documents WHERE id = $1`, [a.id]);
    expect(mail!.attachments).toHaveLength(1);
    expect(mail!.attachments[0]).toMatchObject({ filename: `${a.number}.pdf`, contentType: 'application/pdf' });
    expect(createHash('sha256').update(mail!.attachments[0]!.content).digest('hex')).toBe(stored!.pdf_sha256);

    expect(await history(a.id)).toMatchObject([{ status: 'sent', step: { name: 'Relance 1' }, messageId: `<dunning.${a.id}.${stepId}@comptoir>`, sentAt: expect.any(String) }]);
  }, 60_000);

  it('counts a step’s delay from the previous step’s actual sending date, not from the due date', async () => {
    const c = await overdueInvoice();
    await worker.drain();
    // Planned as of ten days from now but sent today: the next delay runs from today.
    await run([c.id], addDaysTo(today, 10)).expect(202);
    await worker.drain();
    expect(await history(c.id)).toMatchObject([{ status: 'sent' }]);

    // Due 30 days ago: counted from the due date, reminder 2 (15 days) would be due already.
    expect((await candidates(today)).map((r) => r.invoiceId)).not.toContain(c.id);
    expect((await candidates(addDaysTo(today, 14))).map((r) => r.invoiceId)).not.toContain(c.id);
    const open = (await candidates(addDaysTo(today, 14), 'open')).find((r) => r.invoiceId === c.id);
    expect(open).toMatchObject({ lastStepSentOn: today, nextStep: { name: 'Relance 2', dueOn: addDaysTo(today, 15) }, toDun: false });
    const due = (await candidates(addDaysTo(today, 15))).find((r) => r.invoiceId === c.id);
    expect(due).toMatchObject({ lastStepSentOn: today, nextStep: { name: 'Relance 2', dueOn: addDaysTo(today, 15) }, toDun: true });
  }, 60_000);

  it('skips a disputed invoice until the flag is cleared, and audits the flag', async () => {
    const d = await overdueInvoice();
    await worker.drain();
    const flagged = await http().put(`/api/v1/invoices/${d.id}/recovery-status`).set(org.auth).send({ status: 'disputed' }).expect(200);
    expect(flagged.body).toEqual({ invoiceId: d.id, recoveryStatus: 'disputed' });
    expect((await candidates(today)).map((r) => r.invoiceId)).not.toContain(d.id);
    expect((await candidates(today, 'open')).find((r) => r.invoiceId === d.id)).toMatchObject({ toDun: false });

    const skipped = await run([d.id]).expect(202);
    expect(skipped.body).toMatchObject({ total: 0, skipped: [{ invoiceId: d.id, reason: 'recovery_suspended' }] });
    await worker.drain();
    expect(mailsAbout(d.id)).toEqual([]);

    const bad = await http().put(`/api/v1/invoices/${d.id}/recovery-status`).set(org.auth).send({ status: 'lost' }).expect(400);
    expect(bad.body.errors[0].path).toBe('status');
    const audit = await t.sql<{ action: string; changes: unknown }>(`SELECT action, changes FROM audit_entries WHERE entity_id = $1 AND action = 'recovery_status'`, [d.id]);
    expect(audit).toEqual([{ action: 'recovery_status', changes: { recoveryStatus: { from: null, to: 'disputed' } } }]);

    await http().put(`/api/v1/invoices/${d.id}/recovery-status`).set(org.auth).send({ status: null }).expect(200);
    expect((await candidates(today)).map((r) => r.invoiceId)).toContain(d.id);
  }, 60_000);

  it('leaves a step "uncertain" when the worker dies between the mark and the send, and never sends it again unless a person asks', async () => {
    const e = await overdueInvoice();
    await worker.drain();
    const started = await run([e.id]).expect(202);
    expect(started.body.total).toBe(1);

    // A separate worker process marks the mail sending (committed), connects to SMTP and is SIGKILLed there.
    expect(await new CrashingWorker().runUntilKilled(t.config)).toBe('SIGKILL');
    const [marked] = await t.sql<{ status: string; mail_id: string }>(`SELECT m.status, e.mail_id FROM dunning_events e JOIN mail_messages m ON m.id = e.mail_id WHERE e.invoice_id = $1`, [e.id]);
    expect(marked!.status).toBe('sending');
    const [outbox] = await t.sql<{ published_at: Date | null }>(`SELECT published_at FROM outbox_events WHERE aggregate_id = $1`, [marked!.mail_id]);
    expect(outbox!.published_at).toBeNull(); // its delivery died with it: the event is delivered again

    await worker.drain();
    expect(await history(e.id)).toMatchObject([{ status: 'uncertain', sentAt: null }]);
    expect(mailsAbout(e.id)).toEqual([]);

    const rerun = await run([e.id]).expect(202);
    expect(rerun.body).toMatchObject({ total: 0, skipped: [{ invoiceId: e.id, reason: 'awaiting_review' }] });
    await worker.drain();
    expect(mailsAbout(e.id)).toEqual([]);
    const review = (await http().get('/api/v1/dunning/uncertain').set(org.auth).expect(200)).body.data;
    expect(review.map((r: { invoiceId: string }) => r.invoiceId)).toEqual([e.id]);

    // A person decides it did not go out and asks for it again: sent once, with the same Message-ID.
    const [event] = await t.sql<{ id: string; message_id: string }>(`SELECT id, message_id FROM dunning_events WHERE invoice_id = $1`, [e.id]);
    await http().post(`/api/v1/dunning/events/${event!.id}/resolve`).set(org.auth).send({ action: 'send_again' }).expect(200);
    await worker.drain();
    expect(mailsAbout(e.id).map((m) => m.messageId)).toEqual([event!.message_id]);
    expect(await history(e.id)).toMatchObject([{ status: 'sent' }]);
    const twice = await http().post(`/api/v1/dunning/events/${event!.id}/resolve`).set(org.auth).send({ action: 'send_again' }).expect(422);
    expect(twice.body.code).toBe('dunning_not_uncertain');
  }, 120_000);

  it('seeds the default steps lazily and validates a replaced sequence field by field', async () => {
    const steps = (await http().get('/api/v1/dunning/steps').set(org.auth).expect(200)).body;
    expect(steps.steps.map((s: { name: string; delayDays: number }) => [s.name, s.delayDays])).toEqual([
      ['Relance 1', 0],
      ['Relance 2', 15],
      ['Mise en demeure', 15],
    ]);
    const bad = await http()
      .put('/api/v1/dunning/steps')
      .set(org.auth)
      .send({ steps: [{ name: 'Relance', delayDays: -1, subject: 'x', body: '{{invoice.amount}}', attachPdf: true }] })
      .expect(400);
    expect(bad.body.errors.map((e: { path: string }) => e.path)).toContain('steps[0].delayDays');
    const unknown = await http()
      .put('/api/v1/dunning/steps')
      .set(org.auth)
      .send({ steps: [{ name: 'Relance', delayDays: 3, subject: 'x', body: '{{invoice.amount}}', attachPdf: true }] })
      .expect(400);
    expect(unknown.body.errors).toEqual([{ path: 'steps[0].body', message: 'Unknown merge field {{invoice.amount}}' }]);

    const [first, ...rest] = steps.steps;
    const replaced = await http()
      .put('/api/v1/dunning/steps')
      .set(org.auth)
      .send({ dueSoonDays: 10, steps: [{ ...first, name: 'Premier rappel', delayDays: 2 }, ...rest.slice(0, 1)].map(({ position: _p, ...s }: { position: number }) => s) })
      .expect(200);
    expect(replaced.body).toMatchObject({ dueSoonDays: 10, steps: [{ id: first.id, name: 'Premier rappel', delayDays: 2, position: 1 }, { name: 'Relance 2', position: 2 }] });
  });
});
