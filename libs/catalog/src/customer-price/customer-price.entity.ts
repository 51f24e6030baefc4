import { Check, Column, Entity, ForeignKey, Index, Unique } from 'typeorm';
import { CompanyOwnedEntity } from '@comptoir/platform/database';

/**
 * A price negotiated with one customer for one product, optionally for a period: a unit price (in the
 * product's unit) or a discount percent on the catalog price. It wins over the customer's price list.
 */
@Entity('customer_prices')
@Index('ix_customer_prices_account_product', ['companyId', 'accountId', 'productId'])
@Index('ix_customer_prices_company_updated', ['companyId', 'updatedAt', 'id'])
@Index('ix_customer_prices_company_created', ['companyId', 'createdAt', 'id'])
@Unique('uq_customer_prices_company_id', ['companyId', 'id'])
@Check('ck_customer_prices_one_price', '(unit_price IS NULL) <> (discount_percent IS NULL)')
@Check('ck_customer_prices_period', 'valid_from IS NULL OR valid_to IS NULL OR valid_from <= valid_to')
@ForeignKey('accounts', ['companyId', 'accountId'], ['companyId', 'id'], { name: 'fk_customer_prices_account', onDelete: 'CASCADE' })
@ForeignKey('products', ['companyId', 'productId'], ['companyId', 'id'], { name: 'fk_customer_prices_product', onDelete: 'CASCADE' })
export class CustomerPriceEntity extends CompanyOwnedEntity {
  @Column('uuid')
  accountId: string;

  @Column('uuid')
  productId: string;

  @Column('numeric', { precision: 19, scale: 4, nullable: true })
  unitPrice: string | null;

  @Column('numeric', { precision: 5, scale: 2, nullable: true })
  discountPercent: string | null;

  @Column('date', { nullable: true })
  validFrom: string | null;

  @Column('date', { nullable: true })
  validTo: string | null;

  @Column({ type: 'timestamptz', precision: 3, default: () => 'now()' })
  createdAt: Date;

  @Column({ type: 'timestamptz', precision: 3, default: () => 'now()' })
  updatedAt: Date;
}
