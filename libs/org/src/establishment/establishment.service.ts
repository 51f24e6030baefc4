import { Injectable } from '@nestjs/common';
import { newId, NotFoundError, TenantContext, ValidationFailedError } from '@comptoir/platform/kernel';
import { diffFields, TenantDb, TenantTx } from '@comptoir/platform/database';
import { CompanyEntity } from '../company/company.entity';
import { stripUndefined } from '../company/company.service';
import { CreateEstablishmentDto, UpdateEstablishmentDto } from './establishment.dto';
import { EstablishmentEntity } from './establishment.entity';
import { logoFingerprint } from './logo';

const AUDITED = ['name', 'siret', 'address', 'documentHeader', 'documentFooter', 'logo', 'isDefault'] as const;

@Injectable()
export class EstablishmentService {
  constructor(private readonly db: TenantDb) {}

  /** Without the logos themselves (hasLogo says whether there is one). */
  list(ctx: TenantContext): Promise<EstablishmentEntity[]> {
    return this.db.transaction(ctx, (tx) => this.repo(tx).query('e').orderBy('e.isDefault', 'DESC').addOrderBy('e.name').addOrderBy('e.id').getMany());
  }

  get(ctx: TenantContext, id: string): Promise<EstablishmentEntity> {
    return this.db.transaction(ctx, (tx) => this.withLogo(tx, id));
  }

  create(ctx: TenantContext, input: CreateEstablishmentDto): Promise<EstablishmentEntity> {
    return this.db.transaction(ctx, async (tx) => {
      await this.assertSiretOfCompany(tx, input.siret);
      if (input.isDefault) await this.clearDefault(tx);
      const establishment = await this.repo(tx).insert({ id: newId(), ...input, logo: input.logo ?? null, isDefault: input.isDefault ?? false });
      this.record(tx, establishment, null, 'create');
      return establishment;
    });
  }

  update(ctx: TenantContext, id: string, input: UpdateEstablishmentDto): Promise<EstablishmentEntity> {
    return this.db.transaction(ctx, async (tx) => {
      const establishment = await this.withLogo(tx, id);
      const before = { ...establishment };
      if (input.siret) await this.assertSiretOfCompany(tx, input.siret);
      if (input.isDefault === false && establishment.isDefault) {
        throw new ValidationFailedError([{ path: 'isDefault', message: 'make another establishment the default instead' }]);
      }
      if (input.isDefault && !establishment.isDefault) await this.clearDefault(tx);
      Object.assign(establishment, stripUndefined(input), { updatedAt: new Date() });
      await this.repo(tx).save(establishment);
      this.record(tx, establishment, before, 'update');
      return establishment;
    });
  }

  private repo(tx: TenantTx) {
    return tx.repo(EstablishmentEntity, 'Establishment');
  }

  private async withLogo(tx: TenantTx, id: string): Promise<EstablishmentEntity> {
    const establishment = await this.repo(tx).query('e').addSelect('e.logo').andWhere('e.id = :id', { id }).getOne();
    if (!establishment) throw new NotFoundError('Establishment');
    return establishment;
  }

  private async assertSiretOfCompany(tx: TenantTx, siret: string): Promise<void> {
    const company = await tx.repo(CompanyEntity, 'Company').getById(tx.ctx.companyId);
    if (!siret.startsWith(company.siren)) {
      throw new ValidationFailedError([{ path: 'siret', message: `siret must start with the company SIREN ${company.siren}` }]);
    }
  }

  private async clearDefault(tx: TenantTx): Promise<void> {
    await tx.manager.query(`UPDATE establishments SET is_default = false WHERE company_id = $1 AND is_default`, [tx.ctx.companyId]);
  }

  private record(tx: TenantTx, e: EstablishmentEntity, before: EstablishmentEntity | null, action: 'create' | 'update'): void {
    const audited = (x: EstablishmentEntity | null) => x && { ...x, logo: logoFingerprint(x.logo) };
    tx.audit({ entity: 'establishment', entityId: e.id, action, changes: diffFields(audited(before) as never, audited(e) as never, AUDITED) });
  }
}
