import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * Inbox of handled events: a handler records (handler, event) in the same transaction as its own
 * writes, so a redelivered event is skipped. BullMQ job ids alone are forgotten once jobs are removed.
 */
@Entity('processed_events')
export class ProcessedEventEntity {
  @PrimaryColumn('varchar', { length: 100 })
  handler: string;

  @PrimaryColumn('uuid')
  eventId: string;

  @Column('timestamptz', { default: () => 'now()' })
  processedAt: Date;
}
