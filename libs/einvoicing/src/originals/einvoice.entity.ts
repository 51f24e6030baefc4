import { Column, Entity, ForeignKey, Index, Unique } from 'typeorm';
import { CompanyOwnedEntity } from '@comptoir/platform/database';
import type { EInvoiceStatus } from '../platform/lifecycle';

/**
 * The e-invoice originals of one validated invoice, credit note or deposit invoice: the CII, the UBL
 * and the Factur-X PDF/A-3, each stored write-once and sealed in the ledger (kind `original`), and
 * where it stands with the approved platform. `id` is the sales document's id.
 */
@Entity('einvoices')
@Unique('uq_einvoices_company_id', ['companyId', 'id'])
@Index('ix_einvoices_company_status', ['companyId', 'status', 'statusAt'])
/** Platform callbacks find their flows by ref (migration 1795493300000, partial: only submitted rows). */
@Index('ix_einvoices_platform_ref', { synchronize: false })
@ForeignKey('sales_documents', ['companyId', 'id'], ['companyId', 'id'], { name: 'fk_einvoices_document' })
export class EInvoiceEntity extends CompanyOwnedEntity {
  /** EN16931 or EXTENDED-CTC-FR. */
  @Column('varchar', { length: 20 })
  profile: string;

  /** The BAR category: B2B, B2BINT, B2C or OUTOFSCOPE (B2C and international sales go to e-reporting, not to the buyer). */
  @Column('varchar', { length: 12 })
  flow: string;

  @Column('varchar', { length: 512 })
  ciiKey: string;

  @Column('char', { length: 64 })
  ciiSha256: string;

  @Column('varchar', { length: 512 })
  ublKey: string;

  @Column('char', { length: 64 })
  ublSha256: string;

  @Column('varchar', { length: 512 })
  facturxKey: string;

  @Column('char', { length: 64 })
  facturxSha256: string;

  @Column('timestamptz', { default: () => 'now()' })
  generatedAt: Date;

  /** generated, then the platform's lifecycle (submitted, deposited … cashed_in, or rejected/refused/failed). */
  @Column('varchar', { length: 20, default: 'generated' })
  status: EInvoiceStatus;

  @Column('timestamptz', { default: () => 'now()' })
  statusAt: Date;

  @Column('varchar', { length: 30, nullable: true })
  platform: string | null;

  /** The platform's id of the flow, once submitted. */
  @Column('varchar', { length: 100, nullable: true })
  platformRef: string | null;

  @Column('timestamptz', { nullable: true })
  submittedAt: Date | null;

  @Column('text', { nullable: true })
  lastError: string | null;
}
