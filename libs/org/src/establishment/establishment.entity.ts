import { Column, Entity, ForeignKey, Index, Unique } from 'typeorm';
import { CompanyOwnedEntity } from '@comptoir/platform/database';
import type { Address } from '../company/company.entity';

/** A branch (SIRET) of a company with its own address and document header and footer. */
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

  @Column('boolean', { default: false })
  isDefault: boolean;

  @Column('timestamptz', { default: () => 'now()' })
  createdAt: Date;

  @Column('timestamptz', { default: () => 'now()' })
  updatedAt: Date;
}
