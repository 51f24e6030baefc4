import { Injectable } from '@nestjs/common';
import { newId } from '@comptoir/platform/kernel';
import { TenantTx } from '@comptoir/platform/database';
import { MailAttachment, MailMessageEntity } from './mail-message.entity';

export const MAIL_REQUESTED = 'platform.mail.requested';

export interface OutgoingMail {
  to: string;
  subject: string;
  text: string;
  /** Files of the FileStore, read by the worker at send time. */
  attachments?: MailAttachment[];
  /**
   * A Message-ID derived from what the mail is about (`<dunning.{invoice}.{step}@comptoir>`): the
   * same mail queued again is recognised and not queued twice. Default: one made from the mail's id.
   */
  messageId?: string;
}

/** Queues an email in the caller's transaction: it is sent by the worker only if the change commits. */
@Injectable()
export class Mailer {
  /** The id of the queued mail; with a caller's Message-ID already queued, that mail's id (nothing new is queued). */
  async enqueue(tx: TenantTx, mail: OutgoingMail): Promise<string> {
    const id = newId();
    const inserted = await tx.manager
      .createQueryBuilder()
      .insert()
      .into(MailMessageEntity)
      .values({
        id,
        organizationId: tx.ctx.organizationId,
        to: mail.to,
        subject: mail.subject,
        text: mail.text,
        attachments: mail.attachments ?? [],
        messageId: mail.messageId ?? `<${id}@comptoir.mail>`,
        status: 'pending',
      })
      .orIgnore()
      .returning('id')
      .execute();
    if (!inserted.raw.length) {
      const [existing] = (await tx.manager.query(`SELECT id FROM mail_messages WHERE message_id = $1 AND organization_id = $2`, [mail.messageId, tx.ctx.organizationId])) as { id: string }[];
      if (!existing) throw new Error(`Message-ID ${mail.messageId} belongs to another organisation`);
      return existing.id;
    }
    tx.emit({ name: MAIL_REQUESTED, aggregateType: 'mail', aggregateId: id, payload: {} });
    return id;
  }

  /**
   * A person's review of an uncertain mail. `sent`: it did go out (the recipient confirmed it): it
   * counts as sent when it was marked sending. `send_again`: it did not, and the person asks for a new
   * attempt, with the same Message-ID. Returns false when the mail was not uncertain.
   */
  async resolveUncertain(tx: TenantTx, id: string, decision: 'sent' | 'send_again'): Promise<boolean> {
    const [rows] = (await tx.manager.query(
      decision === 'sent'
        ? `UPDATE mail_messages SET status = 'sent', sent_at = coalesce(sending_at, now()) WHERE id = $1 AND organization_id = $2 AND status = 'uncertain' RETURNING id`
        : `UPDATE mail_messages SET status = 'pending', error = NULL WHERE id = $1 AND organization_id = $2 AND status = 'uncertain' RETURNING id`,
      [id, tx.ctx.organizationId],
    )) as [unknown[], number];
    if (!rows.length) return false;
    if (decision === 'send_again') tx.emit({ name: MAIL_REQUESTED, aggregateType: 'mail', aggregateId: id, payload: {} });
    return true;
  }
}
