import { Column, Entity, ForeignKey, Index } from 'typeorm';
import { CompanyOwnedEntity } from '@comptoir/platform/database';
import type { OtherTaxInput, VatCategoryCode } from '@comptoir/billing-engine';
import type { LineKind } from './document-kinds';

/** One line of a sales document, in display order. Comment lines and page breaks carry no amounts. */
@Entity('sales_document_lines')
@Index('ix_sales_document_lines_document', ['companyId', 'documentId', 'position'])
@Index('ix_sales_document_lines_source', ['companyId', 'sourceLineId'], { where: 'source_line_id IS NOT NULL' })
@Index('ix_sales_document_lines_deposit', ['companyId', 'depositInvoiceId'], { where: 'deposit_invoice_id IS NOT NULL' })
@ForeignKey('sales_documents', ['companyId', 'documentId'], ['companyId', 'id'], { name: 'fk_sales_document_lines_document', onDelete: 'CASCADE' })
@ForeignKey('sales_documents', ['companyId', 'depositInvoiceId'], ['companyId', 'id'], { name: 'fk_sales_document_lines_deposit_invoice' })
export class SalesDocumentLineEntity extends CompanyOwnedEntity {
  @Column('uuid')
  documentId: string;

  @Column('integer')
  position: number;

  @Column('varchar', { length: 20, default: 'item' })
  kind: LineKind;

  @Column('uuid', { nullable: true })
  productId: string | null;

  /** goods or service, from the catalog: decides the operation category printed on invoices. */
  @Column('varchar', { length: 10, nullable: true })
  productType: 'goods' | 'service' | null;

  @Column('varchar', { length: 100, nullable: true })
  reference: string | null;

  @Column('text')
  description: string;

  @Column('numeric', { precision: 19, scale: 4, default: 0 })
  quantity: string;

  @Column('varchar', { length: 20, nullable: true })
  unit: string | null;

  @Column('numeric', { precision: 19, scale: 4, default: 0 })
  unitPrice: string;

  @Column('numeric', { precision: 7, scale: 4, nullable: true })
  discountPercent: string | null;

  @Column('numeric', { precision: 5, scale: 2, default: 0 })
  vatRate: string;

  /** EN 16931 VAT category (UNCL5305). */
  @Column('varchar', { length: 2, default: 'S' })
  vatCategory: VatCategoryCode;

  @Column('varchar', { length: 300, nullable: true })
  vatExemptionReason: string | null;

  @Column('jsonb', { default: () => `'[]'` })
  otherTaxes: OtherTaxInput[];

  @Column('date', { nullable: true })
  availabilityDate: string | null;

  /** round2(quantity × unit price × (1 − discount)), from the totals engine. */
  @Column('numeric', { precision: 19, scale: 2, default: 0 })
  net: string;

  /** The line this one was copied from (conversion) or corrects (credit note). */
  @Column('uuid', { nullable: true })
  sourceLineId: string | null;

  /** Final invoices: the deposit invoice this (negative) line deducts, one line per VAT rate of it. */
  @Column('uuid', { nullable: true })
  depositInvoiceId: string | null;
}
