import { Column, Entity, ForeignKey, Index } from 'typeorm';
import { CompanyOwnedEntity } from '@comptoir/platform/database';

export const ACTIVITY_KINDS = ['event', 'task'] as const;
export type ActivityKind = (typeof ACTIVITY_KINDS)[number];
export const ACTIVITY_TYPES = ['meeting', 'call', 'visit', 'email', 'quote_follow_up', 'note', 'system', 'other'] as const;
export type ActivityType = (typeof ACTIVITY_TYPES)[number];
/** The types clients may write: `system` is reserved for the entries Comptoir writes on timelines. */
export const USER_ACTIVITY_TYPES = ['meeting', 'call', 'visit', 'email', 'quote_follow_up', 'note', 'other'] as const satisfies readonly ActivityType[];
export type UserActivityType = (typeof USER_ACTIVITY_TYPES)[number];

/**
 * Agenda items of a user: events (start and end) and tasks (due date), optionally about an account
 * and a contact. `system` entries are written by Comptoir itself on the account's timeline.
 */
@Entity('activities')
@Index('ix_activities_user_start', ['companyId', 'userId', 'startsAt'])
@Index('ix_activities_user_due', ['companyId', 'userId', 'dueOn'])
@Index('ix_activities_account', ['companyId', 'accountId', 'createdAt'])
@Index('ix_activities_company_updated', ['companyId', 'updatedAt', 'id'])
@ForeignKey('accounts', ['companyId', 'accountId'], ['companyId', 'id'], { name: 'fk_activities_account', onDelete: 'CASCADE' })
@ForeignKey('contacts', ['companyId', 'contactId'], ['companyId', 'id'], { name: 'fk_activities_contact', onDelete: 'CASCADE' })
export class ActivityEntity extends CompanyOwnedEntity {
  @Column('varchar', { length: 10 })
  kind: ActivityKind;

  @Column('varchar', { length: 30 })
  type: ActivityType;

  @Column('varchar', { length: 200 })
  title: string;

  @Column('text', { nullable: true })
  notes: string | null;

  @Column('uuid', { nullable: true })
  userId: string | null;

  @Column('uuid', { nullable: true })
  accountId: string | null;

  @Column('uuid', { nullable: true })
  contactId: string | null;

  /** Events only. */
  @Column('timestamptz', { nullable: true })
  startsAt: Date | null;

  @Column('timestamptz', { nullable: true })
  endsAt: Date | null;

  /** Tasks only: a calendar date. */
  @Column('date', { nullable: true })
  dueOn: string | null;

  @Column('timestamptz', { nullable: true })
  doneAt: Date | null;

  /** The domain event that wrote a `system` entry: at most one entry per event. */
  @Column('uuid', { nullable: true })
  sourceEventId: string | null;

  /** Millisecond precision, as JavaScript dates: keyset cursors compare exactly. */
  @Column({ type: 'timestamptz', precision: 3, default: () => 'now()' })
  createdAt: Date;

  @Column({ type: 'timestamptz', precision: 3, default: () => 'now()' })
  updatedAt: Date;
}
