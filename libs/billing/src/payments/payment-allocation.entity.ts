import { Column, Entity, ForeignKey, Index } from 'typeorm';
import { CompanyOwnedEntity } from '@comptoir/platform/database';

/** Where the money comes from: an incoming payment or a credit note. */
export type AllocationSource = 'payment' | 'credit_note';
/** What it settles: an invoice (kind invoice or deposit), or a refund (an outgoing payment). */
export type AllocationTarget = 'invoice' | 'refund';

/**
 * One settlement movement, dated: the balance of an invoice as of any date is its amount due minus
 * the allocations targeting it dated on or before that date. Append-only: a cancelled payment adds
 * reversing rows (negative amount, `reversesId` set) dated on the cancellation.
 */
@Entity('payment_allocations')
@Index('ix_payment_allocations_target', ['companyId', 'targetId', 'date'])
@Index('ix_payment_allocations_source', ['companyId', 'sourceId'])
@Index('ix_payment_allocations_date', ['companyId', 'date'])
@ForeignKey('companies', ['organizationId', 'companyId'], ['organizationId', 'id'], { name: 'fk_payment_allocations_company' })
export class PaymentAllocationEntity extends CompanyOwnedEntity {
  @Column('varchar', { length: 20 })
  sourceType: AllocationSource;

  /** A payment id or a credit note (sales document) id. */
  @Column('uuid')
  sourceId: string;

  @Column('varchar', { length: 20 })
  targetType: AllocationTarget;

  /** An invoice (sales document) id or an outgoing payment id. */
  @Column('uuid')
  targetId: string;

  /** Positive; negative only on a reversal. */
  @Column('numeric', { precision: 19, scale: 2 })
  amount: string;

  @Column('date')
  date: string;

  @Column('uuid', { nullable: true })
  reversesId: string | null;

  @Column({ type: 'timestamptz', precision: 3, default: () => 'now()' })
  createdAt: Date;
}
