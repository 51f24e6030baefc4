import { Column, Entity, ForeignKey, Index, Unique } from 'typeorm';
import { CompanyOwnedEntity } from '@comptoir/platform/database';
import type { ClosingKind, ClosingTotals } from './closing.types';

/**
 * A closed month or fiscal year: its totals computed from the sealed journal, sealed in turn as a
 * 'closing' entry (sealSeq). Append-only like the journal. The archive is stored under `archiveKey`
 * and kept until `retainUntil` (10 years after the period end, Commercial Code).
 */
@Entity('ledger_closings')
@Unique('uq_ledger_closings_company_period', ['companyId', 'kind', 'period'])
@Index('ix_ledger_closings_company_end', ['companyId', 'endDate'])
@ForeignKey('companies', ['organizationId', 'companyId'], ['organizationId', 'id'], { name: 'fk_ledger_closings_company' })
export class LedgerClosingEntity extends CompanyOwnedEntity {
  @Column('varchar', { length: 5 })
  kind: ClosingKind;

  /** "2026-10" for a month, "2026" for the fiscal year ending in 2026. */
  @Column('varchar', { length: 7 })
  period: string;

  @Column('date')
  startDate: string;

  @Column('date')
  endDate: string;

  @Column('jsonb')
  totals: ClosingTotals;

  @Column('bigint')
  sealSeq: string;

  @Column('varchar', { length: 200 })
  archiveKey: string;

  @Column('date')
  retainUntil: string;

  @Column({ type: 'timestamptz', precision: 3, default: () => 'now()' })
  createdAt: Date;
}
