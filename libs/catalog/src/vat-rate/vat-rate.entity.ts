import { Column, Entity, ForeignKey, Index, Unique } from 'typeorm';
import { CompanyOwnedEntity } from '@comptoir/platform/database';
import type { VatCategoryCode } from '@comptoir/billing-engine';

/**
 * A VAT rate a company may put on its products: the rate, its EN 16931 category and, for 0 % rates,
 * the exemption reason printed on invoices. French rates are created on first use (vat-rate-defaults.ts);
 * other EU rates are added by the company. A rate used by a product cannot be deleted, only deactivated.
 */
@Entity('vat_rates')
@Index('uq_vat_rates_company_rate', ['companyId', 'country', 'rate', 'category'], { unique: true })
@Index('ix_vat_rates_company_updated', ['companyId', 'updatedAt', 'id'])
@Unique('uq_vat_rates_company_id', ['companyId', 'id'])
@ForeignKey('companies', ['organizationId', 'companyId'], ['organizationId', 'id'], { name: 'fk_vat_rates_company' })
export class VatRateEntity extends CompanyOwnedEntity {
  /** ISO 3166-1 alpha-2 country whose VAT this is. */
  @Column('char', { length: 2 })
  country: string;

  @Column('numeric', { precision: 5, scale: 2 })
  rate: string;

  @Column('varchar', { length: 2 })
  category: VatCategoryCode;

  @Column('varchar', { length: 200, nullable: true })
  exemptionReason: string | null;

  @Column('varchar', { length: 100 })
  label: string;

  @Column('boolean', { default: true })
  active: boolean;

  @Column({ type: 'timestamptz', precision: 3, default: () => 'now()' })
  createdAt: Date;

  @Column({ type: 'timestamptz', precision: 3, default: () => 'now()' })
  updatedAt: Date;
}
