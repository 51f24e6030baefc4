import { Check, Column, Entity, ForeignKey, Index, Unique } from 'typeorm';
import { CompanyOwnedEntity } from '@comptoir/platform/database';

/**
 * A named set of prices ("Tarif revendeurs") that customers are assigned to. Each item overrides the
 * catalog price of one product, by a unit price or a discount on the catalog price.
 */
@Entity('price_lists')
@Index('ix_price_lists_company_name', ['companyId', 'name', 'id'])
@Index('ix_price_lists_company_updated', ['companyId', 'updatedAt', 'id'])
@Unique('uq_price_lists_company_id', ['companyId', 'id'])
@Check('ck_price_lists_period', 'valid_from IS NULL OR valid_to IS NULL OR valid_from <= valid_to')
@ForeignKey('companies', ['organizationId', 'companyId'], ['organizationId', 'id'], { name: 'fk_price_lists_company' })
export class PriceListEntity extends CompanyOwnedEntity {
  @Column('varchar', { length: 100 })
  name: string;

  @Column('char', { length: 3 })
  currency: string;

  /** Inclusive validity bounds; null: open-ended. */
  @Column('date', { nullable: true })
  validFrom: string | null;

  @Column('date', { nullable: true })
  validTo: string | null;

  @Column('boolean', { default: true })
  active: boolean;

  @Column({ type: 'timestamptz', precision: 3, default: () => 'now()' })
  createdAt: Date;

  @Column({ type: 'timestamptz', precision: 3, default: () => 'now()' })
  updatedAt: Date;
}
