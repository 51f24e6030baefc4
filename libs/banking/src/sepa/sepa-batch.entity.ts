import { Column, Entity, ForeignKey, Index, Unique } from 'typeorm';
import { CompanyOwnedEntity } from '@comptoir/platform/database';

export const SEPA_FORMATS = ['pain.008.001.02', 'pain.008.001.08'] as const;
export type SepaFormat = (typeof SEPA_FORMATS)[number];
export const SEPA_BATCH_STATUSES = ['generated', 'settled'] as const;
export type SepaBatchStatus = (typeof SEPA_BATCH_STATUSES)[number];

/** A SEPA direct-debit file: the invoices it collects are its items; the XML is stored once, at creation. */
@Entity('sepa_batches')
@Unique('uq_sepa_batches_company_id', ['companyId', 'id'])
@Index('ix_sepa_batches_created', ['companyId', 'createdAt', 'id'])
@ForeignKey('companies', ['organizationId', 'companyId'], ['organizationId', 'id'], { name: 'fk_sepa_batches_company' })
@ForeignKey('bank_accounts', ['companyId', 'creditorBankAccountId'], ['companyId', 'id'], { name: 'fk_sepa_batches_bank_account' })
export class SepaBatchEntity extends CompanyOwnedEntity {
  @Column('varchar', { length: 20 })
  format: SepaFormat;

  /** GrpHdr/MsgId. */
  @Column('varchar', { length: 35 })
  messageId: string;

  @Column('date')
  collectionDate: string;

  @Column('varchar', { length: 20, default: 'generated' })
  status: SepaBatchStatus;

  @Column('integer')
  count: number;

  @Column('numeric', { precision: 19, scale: 2 })
  total: string;

  @Column('char', { length: 3, default: 'EUR' })
  currency: string;

  /** The company's account credited by the collection. */
  @Column('uuid')
  creditorBankAccountId: string;

  @Column('varchar', { length: 300 })
  fileKey: string;

  @Column('date', { nullable: true })
  settledOn: string | null;

  @Column('uuid', { nullable: true })
  createdBy: string | null;

  @Column({ type: 'timestamptz', precision: 3, default: () => 'now()' })
  createdAt: Date;
}
