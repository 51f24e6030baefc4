import { Check, Column, Entity, ForeignKey, Index } from 'typeorm';
import { CompanyOwnedEntity } from '@comptoir/platform/database';

/** The price of one product in a price list: a unit price (in the product's unit) or a discount percent. */
@Entity('price_list_items')
@Index('uq_price_list_items_product', ['companyId', 'priceListId', 'productId'], { unique: true })
@Index('ix_price_list_items_product', ['companyId', 'productId'])
@Check('ck_price_list_items_one_price', '(unit_price IS NULL) <> (discount_percent IS NULL)')
@ForeignKey('price_lists', ['companyId', 'priceListId'], ['companyId', 'id'], { name: 'fk_price_list_items_list', onDelete: 'CASCADE' })
@ForeignKey('products', ['companyId', 'productId'], ['companyId', 'id'], { name: 'fk_price_list_items_product', onDelete: 'CASCADE' })
export class PriceListItemEntity extends CompanyOwnedEntity {
  @Column('uuid')
  priceListId: string;

  @Column('uuid')
  productId: string;

  @Column('numeric', { precision: 19, scale: 4, nullable: true })
  unitPrice: string | null;

  @Column('numeric', { precision: 5, scale: 2, nullable: true })
  discountPercent: string | null;
}
