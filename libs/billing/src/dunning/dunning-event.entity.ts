import { Column, Entity, ForeignKey, Index, Unique } from 'typeorm';
import { CompanyOwnedEntity } from '@comptoir/platform/database';

/**
 * One step of an invoice's follow-up history: planned once (the unique key refuses a second plan of
 * the same step, whoever posts it), then carried by one mail whose status (pending, sending, sent,
 * uncertain) is the step's. The step's actual sending date is the mail's.
 */
@Entity('dunning_events')
@Unique('uq_dunning_events_step', ['companyId', 'invoiceId', 'stepId'])
@Index('ix_dunning_events_run', ['companyId', 'runId'])
@ForeignKey('sales_documents', ['companyId', 'invoiceId'], ['companyId', 'id'], { name: 'fk_dunning_events_invoice' })
@ForeignKey('dunning_steps', ['stepId'], ['id'], { name: 'fk_dunning_events_step' })
@ForeignKey('mail_messages', ['mailId'], ['id'], { name: 'fk_dunning_events_mail' })
export class DunningEventEntity extends CompanyOwnedEntity {
  @Column('uuid')
  invoiceId: string;

  @Column('uuid')
  stepId: string;

  @Column('uuid')
  runId: string;

  /** The as-of date the step was planned for. */
  @Column('date')
  asOf: string;

  @Column('uuid', { nullable: true })
  mailId: string | null;

  @Column('varchar', { length: 200 })
  messageId: string;

  @Column('varchar', { length: 254 })
  recipient: string;

  @Column('uuid', { nullable: true })
  createdBy: string | null;

  @Column({ type: 'timestamptz', precision: 3, default: () => 'now()' })
  createdAt: Date;
}
