import { Column, Entity, ForeignKey, Index, Unique } from 'typeorm';
import { CompanyOwnedEntity } from '@comptoir/platform/database';
import type { PaymentMethod } from '@comptoir/crm';
/** `in`: received from the customer; `out`: a refund paid back to them. */
export type PaymentDirection = 'in' | 'out';
export type PaymentStatus = 'recorded' | 'cancelled';

/**
 * Money received from (or refunded to) a customer. Sealed in the ledger chain when recorded; never
 * edited or deleted: cancelling it (a bounced cheque, a SEPA reject) seals a cancellation and
 * reverses its allocations with entries dated on the cancellation, so reports as of an earlier date
 * still see it paid.
 */
@Entity('payments')
@Index('ix_payments_account', ['companyId', 'accountId', 'date'])
@Index('ix_payments_date', ['companyId', 'date', 'id'])
// Exactly-once recording of payments notified by a provider (a Stripe PaymentIntent id).
@Index('uq_payments_external_ref', ['companyId', 'externalRef'], { unique: true, where: 'external_ref IS NOT NULL' })
@Unique('uq_payments_company_id', ['companyId', 'id'])
@ForeignKey('companies', ['organizationId', 'companyId'], ['organizationId', 'id'], { name: 'fk_payments_company' })
@ForeignKey('accounts', ['companyId', 'accountId'], ['companyId', 'id'], { name: 'fk_payments_account' })
@ForeignKey('bank_accounts', ['companyId', 'bankAccountId'], ['companyId', 'id'], { name: 'fk_payments_bank_account' })
export class PaymentEntity extends CompanyOwnedEntity {
  /** The customer who paid (or is refunded). */
  @Column('uuid')
  accountId: string;

  @Column('varchar', { length: 3, default: 'in' })
  direction: PaymentDirection;

  @Column('date')
  date: string;

  @Column('varchar', { length: 20 })
  method: PaymentMethod;

  /** Always positive; the direction says which way the money went. */
  @Column('numeric', { precision: 19, scale: 2 })
  amount: string;

  @Column('char', { length: 3, default: 'EUR' })
  currency: string;

  /** The company's bank account the money went to (or left from). */
  @Column('uuid', { nullable: true })
  bankAccountId: string | null;

  /** Cheque number, transfer reference, provider id shown to people. */
  @Column('varchar', { length: 140, nullable: true })
  reference: string | null;

  @Column('text', { nullable: true })
  note: string | null;

  /** Provider id (Stripe PaymentIntent) that recorded it; unique per company. */
  @Column('varchar', { length: 200, nullable: true })
  externalRef: string | null;

  /** Incoming payments: the part not allocated yet, kept as customer credit. */
  @Column('numeric', { precision: 19, scale: 2, default: 0 })
  unallocated: string;

  @Column('varchar', { length: 20, default: 'recorded' })
  status: PaymentStatus;

  @Column('date', { nullable: true })
  cancelledOn: string | null;

  @Column('varchar', { length: 300, nullable: true })
  cancelReason: string | null;

  /** Id of the user or API key that recorded it (null for the system: webhooks, imports). */
  @Column('uuid', { nullable: true })
  createdBy: string | null;

  @Column({ type: 'timestamptz', precision: 3, default: () => 'now()' })
  createdAt: Date;
}
