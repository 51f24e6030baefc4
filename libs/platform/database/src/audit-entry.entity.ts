import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

export type AuditChanges = Record<string, { from: unknown; to: unknown }>;

/** One write by a user or API key: who, when, which record, which fields changed. */
@Entity('audit_entries')
@Index('ix_audit_entries_entity', ['organizationId', 'entity', 'entityId', 'at'])
export class AuditEntryEntity {
  @PrimaryColumn('uuid')
  id: string;

  @Column('uuid')
  organizationId: string;

  @Column('uuid', { nullable: true })
  companyId: string | null;

  @Column('varchar', { length: 10 })
  actorType: string;

  @Column('uuid', { nullable: true })
  actorId: string | null;

  @Column('varchar', { length: 200 })
  actorName: string;

  @Column('varchar', { length: 60 })
  entity: string;

  @Column('uuid')
  entityId: string;

  @Column('varchar', { length: 20 })
  action: string;

  @Column('jsonb')
  changes: AuditChanges;

  @Column('timestamptz')
  at: Date;

  @Column('varchar', { length: 64, nullable: true })
  requestId: string | null;
}
