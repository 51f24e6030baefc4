import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

export type MailStatus = 'pending' | 'sending' | 'sent' | 'uncertain' | 'failed';

/**
 * An email to send. The worker marks it `sending` (committed) before talking to SMTP and `sent`
 * after; a crash in between leaves it `sending`, which the next delivery turns into `uncertain` for a
 * person to review, so no message is ever sent twice.
 */
@Entity('mail_messages')
@Index('ix_mail_messages_org', ['organizationId', 'createdAt'])
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

  @Column('varchar', { length: 200 })
  messageId: string;

  @Column('varchar', { length: 20, default: 'pending' })
  status: MailStatus;

  @Column('text', { nullable: true })
  error: string | null;

  @Column('timestamptz', { default: () => 'now()' })
  createdAt: Date;

  @Column('timestamptz', { nullable: true })
  sentAt: Date | null;
}
