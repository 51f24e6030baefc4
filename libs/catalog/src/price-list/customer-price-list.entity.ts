import { Column, Entity, ForeignKey, Index } from 'typeorm';
import { CompanyOwnedEntity } from '@comptoir/platform/database';

/**
 * Which price list a customer account buys at (at most one). Kept in the catalog rather than as a
 * column of the CRM's accounts: the CRM sits below the catalog and does not know price lists.
 */
@Entity('customer_price_lists')
@Index('uq_customer_price_lists_account', ['companyId', 'accountId'], { unique: true })
@Index('ix_customer_price_lists_list', ['companyId', 'priceListId'])
@ForeignKey('accounts', ['companyId', 'accountId'], ['companyId', 'id'], { name: 'fk_customer_price_lists_account', onDelete: 'CASCADE' })
@ForeignKey('price_lists', ['companyId', 'priceListId'], ['companyId', 'id'], { name: 'fk_customer_price_lists_list', onDelete: 'CASCADE' })
export class CustomerPriceListEntity extends CompanyOwnedEntity {
  @Column('uuid')
  accountId: string;

  @Column('uuid')
  priceListId: string;

  @Column({ type: 'timestamptz', precision: 3, default: () => 'now()' })
  assignedAt: Date;
}
