import { Column, Entity, ForeignKey, Index, Unique } from 'typeorm';
import { CompanyOwnedEntity } from '@comptoir/platform/database';

/**
 * A bank account known by IBAN (and BIC): the company's own accounts (`accountId` null), which
 * receive payments and carry SEPA collections, or a customer's, which SEPA mandates debit.
 */
@Entity('bank_accounts')
@Index('ix_bank_accounts_account', ['companyId', 'accountId'])
@Unique('uq_bank_accounts_company_id', ['companyId', 'id'])
@ForeignKey('companies', ['organizationId', 'companyId'], ['organizationId', 'id'], { name: 'fk_bank_accounts_company' })
@ForeignKey('accounts', ['companyId', 'accountId'], ['companyId', 'id'], { name: 'fk_bank_accounts_account' })
export class BankAccountEntity extends CompanyOwnedEntity {
  /** The customer (or supplier) holding it; null for the company's own accounts. */
  @Column('uuid', { nullable: true })
  accountId: string | null;

  /** Electronic format: upper case, no spaces. */
  @Column('varchar', { length: 34 })
  iban: string;

  @Column('varchar', { length: 11, nullable: true })
  bic: string | null;

  @Column('varchar', { length: 140 })
  holder: string;

  @Column('varchar', { length: 100, nullable: true })
  label: string | null;

  /** The company's account used by default for receipts and collections (one per company). */
  @Column('boolean', { default: false })
  isDefault: boolean;

  @Column('timestamptz', { nullable: true })
  archivedAt: Date | null;

  @Column({ type: 'timestamptz', precision: 3, default: () => 'now()' })
  createdAt: Date;

  @Column({ type: 'timestamptz', precision: 3, default: () => 'now()' })
  updatedAt: Date;
}
