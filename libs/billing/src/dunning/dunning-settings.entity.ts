import { Column, Entity, ForeignKey, Unique } from 'typeorm';
import { CompanyOwnedEntity } from '@comptoir/platform/database';

/**
 * A company's dunning settings (created with the default steps the first time dunning is used) and
 * the last daily digest of the scheduled job: how many invoices were due a step that day.
 */
@Entity('dunning_settings')
@Unique('uq_dunning_settings_company', ['companyId'])
@ForeignKey('companies', ['organizationId', 'companyId'], ['organizationId', 'id'], { name: 'fk_dunning_settings_company' })
export class DunningSettingsEntity extends CompanyOwnedEntity {
  /** Open invoices falling due within this many days show as "due soon". */
  @Column('smallint', { default: 7 })
  dueSoonDays: number;

  @Column('date', { nullable: true })
  digestOn: string | null;

  @Column('integer', { nullable: true })
  digestCount: number | null;

  @Column('numeric', { precision: 19, scale: 2, nullable: true })
  digestAmount: string | null;

  @Column({ type: 'timestamptz', precision: 3, default: () => 'now()' })
  updatedAt: Date;
}
