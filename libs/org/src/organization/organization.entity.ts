import { Column, Entity, PrimaryColumn } from 'typeorm';

/** The customer of Comptoir: owns companies, users and everything below them. */
@Entity('organizations')
export class OrganizationEntity {
  @PrimaryColumn('uuid')
  id: string;

  @Column('varchar', { length: 200 })
  name: string;

  @Column('timestamptz', { default: () => 'now()' })
  createdAt: Date;
}
