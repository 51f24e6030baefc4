import { Injectable } from '@nestjs/common';
import { TenantContext } from '@comptoir/platform/kernel';
import { TenantDb } from '@comptoir/platform/database';
import { FileStore } from '@comptoir/platform/storage';
import { SepaBatchEntity } from './sepa-batch.entity';
import { SepaBatchItemEntity } from './sepa-batch-item.entity';
import { itemsOf } from './sepa-settlement.service';

/** Reads of batches: the list, one batch with its items, its stored XML file. */
@Injectable()
export class SepaBatchQueries {
  constructor(
    private readonly db: TenantDb,
    private readonly files: FileStore,
  ) {}

  /** The latest 200 batches, newest first. */
  list(ctx: TenantContext): Promise<SepaBatchEntity[]> {
    return this.db.transaction(ctx, (tx) => tx.repo(SepaBatchEntity, 'SEPA batch').query('b').orderBy('b.createdAt', 'DESC').addOrderBy('b.id', 'DESC').limit(200).getMany());
  }

  get(ctx: TenantContext, id: string): Promise<{ batch: SepaBatchEntity; items: SepaBatchItemEntity[] }> {
    return this.db.transaction(ctx, async (tx) => ({ batch: await tx.repo(SepaBatchEntity, 'SEPA batch').getById(id), items: await itemsOf(tx, id) }));
  }

  async file(ctx: TenantContext, id: string): Promise<{ batch: SepaBatchEntity; xml: Buffer }> {
    const batch = await this.db.transaction(ctx, (tx) => tx.repo(SepaBatchEntity, 'SEPA batch').getById(id));
    return { batch, xml: await this.files.get(batch.fileKey) };
  }
}
