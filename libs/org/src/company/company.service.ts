import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { frenchVatNumber, isValidSiret, newId, NotFoundError, TenantContext } from '@comptoir/platform/kernel';
import { diffFields, TenantDb, TenantTx } from '@comptoir/platform/database';
import { MembershipEntity, PrincipalResolver } from '@comptoir/platform/auth';
import { EstablishmentEntity } from '../establishment/establishment.entity';
import { CompanyEntity } from './company.entity';
import { CreateCompanyDto, UpdateCompanyDto } from './company.dto';

const AUDITED = ['legalName', 'legalForm', 'shareCapital', 'siren', 'vatNumber', 'rcs', 'address', 'timeZone', 'vatRegime', 'sepaCreditorId'] as const;

@Injectable()
export class CompanyService {
  constructor(
    private readonly db: TenantDb,
    private readonly resolver: PrincipalResolver,
  ) {}

  /**
   * Inserts a company with its default establishment (head office: SIREN + first NIC when not given).
   * Used by signup (before any tenant context exists) and by the companies endpoint.
   */
  async insertCompany(manager: EntityManager, organizationId: string, input: CreateCompanyDto, id = newId()): Promise<CompanyEntity> {
    // Row-level security admits the new company's rows only once the transaction is scoped to it.
    await manager.query(`SELECT set_config('app.company_id', $1, true)`, [id]);
    const company = manager.create(CompanyEntity, {
      id,
      organizationId,
      legalName: input.legalName,
      legalForm: input.legalForm ?? null,
      shareCapital: input.shareCapital ?? null,
      siren: input.siren,
      vatNumber: input.vatNumber ?? frenchVatNumber(input.siren),
      rcs: input.rcs ?? null,
      address: input.address ?? null,
      timeZone: input.timeZone ?? 'Europe/Paris',
      vatRegime: input.vatRegime ?? 'normal',
      isSandbox: input.isSandbox ?? false,
    });
    await manager.insert(CompanyEntity, company);
    await manager.insert(EstablishmentEntity, {
      id: newId(),
      organizationId,
      companyId: company.id,
      name: input.establishment?.name ?? 'Siège',
      siret: input.establishment?.siret ?? headOfficeSiret(input.siren),
      address: input.address ?? null,
      isDefault: true,
    });
    return company;
  }

  async create(ctx: TenantContext, input: CreateCompanyDto): Promise<CompanyEntity> {
    const company = await this.db.transaction(ctx, async (tx) => {
      const company = await this.insertCompany(tx.manager, ctx.organizationId, input);
      if (ctx.actor.type === 'user') {
        await tx.manager.insert(MembershipEntity, { id: newId(), organizationId: ctx.organizationId, companyId: company.id, userId: ctx.actor.id, role: 'admin' });
      }
      this.record(tx, company, null, 'create');
      return company;
    });
    this.resolver.invalidate();
    return company;
  }

  list(ctx: TenantContext): Promise<CompanyEntity[]> {
    return this.db.transaction(ctx, (tx) => this.repo(tx).query('c').orderBy('c.legalName').addOrderBy('c.id').getMany());
  }

  get(ctx: TenantContext, id: string): Promise<CompanyEntity> {
    return this.db.transaction(ctx, (tx) => this.repo(tx).getById(id));
  }

  update(ctx: TenantContext, id: string, input: UpdateCompanyDto): Promise<CompanyEntity> {
    return this.db.transaction(ctx, async (tx) => {
      const company = await this.repo(tx).getById(id);
      const before = { ...company };
      Object.assign(company, stripUndefined(input), { updatedAt: new Date() });
      await this.repo(tx).save(company);
      this.record(tx, company, before, 'update');
      return company;
    });
  }

  private repo(tx: TenantTx) {
    return tx.repo(CompanyEntity, 'Company');
  }

  private record(tx: TenantTx, company: CompanyEntity, before: CompanyEntity | null, action: 'create' | 'update'): void {
    const changes = diffFields(before as never, company as never, AUDITED);
    tx.audit({ entity: 'company', entityId: company.id, action, changes });
    tx.emit({ name: `org.company.${action}d`, aggregateType: 'company', aggregateId: company.id, payload: { legalName: company.legalName, changed: Object.keys(changes) } });
  }
}

/** The head office's SIRET when none is given: SIREN + NIC 0001 + the key digit that satisfies the check. */
export function headOfficeSiret(siren: string): string {
  const candidates = Array.from({ length: 10 }, (_, key) => `${siren}0001${key}`);
  const siret = candidates.find(isValidSiret);
  if (!siret) throw new NotFoundError('Head-office SIRET');
  return siret;
}

export function stripUndefined<T extends object>(input: T): Partial<T> {
  return Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined)) as Partial<T>;
}
