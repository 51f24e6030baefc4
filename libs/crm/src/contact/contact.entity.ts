import { Column, Entity, ForeignKey, Index, Unique } from 'typeorm';
import { CompanyOwnedEntity } from '@comptoir/platform/database';

/** A person at an account; at most one per account is its primary contact. */
@Entity('contacts')
@Index('ix_contacts_account', ['companyId', 'accountId', 'lastName', 'id'])
@Index('ix_contacts_company_updated', ['companyId', 'updatedAt', 'id'])
@Index('uq_contacts_account_primary', ['companyId', 'accountId'], { unique: true, where: 'is_primary' })
@Unique('uq_contacts_company_id', ['companyId', 'id'])
@ForeignKey('accounts', ['companyId', 'accountId'], ['companyId', 'id'], { name: 'fk_contacts_account', onDelete: 'CASCADE' })
export class ContactEntity extends CompanyOwnedEntity {
  @Column('uuid')
  accountId: string;

  @Column('varchar', { length: 10, nullable: true })
  civility: string | null;

  @Column('varchar', { length: 100, nullable: true })
  firstName: string | null;

  @Column('varchar', { length: 100 })
  lastName: string;

  @Column('varchar', { length: 100, nullable: true })
  jobTitle: string | null;

  @Column('varchar', { length: 254, nullable: true })
  email: string | null;

  @Column('varchar', { length: 30, nullable: true })
  phone: string | null;

  @Column('varchar', { length: 30, nullable: true })
  mobile: string | null;

  @Column('boolean', { default: false })
  isPrimary: boolean;

  @Column('text', { nullable: true })
  notes: string | null;

  /** Millisecond precision, as JavaScript dates: keyset cursors compare exactly. */
  @Column({ type: 'timestamptz', precision: 3, default: () => 'now()' })
  createdAt: Date;

  @Column({ type: 'timestamptz', precision: 3, default: () => 'now()' })
  updatedAt: Date;
}
