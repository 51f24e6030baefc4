import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

export type MailStatus = 'pending' | 'sending' | 'sent' | 'uncertain' | 'failed';

/** A file of the FileStore sent with a mail; the worker reads it when it sends, not when the mail is queued. */
export interface MailAttachment {
  filename: string;
  /** FileStore key. */
  key: string;
  contentType: string;
}

/**
 * An email to send. The worker marks it `sending` (committed) before talking to SMTP and `sent`
 * after; a crash in between leaves it `sending`, which the next delivery turns into `uncertain` for a
 * person to review, so no message is ever sent twice. The Message-ID is unique: a caller that derives
 * it from what the mail is about (a dunning step of an invoice) can never queue that mail twice.
 */
@Entity('mail_messages')
@Index('ix_mail_messages_org', ['organizationId', 'createdAt'])
@Index('uq_mail_messages_message_id', ['messageId'], { unique: true })
export class MailMessageEntity {
  @PrimaryColumn('uuid')
  id: string;

  @Column('uuid')
  organizationId: string;

  @Column('varchar', { length: 254 })
  to: string;

  @Column('varchar', { length: 300 })
  subject: string;

  @Column('text')
  text: string;

  @Column('jsonb', { default: () => `'[]'` })
  attachments: MailAttachment[];

  @Column('varchar', { length: 200 })
  messageId: string;

  @Column('varchar', { length: 20, default: 'pending' })
  status: MailStatus;

  @Column('text', { nullable: true })
  error: string | null;

  @Column('timestamptz', { default: () => 'now()' })
  createdAt: Date;

  /** When the worker last marked it `sending`: the best estimate of when an uncertain mail may have left. */
  @Column('timestamptz', { nullable: true })
  sendingAt: Date | null;

  @Column('timestamptz', { nullable: true })
  sentAt: Date | null;
}
