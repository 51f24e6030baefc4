import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { TenantContext } from '@comptoir/platform/kernel';
import { TenantTx } from './tenant-tx';

/**
 * Opens tenant transactions. The organisation and company are set as transaction-local settings that
 * PostgreSQL row-level security policies read, so even a hand-written query cannot leave its tenant.
 */
@Injectable()
export class TenantDb {
  constructor(readonly dataSource: DataSource) {}

  async transaction<T>(ctx: TenantContext, work: (tx: TenantTx) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(async (manager) => {
      await manager.query(`SELECT set_config('app.organization_id', $1, true), set_config('app.company_id', $2, true)`, [
        ctx.organizationId,
        ctx.companyId,
      ]);
      const tx = new TenantTx(manager, ctx);
      const result = await work(tx);
      await tx.flush();
      return result;
    });
  }
}
