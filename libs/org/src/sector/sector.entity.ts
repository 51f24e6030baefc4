import { Column, Entity, ForeignKey, Index } from 'typeorm';
import { CompanyOwnedEntity } from '@comptoir/platform/database';

/** A geographic area of an establishment, used to assign and filter customers. */
@Entity('sectors')
@Index('uq_sectors_company_code', ['companyId', 'code'], { unique: true })
@ForeignKey('establishments', ['companyId', 'establishmentId'], ['companyId', 'id'], { name: 'fk_sectors_establishment', onDelete: 'CASCADE' })
export class SectorEntity extends CompanyOwnedEntity {
  @Column('uuid')
  establishmentId: string;

  @Column('varchar', { length: 20 })
  code: string;

  @Column('varchar', { length: 200 })
  name: string;

  @Column('timestamptz', { default: () => 'now()' })
  createdAt: Date;

  @Column('timestamptz', { default: () => 'now()' })
  updatedAt: Date;
}
