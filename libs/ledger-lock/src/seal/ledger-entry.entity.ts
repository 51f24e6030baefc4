import { Column, Entity, ForeignKey, Index, Unique } from 'typeorm';
import { CompanyOwnedEntity } from '@comptoir/platform/database';
import type { SealKind } from './seal.types';

/**
 * One link of a company's sealed journal. Append-only: triggers refuse UPDATE, DELETE and TRUNCATE,
 * and the application role holds no such rights. `seq` runs 1, 2, 3… per company; `hash` is the
 * HMAC of the entry chained to `prevHash` (see seal-chain.ts).
 */
@Entity('ledger_entries')
@Unique('uq_ledger_entries_company_seq', ['companyId', 'seq'])
@Index('ix_ledger_entries_company_record', ['companyId', 'recordId'])
@Index('ix_ledger_entries_company_kind_date', ['companyId', 'kind', 'recordDate'])
@ForeignKey('companies', ['organizationId', 'companyId'], ['organizationId', 'id'], { name: 'fk_ledger_entries_company' })
export class LedgerEntryEntity extends CompanyOwnedEntity {
  /** bigint: read back as a string by the driver. */
  @Column('bigint')
  seq: string;

  @Column('varchar', { length: 20 })
  kind: SealKind;

  @Column('varchar', { length: 40 })
  recordType: string;

  @Column('uuid')
  recordId: string;

  @Column('date')
  recordDate: string;

  @Column('jsonb')
  payload: Record<string, unknown>;

  @Column('char', { length: 64 })
  prevHash: string;

  @Column('char', { length: 64 })
  hash: string;

  @Column({ type: 'timestamptz', precision: 3, default: () => 'now()' })
  createdAt: Date;
}
