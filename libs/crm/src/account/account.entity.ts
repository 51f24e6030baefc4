import { Column, Entity, ForeignKey, Index, Unique } from 'typeorm';
import { CompanyOwnedEntity } from '@comptoir/platform/database';

export const ACCOUNT_ROLES = ['prospect', 'customer', 'supplier'] as const;
export type AccountRole = (typeof ACCOUNT_ROLES)[number];
export const ACCOUNT_KINDS = ['company', 'person'] as const;
export type AccountKind = (typeof ACCOUNT_KINDS)[number];
export const PAYMENT_METHODS = ['transfer', 'direct_debit', 'card', 'cheque', 'cash', 'stripe'] as const;
export type PaymentMethod = (typeof PAYMENT_METHODS)[number];

export interface AccountAddress {
  label?: string;
  line1: string;
  line2?: string;
  postalCode: string;
  city: string;
  country: string;
}

/**
 * A customer, prospect or supplier (an account can hold several roles). Deleted accounts are kept
 * (documents will point at them) but hidden and answered 404.
 */
@Entity('accounts')
@Index('ix_accounts_company_name', ['companyId', 'name', 'id'])
@Index('ix_accounts_company_updated', ['companyId', 'updatedAt', 'id'])
@Index('ix_accounts_company_created', ['companyId', 'createdAt', 'id'])
@Index('uq_accounts_company_external_ref', ['companyId', 'externalRef'], { unique: true, where: 'external_ref IS NOT NULL AND deleted_at IS NULL' })
@Index('ix_accounts_company_siren', ['companyId', 'siren'], { where: 'siren IS NOT NULL' })
@Index('ix_accounts_company_email', ['companyId', 'email'], { where: 'email IS NOT NULL' })
@Index('ix_accounts_search', { synchronize: false })
@Index('ix_accounts_roles', { synchronize: false })
@Index('ix_accounts_tags', { synchronize: false })
@Unique('uq_accounts_company_id', ['companyId', 'id'])
@ForeignKey('companies', ['organizationId', 'companyId'], ['organizationId', 'id'], { name: 'fk_accounts_company' })
export class AccountEntity extends CompanyOwnedEntity {
  @Column('varchar', { length: 200 })
  name: string;

  @Column('varchar', { length: 10, default: 'company' })
  kind: AccountKind;

  @Column('text', { array: true })
  roles: AccountRole[];

  @Column('char', { length: 9, nullable: true })
  siren: string | null;

  @Column('char', { length: 14, nullable: true })
  siret: string | null;

  @Column('varchar', { length: 20, nullable: true })
  vatNumber: string | null;

  /**
   * BT-49: where e-invoices reach this customer (its routing id in the French directory, e.g. its SIREN
   * or SIREN_SIRET_code). Null: the SIREN is used for a French business.
   */
  @Column('varchar', { length: 125, nullable: true })
  electronicAddress: string | null;

  /** BT-49-1: 0225 (French directory), 0002 (SIREN), 0009 (SIRET), 0088 (GLN), EM (e-mail)… */
  @Column('varchar', { length: 4, nullable: true })
  electronicAddressScheme: string | null;

  @Column('varchar', { length: 254, nullable: true })
  email: string | null;

  @Column('varchar', { length: 30, nullable: true })
  phone: string | null;

  @Column('varchar', { length: 30, nullable: true })
  mobile: string | null;

  @Column('varchar', { length: 200, nullable: true })
  website: string | null;

  @Column('jsonb', { nullable: true })
  billingAddress: AccountAddress | null;

  @Column('jsonb', { default: () => `'[]'` })
  deliveryAddresses: AccountAddress[];

  @Column('text', { array: true, default: () => `'{}'` })
  tags: string[];

  @Column('jsonb', { default: () => `'{}'` })
  customFields: Record<string, string | number | boolean | null>;

  /** Same-company check in the service; the key only clears the link when a sector is deleted. */
  @Column('uuid', { nullable: true })
  @ForeignKey('sectors', 'id', { name: 'fk_accounts_sector', onDelete: 'SET NULL' })
  sectorId: string | null;

  @Column('uuid', { nullable: true })
  assignedUserId: string | null;

  @Column('varchar', { length: 100, nullable: true })
  externalRef: string | null;

  @Column('varchar', { length: 20, nullable: true })
  preferredPaymentMethod: string | null;

  @Column('text', { nullable: true })
  notes: string | null;

  /** Millisecond precision, as JavaScript dates: keyset cursors compare exactly. */
  @Column({ type: 'timestamptz', precision: 3, default: () => 'now()' })
  createdAt: Date;

  @Column({ type: 'timestamptz', precision: 3, default: () => 'now()' })
  updatedAt: Date;

  @Column('timestamptz', { nullable: true })
  deletedAt: Date | null;

  /** Accent-folded name, email, SIREN, external reference and city, kept by a trigger; never served. */
  @Column({ type: 'text', select: false, insert: false, update: false, default: '' })
  searchText: string;
}
