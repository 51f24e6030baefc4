import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * Transactional outbox: each domain event is inserted in the same transaction as the change that
 * caused it, then relayed to the queue by the worker. Not tenant-filtered by RLS: the relay serves all.
 */
@Entity('outbox_events')
@Index('ix_outbox_events_unpublished', ['occurredAt'], { where: 'published_at IS NULL' })
export class OutboxEventEntity {
  @PrimaryColumn('uuid')
  id: string;

  @Column('uuid')
  organizationId: string;

  @Column('uuid', { nullable: true })
  companyId: string | null;

  @Column('varchar', { length: 100 })
  name: string;

  @Column('varchar', { length: 60 })
  aggregateType: string;

  @Column('uuid')
  aggregateId: string;

  @Column('jsonb')
  payload: Record<string, unknown>;

  @Column('timestamptz')
  occurredAt: Date;

  @Column('timestamptz', { nullable: true })
  publishedAt: Date | null;

  /** In-process driver only: attempts so far, next try and last failure (BullMQ keeps its own). */
  @Column('int', { default: 0 })
  attempts: number;

  @Column('timestamptz', { nullable: true })
  nextAttemptAt: Date | null;

  @Column('text', { nullable: true })
  lastError: string | null;

  @Column('timestamptz', { nullable: true })
  failedAt: Date | null;
}
