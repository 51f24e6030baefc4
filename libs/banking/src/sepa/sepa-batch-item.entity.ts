import { Column, Entity, ForeignKey, Index } from 'typeorm';
import { CompanyOwnedEntity } from '@comptoir/platform/database';
import type { SequenceType } from '../mandates/sequence-type';

export const SEPA_ITEM_STATUSES = ['pending', 'settled', 'rejected'] as const;
export type SepaItemStatus = (typeof SEPA_ITEM_STATUSES)[number];

/**
 * One direct debit of a batch: an invoice's due installment, collected under a mandate. The debtor's
 * IBAN and the mandate reference are copied as they were written in the file.
 */
@Entity('sepa_batch_items')
@Index('ix_sepa_batch_items_batch', ['companyId', 'batchId'])
@Index('uq_sepa_batch_items_pending_invoice', ['companyId', 'invoiceId'], { unique: true, where: `status = 'pending'` })
@ForeignKey('sepa_batches', ['companyId', 'batchId'], ['companyId', 'id'], { name: 'fk_sepa_batch_items_batch' })
@ForeignKey('sales_documents', ['companyId', 'invoiceId'], ['companyId', 'id'], { name: 'fk_sepa_batch_items_invoice' })
@ForeignKey('mandates', ['companyId', 'mandateId'], ['companyId', 'id'], { name: 'fk_sepa_batch_items_mandate' })
@ForeignKey('companies', ['organizationId', 'companyId'], ['organizationId', 'id'], { name: 'fk_sepa_batch_items_company' })
export class SepaBatchItemEntity extends CompanyOwnedEntity {
  @Column('uuid')
  batchId: string;

  @Column('uuid')
  invoiceId: string;

  @Column('varchar', { length: 40 })
  invoiceNumber: string;

  @Column('uuid')
  accountId: string;

  @Column('uuid')
  mandateId: string;

  @Column('varchar', { length: 35 })
  mandateReference: string;

  @Column('varchar', { length: 34 })
  debtorIban: string;

  @Column('varchar', { length: 4 })
  sequenceType: SequenceType;

  @Column('numeric', { precision: 19, scale: 2 })
  amount: string;

  /** PmtId/EndToEndId: the invoice number, returned by the bank on rejects. */
  @Column('varchar', { length: 35 })
  endToEndId: string;

  @Column('varchar', { length: 10, default: 'pending' })
  status: SepaItemStatus;

  /** The direct_debit payment recorded when the batch was settled. */
  @Column('uuid', { nullable: true })
  paymentId: string | null;

  @Column('date', { nullable: true })
  rejectedOn: string | null;

  @Column('varchar', { length: 300, nullable: true })
  rejectReason: string | null;
}
