import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import type { Role } from '@comptoir/platform/kernel';

/** An emailed invitation to join the organisation with a role in one company, or a password reset. */
@Entity('invitations')
@Index('uq_invitations_token_digest', ['tokenDigest'], { unique: true })
export class InvitationEntity {
  @PrimaryColumn('uuid')
  id: string;

  @Column('uuid')
  organizationId: string;

  @Column('varchar', { length: 20 })
  kind: 'invitation' | 'password_reset';

  @Column('varchar', { length: 254 })
  email: string;

  @Column('uuid', { nullable: true })
  companyId: string | null;

  @Column('varchar', { length: 20, nullable: true })
  role: Role | null;

  @Column('uuid', { nullable: true })
  userId: string | null;

  @Column('varchar', { length: 64 })
  tokenDigest: string;

  @Column('timestamptz')
  expiresAt: Date;

  @Column('timestamptz', { nullable: true })
  usedAt: Date | null;

  @Column('uuid', { nullable: true })
  createdBy: string | null;

  @Column('timestamptz', { default: () => 'now()' })
  createdAt: Date;
}
