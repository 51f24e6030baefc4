import { Column, Entity, ForeignKey, Index, PrimaryColumn } from 'typeorm';
import type { Role } from '@comptoir/platform/kernel';

/** A user's role in one company of the organisation. */
@Entity('memberships')
@Index('uq_memberships_user_company', ['userId', 'companyId'], { unique: true })
@Index('ix_memberships_company', ['organizationId', 'companyId'])
@ForeignKey('users', ['userId'], ['id'], { name: 'fk_memberships_user', onDelete: 'CASCADE' })
@ForeignKey('companies', ['companyId'], ['id'], { name: 'fk_memberships_company', onDelete: 'CASCADE' })
export class MembershipEntity {
  @PrimaryColumn('uuid')
  id: string;

  @Column('uuid')
  organizationId: string;

  @Column('uuid')
  companyId: string;

  @Column('uuid')
  userId: string;

  @Column('varchar', { length: 20 })
  role: Role;

  @Column('timestamptz', { default: () => 'now()' })
  createdAt: Date;
}
