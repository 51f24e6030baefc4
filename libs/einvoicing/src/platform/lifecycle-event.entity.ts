import { Column, Entity, ForeignKey, Index } from 'typeorm';
import { CompanyOwnedEntity } from '@comptoir/platform/database';

/**
 * One lifecycle status of an e-invoice as the platform (or the seller) reported it: the CDAR status
 * code (200 deposited … 212 cashed in), append-only. The same status reported twice (a redelivered
 * callback) is stored once: (document, code, platform event id) is unique.
 */
@Entity('einvoice_lifecycle_events')
@Index('uq_einvoice_lifecycle_event', ['companyId', 'einvoiceId', 'code', 'eventRef'], { unique: true })
@ForeignKey('einvoices', ['companyId', 'einvoiceId'], ['companyId', 'id'], { name: 'fk_einvoice_lifecycle_einvoice' })
export class EInvoiceLifecycleEventEntity extends CompanyOwnedEntity {
  @Column('uuid')
  einvoiceId: string;

  /** CDAR lifecycle status code (XP Z12-012 annex B): 200, 201, 202 … 213. */
  @Column('smallint')
  code: number;

  @Column('varchar', { length: 30 })
  status: string;

  /** The platform's id for this status message (idempotency of callbacks). */
  @Column('varchar', { length: 100 })
  eventRef: string;

  @Column('timestamptz')
  occurredAt: Date;

  /** platform or seller (statuses the seller itself emits, such as 212 cashed in). */
  @Column('varchar', { length: 10 })
  source: string;

  @Column('text', { nullable: true })
  reason: string | null;

  @Column('timestamptz', { default: () => 'now()' })
  createdAt: Date;
}
