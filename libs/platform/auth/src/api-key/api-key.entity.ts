import { Column, Entity, ForeignKey, Index, PrimaryColumn } from 'typeorm';

/** A company's integration credential: public id + secret (digest only), scopes, revocation. */
@Entity('api_keys')
@Index('uq_api_keys_public_id', ['publicId'], { unique: true })
@Index('ix_api_keys_company', ['organizationId', 'companyId'])
@ForeignKey('companies', ['companyId'], ['id'], { name: 'fk_api_keys_company', onDelete: 'CASCADE' })
export class ApiKeyEntity {
  @PrimaryColumn('uuid')
  id: string;

  @Column('uuid')
  organizationId: string;

  @Column('uuid')
  companyId: string;

  @Column('varchar', { length: 100 })
  name: string;

  @Column('varchar', { length: 40 })
  publicId: string;

  @Column('varchar', { length: 64 })
  secretDigest: string;

  @Column('text', { array: true })
  scopes: string[];

  @Column('uuid', { nullable: true })
  createdBy: string | null;

  @Column('timestamptz', { default: () => 'now()' })
  createdAt: Date;

  @Column('timestamptz', { nullable: true })
  lastUsedAt: Date | null;

  @Column('timestamptz', { nullable: true })
  revokedAt: Date | null;
}
