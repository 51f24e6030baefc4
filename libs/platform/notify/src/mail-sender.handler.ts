import { Inject, Injectable, Logger } from '@nestjs/common';
import type { Transporter } from 'nodemailer';
import { DataSource } from 'typeorm';
import { AppConfig } from '@comptoir/platform/config';
import { DomainEvent } from '@comptoir/platform/kernel';
import { EventHandler, OnDomainEvent } from '@comptoir/platform/queue';
import { FileStore } from '@comptoir/platform/storage';
import { MailAttachment } from './mail-message.entity';
import { MAIL_REQUESTED } from './mailer.service';
import { MAIL_TRANSPORT } from './mail-transport';

interface MailRow {
  to: string;
  subject: string;
  text: string;
  message_id: string;
  attachments: MailAttachment[];
}

/** Sends queued mail at most once (see MailMessageEntity for the state machine). */
@Injectable()
@OnDomainEvent({ name: 'platform.mail-sender', events: [MAIL_REQUESTED] })
export class MailSenderHandler implements EventHandler {
  private readonly logger = new Logger(MailSenderHandler.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly config: AppConfig,
    private readonly files: FileStore,
    @Inject(MAIL_TRANSPORT) private readonly transport: Transporter,
  ) {}

  async handle(event: DomainEvent): Promise<void> {
    // Committed on its own connection before the send: the mark must survive a crash mid-send.
    const [claimed]: [MailRow[]] = await this.dataSource.query(
      `UPDATE mail_messages SET status = 'sending', sending_at = now() WHERE id = $1 AND status = 'pending' RETURNING "to", subject, text, message_id, attachments`,
      [event.aggregateId],
    );
    const mail = claimed[0];
    if (!mail) {
      await this.dataSource.query(`UPDATE mail_messages SET status = 'uncertain' WHERE id = $1 AND status = 'sending'`, [event.aggregateId]);
      this.logger.warn(`mail ${event.aggregateId} was not pending: left for review, not sent again`);
      return;
    }
    try {
      // Read now, not when queued: a file the mail names may be stored by another job meanwhile (an
      // invoice's original PDF); a missing one fails this attempt before anything goes out.
      const attachments = await Promise.all(mail.attachments.map(async (a) => ({ filename: a.filename, contentType: a.contentType, content: await this.files.get(a.key) })));
      await this.transport.sendMail({ from: this.config.mailFrom, to: mail.to, subject: mail.subject, text: mail.text, messageId: mail.message_id, attachments });
    } catch (error) {
      // The server refused it before accepting (or an attachment was missing): nothing went out, so the next attempt may send.
      await this.dataSource.query(`UPDATE mail_messages SET status = 'pending', error = $2 WHERE id = $1`, [event.aggregateId, (error as Error).message]);
      throw error;
    }
    await this.dataSource.query(`UPDATE mail_messages SET status = 'sent', sent_at = now(), error = NULL WHERE id = $1`, [event.aggregateId]);
  }
}
