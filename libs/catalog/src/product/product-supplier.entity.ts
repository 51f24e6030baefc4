import { Column, Entity, ForeignKey, Index } from 'typeorm';
import { CompanyOwnedEntity } from '@comptoir/platform/database';

/** Who sells a product to the company, at what price and reference, from what quantity. */
@Entity('product_suppliers')
@Index('ix_product_suppliers_product', ['companyId', 'productId', 'position'])
@Index('uq_product_suppliers_product_supplier', ['companyId', 'productId', 'supplierAccountId'], { unique: true })
@Index('ix_product_suppliers_supplier', ['companyId', 'supplierAccountId'])
@ForeignKey('products', ['companyId', 'productId'], ['companyId', 'id'], { name: 'fk_product_suppliers_product', onDelete: 'CASCADE' })
@ForeignKey('accounts', ['companyId', 'supplierAccountId'], ['companyId', 'id'], { name: 'fk_product_suppliers_account', onDelete: 'CASCADE' })
export class ProductSupplierEntity extends CompanyOwnedEntity {
  @Column('uuid')
  productId: string;

  @Column('uuid')
  supplierAccountId: string;

  /** Order of the suppliers as given (the first is the preferred one). */
  @Column('smallint')
  position: number;

  @Column('numeric', { precision: 19, scale: 4 })
  supplierPrice: string;

  @Column('varchar', { length: 50, nullable: true })
  supplierReference: string | null;

  @Column('numeric', { precision: 19, scale: 4, nullable: true })
  minimumOrderQuantity: string | null;
}
