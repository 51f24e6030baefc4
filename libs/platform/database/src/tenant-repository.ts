import { EntityManager, ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { NotFoundError, TenantContext } from '@comptoir/platform/kernel';
import { CompanyOwnedEntity, OrganizationOwnedEntity } from './tenant-owned.entity';

type Ctor<T> = new () => T;

/**
 * The only way domain code reads or writes tenant rows: every query it builds is already filtered on
 * the caller's organisation (and company, for company-owned rows), and every insert is stamped with
 * them. Row-level security in PostgreSQL is the second lock on the same door.
 */
export class TenantRepository<T extends OrganizationOwnedEntity & ObjectLiteral> {
  private readonly companyScoped: boolean;

  constructor(
    private readonly manager: EntityManager,
    private readonly target: Ctor<T>,
    private readonly ctx: TenantContext,
    private readonly entityLabel: string,
  ) {
    this.companyScoped = manager.connection.getMetadata(target).columns.some((c) => c.propertyName === 'companyId');
  }

  query(alias = 'e'): SelectQueryBuilder<T> {
    const qb = this.manager
      .createQueryBuilder(this.target, alias)
      .where(`${alias}.organizationId = :tenantOrganizationId`, { tenantOrganizationId: this.ctx.organizationId });
    return this.companyScoped ? qb.andWhere(`${alias}.companyId = :tenantCompanyId`, { tenantCompanyId: this.ctx.companyId }) : qb;
  }

  findById(id: string): Promise<T | null> {
    return this.query('e').andWhere('e.id = :id', { id }).getOne();
  }

  /** Loads a row or answers 404, whether it is absent or another tenant's. */
  async getById(id: string): Promise<T> {
    const row = await this.findById(id);
    if (!row) throw new NotFoundError(this.entityLabel);
    return row;
  }

  /** Builds (does not save) an entity stamped with the caller's tenant. */
  create(values: Partial<T>): T {
    const entity = this.manager.create(this.target, values as T);
    this.stamp(entity);
    return entity;
  }

  async insert(values: Partial<T>): Promise<T> {
    const entity = this.create(values);
    await this.manager.insert(this.target, entity);
    return entity;
  }

  async save(entity: T): Promise<T> {
    this.assertOwned(entity);
    return this.manager.save(this.target, entity);
  }

  async remove(entity: T): Promise<void> {
    this.assertOwned(entity);
    await this.manager.delete(this.target, { id: entity.id } as never);
  }

  private stamp(entity: T): void {
    entity.organizationId = this.ctx.organizationId;
    if (this.companyScoped) (entity as unknown as CompanyOwnedEntity).companyId = this.ctx.companyId;
  }

  private assertOwned(entity: T): void {
    const sameOrg = entity.organizationId === this.ctx.organizationId;
    const sameCompany = !this.companyScoped || (entity as unknown as CompanyOwnedEntity).companyId === this.ctx.companyId;
    if (!sameOrg || !sameCompany) throw new NotFoundError(this.entityLabel);
  }
}
