import { Column, Entity, ForeignKey, Unique } from 'typeorm';
import { CompanyOwnedEntity } from '@comptoir/platform/database';
import type { BankAccountCode, RateAccounts, VatRegime } from './accounting-defaults';

/** The accounts and journals the FEC export posts to (one row per company, created on first change). */
@Entity('accounting_settings')
@Unique('uq_accounting_settings_company', ['companyId'])
@ForeignKey('companies', ['organizationId', 'companyId'], ['organizationId', 'id'], { name: 'fk_accounting_settings_company' })
export class AccountingSettingsEntity extends CompanyOwnedEntity {
  @Column('varchar', { length: 10 })
  vatRegime: VatRegime;

  @Column('varchar', { length: 10 })
  salesJournalCode: string;

  @Column('varchar', { length: 100 })
  salesJournalLabel: string;

  @Column('varchar', { length: 10 })
  bankJournalCode: string;

  @Column('varchar', { length: 100 })
  bankJournalLabel: string;

  @Column('varchar', { length: 12 })
  customersAccount: string;

  @Column('varchar', { length: 12 })
  salesGoodsAccount: string;

  @Column('varchar', { length: 12 })
  salesServicesAccount: string;

  @Column('varchar', { length: 12 })
  vatCollectedAccount: string;

  @Column('varchar', { length: 12 })
  vatPendingAccount: string;

  @Column('varchar', { length: 12 })
  depositsAccount: string;

  @Column('varchar', { length: 12 })
  bankAccount: string;

  @Column('varchar', { length: 12 })
  roundingDebitAccount: string;

  @Column('varchar', { length: 12 })
  roundingCreditAccount: string;

  /** Sales and VAT accounts of the rates that differ from the defaults. */
  @Column('jsonb', { default: () => `'[]'` })
  rateAccounts: RateAccounts[];

  /** The account of each of the company's own bank accounts that has its own (512100, 512200…). */
  @Column('jsonb', { default: () => `'[]'` })
  bankAccounts: BankAccountCode[];

  @Column({ type: 'timestamptz', precision: 3, default: () => 'now()' })
  createdAt: Date;

  @Column({ type: 'timestamptz', precision: 3, default: () => 'now()' })
  updatedAt: Date;
}
