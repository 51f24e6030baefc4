import { Column, Entity, ForeignKey, Index, Unique } from 'typeorm';
import { CompanyOwnedEntity } from '@comptoir/platform/database';
import type { LinkRelation } from './document-kinds';

/**
 * A parent → child arrow of the chain (conversion, credit note, revision, duplicate). One row serves
 * both directions: it is indexed on each end, so either document finds the other.
 */
@Entity('sales_document_links')
@Unique('uq_sales_document_links', ['companyId', 'parentId', 'childId'])
@Index('ix_sales_document_links_child', ['companyId', 'childId'])
@ForeignKey('sales_documents', ['companyId', 'parentId'], ['companyId', 'id'], { name: 'fk_sales_document_links_parent', onDelete: 'CASCADE' })
@ForeignKey('sales_documents', ['companyId', 'childId'], ['companyId', 'id'], { name: 'fk_sales_document_links_child', onDelete: 'CASCADE' })
export class SalesDocumentLinkEntity extends CompanyOwnedEntity {
  @Column('uuid')
  parentId: string;

  @Column('uuid')
  childId: string;

  @Column('varchar', { length: 20 })
  relation: LinkRelation;

  @Column({ type: 'timestamptz', precision: 3, default: () => 'now()' })
  createdAt: Date;
}
