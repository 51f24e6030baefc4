import { Column, Entity, ForeignKey, Unique } from 'typeorm';
import { CompanyOwnedEntity } from '@comptoir/platform/database';

export const EINVOICE_PROFILES = ['EN16931', 'EXTENDED-CTC-FR'] as const;
export const EINVOICE_FORMATS = ['facturx', 'cii', 'ubl'] as const;
export type EInvoiceFormat = (typeof EINVOICE_FORMATS)[number];

/**
 * A company's e-invoicing settings (one row per company, created on first change). `enabled` puts the
 * company in the reform's scope: its domestic B2B invoices must then carry every field the French rules
 * require, or validation refuses them (422 einvoice_incomplete).
 */
@Entity('einvoicing_settings')
@Unique('uq_einvoicing_settings_company', ['companyId'])
@ForeignKey('companies', ['organizationId', 'companyId'], ['organizationId', 'id'], { name: 'fk_einvoicing_settings_company' })
export class EInvoicingSettingsEntity extends CompanyOwnedEntity {
  @Column('boolean', { default: false })
  enabled: boolean;

  /** BT-34: the company's electronic address in the directory (routing id), e.g. its SIREN or SIREN_SIRET_code. */
  @Column('varchar', { length: 125, nullable: true })
  electronicAddress: string | null;

  /** BT-34-1: 0225 (French directory) unless told otherwise. */
  @Column('varchar', { length: 4, default: '0225' })
  electronicAddressScheme: string;

  /** The CII profile written: EN 16931, or EXTENDED-CTC-FR where a field outside EN 16931 is needed. */
  @Column('varchar', { length: 20, default: 'EN16931' })
  profile: (typeof EINVOICE_PROFILES)[number];

  /** Which approved platform (PA) transmits: `none` (files only), `fake` (the local test platform) or a real adapter's name. */
  @Column('varchar', { length: 30, default: 'none' })
  platform: string;

  /** Adapter settings; secrets inside are sealed with the secret box, never stored in clear. */
  @Column('jsonb', { default: () => `'{}'` })
  platformConfig: Record<string, unknown>;

  /** The format handed to the platform. */
  @Column('varchar', { length: 10, default: 'facturx' })
  transmitFormat: EInvoiceFormat;

  /** Submit every generated e-invoice to the platform without waiting for a person. */
  @Column('boolean', { default: false })
  autoTransmit: boolean;

  @Column({ type: 'timestamptz', precision: 3, default: () => 'now()' })
  createdAt: Date;

  @Column({ type: 'timestamptz', precision: 3, default: () => 'now()' })
  updatedAt: Date;
}
