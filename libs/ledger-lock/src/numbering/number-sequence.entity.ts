import { Column, Entity, ForeignKey, Index, Unique } from 'typeorm';
import { CompanyOwnedEntity } from '@comptoir/platform/database';
import type { NumberedDocumentType, SequenceReset } from './numbering.types';

/**
 * A numbering series: per company and document type, optionally per establishment. Its format is
 * frozen once it has issued a number (`usedAt`). `lastDate` is the date of the latest numbered
 * document of the series: numbers follow dates, so no later validation may be dated before it.
 */
@Entity('number_sequences')
@Index('uq_number_sequences_company_type', ['companyId', 'documentType'], { unique: true, where: 'establishment_id IS NULL' })
@Index('uq_number_sequences_establishment_type', ['companyId', 'documentType', 'establishmentId'], { unique: true, where: 'establishment_id IS NOT NULL' })
@Unique('uq_number_sequences_company_id', ['companyId', 'id'])
@ForeignKey('companies', ['organizationId', 'companyId'], ['organizationId', 'id'], { name: 'fk_number_sequences_company' })
@ForeignKey('establishments', ['companyId', 'establishmentId'], ['companyId', 'id'], { name: 'fk_number_sequences_establishment' })
export class NumberSequenceEntity extends CompanyOwnedEntity {
  @Column('varchar', { length: 20 })
  documentType: NumberedDocumentType;

  /** null: the company's series, used by every establishment that has none of its own. */
  @Column('uuid', { nullable: true })
  establishmentId: string | null;

  @Column('varchar', { length: 40 })
  pattern: string;

  @Column('smallint')
  counterWidth: number;

  @Column('varchar', { length: 10 })
  reset: SequenceReset;

  @Column('timestamptz', { nullable: true })
  usedAt: Date | null;

  @Column('date', { nullable: true })
  lastDate: string | null;

  @Column({ type: 'timestamptz', precision: 3, default: () => 'now()' })
  createdAt: Date;

  @Column({ type: 'timestamptz', precision: 3, default: () => 'now()' })
  updatedAt: Date;
}
