import { Column, Entity, ForeignKey, Index, Unique, VirtualColumn } from 'typeorm';
import { CompanyOwnedEntity } from '@comptoir/platform/database';
import type { Address } from '../company/company.entity';

/** A branch (SIRET) of a company with its own address, logo and document header and footer. */
@Entity('establishments')
@Index('uq_establishments_company_siret', ['companyId', 'siret'], { unique: true })
@Unique('uq_establishments_company_id', ['companyId', 'id'])
@ForeignKey('companies', ['organizationId', 'companyId'], ['organizationId', 'id'], { name: 'fk_establishments_company' })
export class EstablishmentEntity extends CompanyOwnedEntity {
  @Column('varchar', { length: 200 })
  name: string;

  @Column('char', { length: 14 })
  siret: string;

  @Column('jsonb', { nullable: true })
  address: Address | null;

  @Column('text', { nullable: true })
  documentHeader: string | null;

  @Column('text', { nullable: true })
  documentFooter: string | null;

  /**
   * A PNG or JPEG data URL (see logo.ts), printed on the documents. Up to 300 kB, so it is read only when
   * asked for (`addSelect('e.logo')`): lists and document drafting never carry it.
   */
  @Column('text', { nullable: true, select: false })
  logo?: string | null;

  /** Whether there is a logo, read with every establishment instead of the logo itself. */
  @VirtualColumn({ type: 'boolean', query: (alias) => `SELECT ${alias}.logo IS NOT NULL` })
  hasLogo?: boolean;

  @Column('boolean', { default: false })
  isDefault: boolean;

  @Column('timestamptz', { default: () => 'now()' })
  createdAt: Date;

  @Column('timestamptz', { default: () => 'now()' })
  updatedAt: Date;
}
