import { Column, Entity, ForeignKey, Index, PrimaryColumn } from 'typeorm';

/** A back-office person. Emails are unique across Comptoir: they are the login. */
@Entity('users')
@Index('uq_users_email', ['email'], { unique: true })
@ForeignKey('organizations', ['organizationId'], ['id'], { name: 'fk_users_organization' })
export class UserEntity {
  @PrimaryColumn('uuid')
  id: string;

  @Column('uuid')
  organizationId: string;

  @Column('varchar', { length: 254 })
  email: string;

  @Column('varchar', { length: 200 })
  name: string;

  @Column('varchar', { length: 200 })
  passwordHash: string;

  @Column('varchar', { length: 5, default: 'fr' })
  locale: string;

  @Column('int', { default: 0 })
  failedLogins: number;

  @Column('timestamptz', { nullable: true })
  lockedUntil: Date | null;

  @Column('timestamptz', { nullable: true })
  disabledAt: Date | null;

  @Column('timestamptz', { default: () => 'now()' })
  createdAt: Date;

  @Column('timestamptz', { default: () => 'now()' })
  updatedAt: Date;
}
