import { Column, Entity, ForeignKey, Unique } from 'typeorm';
import { CompanyOwnedEntity } from '@comptoir/platform/database';
import type { StripeMode } from './stripe-settings.entity';

/** A customer account registered at Stripe: its Stripe customer, SEPA debit payment method and mandate. */
@Entity('stripe_customers')
@Unique('uq_stripe_customers_account', ['companyId', 'accountId'])
@ForeignKey('companies', ['organizationId', 'companyId'], ['organizationId', 'id'], { name: 'fk_stripe_customers_company' })
@ForeignKey('accounts', ['companyId', 'accountId'], ['companyId', 'id'], { name: 'fk_stripe_customers_account' })
@ForeignKey('bank_accounts', ['companyId', 'bankAccountId'], ['companyId', 'id'], { name: 'fk_stripe_customers_bank_account' })
export class StripeCustomerEntity extends CompanyOwnedEntity {
  @Column('uuid')
  accountId: string;

  /** The customer's bank account whose IBAN the payment method debits. */
  @Column('uuid')
  bankAccountId: string;

  @Column('varchar', { length: 255 })
  stripeCustomerId: string;

  @Column('varchar', { length: 255 })
  paymentMethodId: string;

  /** The SEPA mandate Stripe created when the payment method was set up (offline acceptance). */
  @Column('varchar', { length: 255, nullable: true })
  mandateId: string | null;

  @Column('varchar', { length: 254 })
  email: string;

  /** Stripe customers of test mode do not exist in live mode: a change of keys asks for a new registration. */
  @Column('varchar', { length: 4 })
  mode: StripeMode;

  @Column({ type: 'timestamptz', precision: 3, default: () => 'now()' })
  createdAt: Date;

  @Column({ type: 'timestamptz', precision: 3, default: () => 'now()' })
  updatedAt: Date;
}
