import { Column, Entity, ForeignKey, Unique } from 'typeorm';
import { CompanyOwnedEntity } from '@comptoir/platform/database';

export const STRIPE_EVENT_OUTCOMES = ['recorded', 'ignored'] as const;
export type StripeEventOutcome = (typeof STRIPE_EVENT_OUTCOMES)[number];

/**
 * Every webhook event handled, once: the unique (company, event id) is taken in the same transaction
 * as the payment it records, so a second delivery (a retry, or the same event twice at once) changes
 * nothing.
 */
@Entity('stripe_events')
@Unique('uq_stripe_events_event', ['companyId', 'eventId'])
@ForeignKey('companies', ['organizationId', 'companyId'], ['organizationId', 'id'], { name: 'fk_stripe_events_company' })
export class StripeEventEntity extends CompanyOwnedEntity {
  @Column('varchar', { length: 255 })
  eventId: string;

  @Column('varchar', { length: 100 })
  type: string;

  /** The PaymentIntent (or dispute) the event is about, when there is one. */
  @Column('varchar', { length: 255, nullable: true })
  objectId: string | null;

  @Column('varchar', { length: 20 })
  outcome: StripeEventOutcome;

  @Column({ type: 'timestamptz', precision: 3, default: () => 'now()' })
  receivedAt: Date;
}
