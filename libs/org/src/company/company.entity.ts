import { Column, Entity, ForeignKey, Index, Unique } from 'typeorm';
import { OrganizationOwnedEntity } from '@comptoir/platform/database';

export interface Address {
  line1: string;
  line2?: string;
  postalCode: string;
  city: string;
  country: string;
}

export const LEGAL_FORMS = ['SAS', 'SASU', 'SARL', 'EURL', 'SA', 'SNC', 'SCI', 'SCOP', 'EI', 'EIRL', 'ASSOCIATION', 'OTHER'] as const;
export const VAT_REGIMES = ['normal', 'franchise', 'debits'] as const;

/** A legal entity (SIREN) of the organisation. Documents, numbering and ledgers are per company. */
@Unique('uq_companies_org_id', ['organizationId', 'id'])
@Entity('companies')
@Index('uq_companies_org_siren', ['organizationId', 'siren'], { unique: true })
@ForeignKey('organizations', ['organizationId'], ['id'], { name: 'fk_companies_organization' })
export class CompanyEntity extends OrganizationOwnedEntity {
  @Column('varchar', { length: 200 })
  legalName: string;

  @Column('varchar', { length: 20, nullable: true })
  legalForm: string | null;

  @Column('numeric', { precision: 19, scale: 2, nullable: true })
  shareCapital: string | null;

  @Column('char', { length: 9 })
  siren: string;

  @Column('varchar', { length: 20, nullable: true })
  vatNumber: string | null;

  @Column('varchar', { length: 100, nullable: true })
  rcs: string | null;

  @Column('jsonb', { nullable: true })
  address: Address | null;

  @Column('varchar', { length: 50, default: 'Europe/Paris' })
  timeZone: string;

  @Column('char', { length: 3, default: 'EUR' })
  currency: string;

  @Column('varchar', { length: 20, default: 'normal' })
  vatRegime: string;

  @Column('smallint', { default: 1 })
  fiscalYearStartMonth: number;

  /** SEPA creditor identifier (ICS), required to collect by SEPA direct debit. */
  @Column('varchar', { length: 35, nullable: true })
  sepaCreditorId: string | null;

  /** Set at creation only: a sandbox company prints TEST and never consumes legal numbers. */
  @Column('boolean', { default: false })
  isSandbox: boolean;

  @Column('timestamptz', { default: () => 'now()' })
  createdAt: Date;

  @Column('timestamptz', { default: () => 'now()' })
  updatedAt: Date;
}
