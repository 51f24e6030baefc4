import { Column, Entity, ForeignKey, Unique } from 'typeorm';
import { CompanyOwnedEntity } from '@comptoir/platform/database';
import type { InstallmentInput } from '@comptoir/billing-engine';
import type { PdfOptions } from '@comptoir/documents';

/** Per-company defaults of new documents and the legal texts printed on invoices (one row per company, created on first change). */
@Entity('billing_settings')
@Unique('uq_billing_settings_company', ['companyId'])
@ForeignKey('companies', ['organizationId', 'companyId'], ['organizationId', 'id'], { name: 'fk_billing_settings_company' })
export class BillingSettingsEntity extends CompanyOwnedEntity {
  @Column('text')
  latePenaltyText: string;

  @Column('text')
  earlyPaymentText: string;

  @Column('text', { nullable: true })
  termsOfSale: string | null;

  @Column('jsonb', { default: () => `'[]'` })
  paymentTerms: InstallmentInput[];

  @Column('jsonb')
  pdfOptions: PdfOptions;

  /** VAT on debits (option for services): printed as "TVA acquittée sur les débits". */
  @Column('boolean', { default: false })
  vatOnDebits: boolean;

  /** Days a new quote stays valid. */
  @Column('smallint', { default: 30 })
  quoteValidityDays: number;

  @Column({ type: 'timestamptz', precision: 3, default: () => 'now()' })
  createdAt: Date;

  @Column({ type: 'timestamptz', precision: 3, default: () => 'now()' })
  updatedAt: Date;
}
