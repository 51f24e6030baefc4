import { Column, Entity, ForeignKey, Index, Unique } from 'typeorm';
import { CompanyOwnedEntity } from '@comptoir/platform/database';
import type { VatCategoryCode } from '@comptoir/billing-engine';

export const PRODUCT_TYPES = ['goods', 'service'] as const;
export type ProductType = (typeof PRODUCT_TYPES)[number];
export const OTHER_TAX_MODES = ['fixed', 'percent'] as const;

/**
 * A tax or contribution charged on top of the price (eco-participation, DEEE…): `fixed` is an amount
 * per unit, `percent` a share of the line net. It carries its own VAT rate.
 */
export interface ProductOtherTax {
  label: string;
  mode: (typeof OTHER_TAX_MODES)[number];
  value: string;
  vatRate: string;
  vatCategory?: VatCategoryCode;
}

/**
 * A product or service of the catalog. Prices are net of VAT with 4 decimals. Deleting archives it
 * (`active: false`): documents keep pointing at it, new document lines refuse it.
 */
@Entity('products')
@Index('uq_products_company_reference', ['companyId', 'reference'], { unique: true })
@Index('ix_products_company_name', ['companyId', 'name', 'id'])
@Index('ix_products_company_updated', ['companyId', 'updatedAt', 'id'])
@Index('ix_products_company_created', ['companyId', 'createdAt', 'id'])
@Index('ix_products_company_ean', ['companyId', 'ean'], { where: 'ean IS NOT NULL' })
@Index('ix_products_search', { synchronize: false })
@Unique('uq_products_company_id', ['companyId', 'id'])
@ForeignKey('companies', ['organizationId', 'companyId'], ['organizationId', 'id'], { name: 'fk_products_company' })
@ForeignKey('vat_rates', ['companyId', 'vatRateId'], ['companyId', 'id'], { name: 'fk_products_vat_rate' })
export class ProductEntity extends CompanyOwnedEntity {
  @Column('varchar', { length: 50 })
  reference: string;

  @Column('varchar', { length: 200 })
  name: string;

  @Column('text', { nullable: true })
  description: string | null;

  @Column('varchar', { length: 10 })
  type: ProductType;

  @Column('varchar', { length: 20 })
  unit: string;

  @Column('numeric', { precision: 19, scale: 4 })
  unitPrice: string;

  @Column('uuid')
  vatRateId: string;

  @Column('numeric', { precision: 19, scale: 4, nullable: true })
  costPrice: string | null;

  @Column('varchar', { length: 13, nullable: true })
  ean: string | null;

  @Column('varchar', { length: 500, nullable: true })
  imageUrl: string | null;

  @Column('boolean', { default: false })
  stockManaged: boolean;

  @Column('numeric', { precision: 19, scale: 4, nullable: true })
  reorderThreshold: string | null;

  @Column('jsonb', { default: () => `'[]'` })
  otherTaxes: ProductOtherTax[];

  /** Chart-of-accounts numbers for the accounting export (e.g. 706000 services, 707000 goods). */
  @Column('varchar', { length: 20, nullable: true })
  salesAccount: string | null;

  @Column('varchar', { length: 20, nullable: true })
  purchaseAccount: string | null;

  @Column('boolean', { default: true })
  active: boolean;

  @Column({ type: 'timestamptz', precision: 3, default: () => 'now()' })
  createdAt: Date;

  @Column({ type: 'timestamptz', precision: 3, default: () => 'now()' })
  updatedAt: Date;

  /** Accent-folded reference, name and EAN, kept by a trigger; never served. */
  @Column({ type: 'text', select: false, insert: false, update: false, default: '' })
  searchText: string;
}
