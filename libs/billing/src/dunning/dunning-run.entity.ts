import { Column, Entity, ForeignKey } from 'typeorm';
import { CompanyOwnedEntity } from '@comptoir/platform/database';

/** One mass action: the invoices selected, the steps it planned (its events carry the progress). */
@Entity('dunning_runs')
@ForeignKey('companies', ['organizationId', 'companyId'], ['organizationId', 'id'], { name: 'fk_dunning_runs_company' })
export class DunningRunEntity extends CompanyOwnedEntity {
  @Column('date')
  asOf: string;

  @Column('integer')
  requested: number;

  /** Steps planned by this run (one mail each). */
  @Column('integer')
  total: number;

  @Column('uuid', { nullable: true })
  createdBy: string | null;

  @Column({ type: 'timestamptz', precision: 3, default: () => 'now()' })
  createdAt: Date;
}
