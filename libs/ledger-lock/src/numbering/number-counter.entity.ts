import { Column, Entity, ForeignKey, Unique } from 'typeorm';
import { CompanyOwnedEntity } from '@comptoir/platform/database';

/** The last counter value a series issued in one period ('' when it never resets, '2026', '2026-03'). */
@Entity('number_counters')
@Unique('uq_number_counters_sequence_period', ['sequenceId', 'periodKey'])
@ForeignKey('companies', ['organizationId', 'companyId'], ['organizationId', 'id'], { name: 'fk_number_counters_company' })
@ForeignKey('number_sequences', ['companyId', 'sequenceId'], ['companyId', 'id'], { name: 'fk_number_counters_sequence' })
export class NumberCounterEntity extends CompanyOwnedEntity {
  @Column('uuid')
  sequenceId: string;

  @Column('varchar', { length: 7 })
  periodKey: string;

  @Column('integer')
  lastValue: number;

  /** Date of the latest document numbered in this period. */
  @Column('date')
  lastDate: string;
}
