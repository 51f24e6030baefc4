import { randomBytes } from 'node:crypto';
import type { CaughtMail } from '@comptoir/platform/notify';
import type { TestApp, TestWorker } from '../support/test-app';

/** The token of a link `…?token=<token>` in a mail's text. */
export function tokenIn(mail: CaughtMail, path: '/invitation' | '/reset-password'): string {
  const match = new RegExp(`${path.replace('/', '\\/')}\\?token=([A-Za-z0-9_-]+)`).exec(mail.text);
  if (!match?.[1]) throw new Error(`No ${path} link in the mail "${mail.subject}":\n${mail.text}`);
  return match[1];
}

/** Relays pending events (the in-process driver sends the mail) and returns the newest mail to `to`. */
export async function mailTo(worker: TestWorker, to: string, subject: RegExp): Promise<CaughtMail> {
  await worker.drain();
  const mail = [...worker.mail.messages].reverse().find((m) => m.to.includes(to) && subject.test(m.subject));
  if (!mail) throw new Error(`No mail to ${to} matching ${subject}; got: ${worker.mail.messages.map((m) => `${m.to.join(',')}: ${m.subject}`).join(' | ')}`);
  return mail;
}

export interface InvitedUser {
  id: string;
  email: string;
  password: string;
  auth: { Authorization: string };
}

/** Invites someone with a role through the API, then accepts with the token the worker mailed. */
export async function inviteAndAccept(t: TestApp, worker: TestWorker, adminAuth: Record<string, string>, role: string): Promise<InvitedUser> {
  const email = `${role}-${randomBytes(4).toString('hex')}@example.test`;
  await t.http().post('/api/v1/invitations').set(adminAuth).send({ email, role }).expect(201);
  const token = tokenIn(await mailTo(worker, email, /invite/), '/invitation');
  const password = `pw-${randomBytes(8).toString('hex')}`;
  const accepted = await t.http().post('/api/v1/auth/invitations/accept').send({ token, name: `${role} person`, password }).expect(201);
  return { id: accepted.body.user.id, email, password, auth: { Authorization: `Bearer ${accepted.body.accessToken}` } };
}
