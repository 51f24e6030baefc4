import { Injectable } from '@nestjs/common';
import { newId } from '@comptoir/platform/kernel';
import { TenantTx } from '@comptoir/platform/database';
import { MailMessageEntity } from './mail-message.entity';

export const MAIL_REQUESTED = 'platform.mail.requested';

export interface OutgoingMail {
  to: string;
  subject: string;
  text: string;
}

/** Queues an email in the caller's transaction: it is sent by the worker only if the change commits. */
@Injectable()
export class Mailer {
  async enqueue(tx: TenantTx, mail: OutgoingMail): Promise<string> {
    const id = newId();
    await tx.manager.insert(MailMessageEntity, {
      id,
      organizationId: tx.ctx.organizationId,
      to: mail.to,
      subject: mail.subject,
      text: mail.text,
      messageId: `<${id}@comptoir.mail>`,
      status: 'pending',
    });
    tx.emit({ name: MAIL_REQUESTED, aggregateType: 'mail', aggregateId: id, payload: {} });
    return id;
  }
}
