import { Column, Entity, ForeignKey, Index, Unique } from 'typeorm';
import { CompanyOwnedEntity } from '@comptoir/platform/database';

export const STRIPE_ATTEMPT_STATUSES = ['pending', 'succeeded', 'failed', 'disputed'] as const;
export type StripeAttemptStatus = (typeof STRIPE_ATTEMPT_STATUSES)[number];

/**
 * One collection of an invoice through Stripe. Attempt n is sent with the idempotency key
 * `<invoice id>:<n>`: a retry of the same attempt (timeout, crash) reaches the same PaymentIntent, and
 * n grows only after a failure. The rows are the invoice's Stripe history.
 */
@Entity('stripe_payment_attempts')
@Unique('uq_stripe_payment_attempts_attempt', ['companyId', 'invoiceId', 'attempt'])
@Index('uq_stripe_payment_attempts_intent', ['companyId', 'paymentIntentId'], { unique: true, where: 'payment_intent_id IS NOT NULL' })
@ForeignKey('companies', ['organizationId', 'companyId'], ['organizationId', 'id'], { name: 'fk_stripe_payment_attempts_company' })
@ForeignKey('sales_documents', ['companyId', 'invoiceId'], ['companyId', 'id'], { name: 'fk_stripe_payment_attempts_invoice' })
export class StripePaymentAttemptEntity extends CompanyOwnedEntity {
  @Column('uuid')
  invoiceId: string;

  @Column('smallint')
  attempt: number;

  /** Null until Stripe has answered (a crash or timeout before that leaves the attempt to retry). */
  @Column('varchar', { length: 255, nullable: true })
  paymentIntentId: string | null;

  /** The open balance asked for, kept so that a retry sends the very same request. */
  @Column('numeric', { precision: 19, scale: 2 })
  amount: string;

  @Column('varchar', { length: 20, default: 'pending' })
  status: StripeAttemptStatus;

  @Column('varchar', { length: 500, nullable: true })
  failureMessage: string | null;

  /** The payment recorded when Stripe reported it succeeded. */
  @Column('uuid', { nullable: true })
  paymentId: string | null;

  @Column({ type: 'timestamptz', precision: 3, default: () => 'now()' })
  createdAt: Date;

  @Column({ type: 'timestamptz', precision: 3, default: () => 'now()' })
  updatedAt: Date;
}
