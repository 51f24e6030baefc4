import { Column, PrimaryColumn } from 'typeorm';

/** A row that belongs to an organisation. Row-level security filters it on `organization_id`. */
export abstract class OrganizationOwnedEntity {
  @PrimaryColumn('uuid')
  id: string;

  @Column('uuid')
  organizationId: string;
}

/** A row that belongs to one company (legal entity) of an organisation. */
export abstract class CompanyOwnedEntity extends OrganizationOwnedEntity {
  @Column('uuid')
  companyId: string;
}
