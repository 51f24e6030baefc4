import { Column, Entity, ForeignKey, Index, Unique } from 'typeorm';
import { CompanyOwnedEntity } from '@comptoir/platform/database';

export const MANDATE_TYPES = ['recurrent', 'oneOff'] as const;
export type MandateType = (typeof MANDATE_TYPES)[number];
export const MANDATE_SCHEMES = ['CORE', 'B2B'] as const;
export type MandateScheme = (typeof MANDATE_SCHEMES)[number];
/** Stored statuses; `lapsed` is also computed on read from `lapsesOn` (36 months without a collection). */
export const MANDATE_STATUSES = ['active', 'revoked', 'lapsed', 'consumed'] as const;
export type MandateStatus = (typeof MANDATE_STATUSES)[number];

/** What an amendment changed, carried by the next collection (AmdmntInd + original values). */
export interface MandateAmendment {
  /** The reference (RUM) before the change, when it changed. */
  originalReference: string | null;
  /** The debtor IBAN before the change, when the bank account changed. */
  originalIban: string | null;
  /** The debtor moved to another bank (the IBAN's bank identifier changed): the next collection is FRST. */
  otherBank: boolean;
}

/**
 * A SEPA direct-debit mandate: the debtor's authorisation for the company (the creditor) to collect from
 * one of the debtor's bank accounts. Its history (collections, amendments) decides the sequence type of
 * the next collection.
 */
@Entity('mandates')
@Unique('uq_mandates_company_id', ['companyId', 'id'])
@Unique('uq_mandates_reference', ['companyId', 'reference'])
@Index('ix_mandates_account', ['companyId', 'accountId'])
@ForeignKey('companies', ['organizationId', 'companyId'], ['organizationId', 'id'], { name: 'fk_mandates_company' })
@ForeignKey('accounts', ['companyId', 'accountId'], ['companyId', 'id'], { name: 'fk_mandates_account' })
@ForeignKey('bank_accounts', ['companyId', 'bankAccountId'], ['companyId', 'id'], { name: 'fk_mandates_bank_account' })
export class MandateEntity extends CompanyOwnedEntity {
  @Column('uuid')
  accountId: string;

  @Column('uuid')
  bankAccountId: string;

  /** RUM (référence unique du mandat), unique per creditor. */
  @Column('varchar', { length: 35 })
  reference: string;

  @Column('date')
  signedOn: string;

  @Column('varchar', { length: 100 })
  signaturePlace: string;

  @Column('varchar', { length: 10 })
  type: MandateType;

  @Column('varchar', { length: 4 })
  scheme: MandateScheme;

  @Column('varchar', { length: 10, default: 'active' })
  status: MandateStatus;

  /** Days between the pre-notification and the collection (14 by default, shorter when agreed). */
  @Column('smallint', { default: 14 })
  preNotificationDays: number;

  /** Collections sent under this mandate (FRST once it is 0, RCUR after). */
  @Column('integer', { default: 0 })
  collectionCount: number;

  @Column('date', { nullable: true })
  lastCollectionOn: string | null;

  /** The next collection is the last one (FNAL); the mandate is consumed after it. */
  @Column('boolean', { default: false })
  finalCollection: boolean;

  /** An amendment not yet carried by a collection. */
  @Column('jsonb', { nullable: true })
  pendingAmendment: MandateAmendment | null;

  @Column('date', { nullable: true })
  revokedOn: string | null;

  @Column({ type: 'timestamptz', precision: 3, default: () => 'now()' })
  createdAt: Date;

  @Column({ type: 'timestamptz', precision: 3, default: () => 'now()' })
  updatedAt: Date;
}
