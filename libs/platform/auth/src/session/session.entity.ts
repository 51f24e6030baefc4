import { Column, Entity, ForeignKey, Index, PrimaryColumn } from 'typeorm';

/** A signed-in browser or script; the token itself is never stored, only its digest. */
@Entity('sessions')
@Index('uq_sessions_token_digest', ['tokenDigest'], { unique: true })
@ForeignKey('users', ['userId'], ['id'], { name: 'fk_sessions_user', onDelete: 'CASCADE' })
export class SessionEntity {
  @PrimaryColumn('uuid')
  id: string;

  @Column('uuid')
  organizationId: string;

  @Column('uuid')
  userId: string;

  @Column('varchar', { length: 64 })
  tokenDigest: string;

  @Column('timestamptz')
  expiresAt: Date;

  @Column('timestamptz', { nullable: true })
  revokedAt: Date | null;

  @Column('timestamptz', { default: () => 'now()' })
  createdAt: Date;
}
