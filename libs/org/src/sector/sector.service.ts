import { Injectable } from '@nestjs/common';
import { newId, TenantContext, ValidationFailedError } from '@comptoir/platform/kernel';
import { diffFields, TenantDb, TenantTx } from '@comptoir/platform/database';
import { stripUndefined } from '../company/company.service';
import { EstablishmentEntity } from '../establishment/establishment.entity';
import { CreateSectorDto, UpdateSectorDto } from './sector.dto';
import { SectorEntity } from './sector.entity';

const AUDITED = ['establishmentId', 'code', 'name'] as const;

@Injectable()
export class SectorService {
  constructor(private readonly db: TenantDb) {}

  list(ctx: TenantContext): Promise<SectorEntity[]> {
    return this.db.transaction(ctx, (tx) => this.repo(tx).query('s').orderBy('s.name').addOrderBy('s.id').getMany());
  }

  get(ctx: TenantContext, id: string): Promise<SectorEntity> {
    return this.db.transaction(ctx, (tx) => this.repo(tx).getById(id));
  }

  create(ctx: TenantContext, input: CreateSectorDto): Promise<SectorEntity> {
    return this.db.transaction(ctx, async (tx) => {
      await this.assertEstablishment(tx, input.establishmentId);
      const sector = await this.repo(tx).insert({ id: newId(), ...input });
      tx.audit({ entity: 'sector', entityId: sector.id, action: 'create', changes: diffFields(null, sector as never, AUDITED) });
      return sector;
    });
  }

  update(ctx: TenantContext, id: string, input: UpdateSectorDto): Promise<SectorEntity> {
    return this.db.transaction(ctx, async (tx) => {
      const sector = await this.repo(tx).getById(id);
      const before = { ...sector };
      if (input.establishmentId) await this.assertEstablishment(tx, input.establishmentId);
      Object.assign(sector, stripUndefined(input), { updatedAt: new Date() });
      await this.repo(tx).save(sector);
      tx.audit({ entity: 'sector', entityId: sector.id, action: 'update', changes: diffFields(before as never, sector as never, AUDITED) });
      return sector;
    });
  }

  delete(ctx: TenantContext, id: string): Promise<void> {
    return this.db.transaction(ctx, async (tx) => {
      const sector = await this.repo(tx).getById(id);
      await this.repo(tx).remove(sector);
      tx.audit({ entity: 'sector', entityId: sector.id, action: 'delete', changes: diffFields(sector as never, null, AUDITED) });
    });
  }

  private repo(tx: TenantTx) {
    return tx.repo(SectorEntity, 'Sector');
  }

  private async assertEstablishment(tx: TenantTx, id: string): Promise<void> {
    if (!(await tx.repo(EstablishmentEntity, 'Establishment').findById(id))) {
      throw new ValidationFailedError([{ path: 'establishmentId', message: 'establishmentId is not an establishment of this company' }]);
    }
  }
}
