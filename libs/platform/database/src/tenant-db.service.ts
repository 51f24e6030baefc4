import { Injectable } from '@nestjs/common';
import { DataSource, QueryRunner } from 'typeorm';
import { isUuid, TenantContext } from '@comptoir/platform/kernel';
import { TenantTx } from './tenant-tx';

/** A tenant id inlined in SQL: only a UUID (or empty, for organisation-level work) ever gets there. */
function tenantLiteral(value: string): string {
  if (value !== '' && !isUuid(value)) throw new Error('Tenant ids must be UUIDs');
  return `'${value}'`;
}

/**
 * Opens the transaction and scopes it in ONE round trip: TypeORM's own `START TRANSACTION` is sent
 * together with the `set_config` calls (simple-query protocol, values checked above). Each round trip
 * is a pair of system calls, the largest cost of a request on this platform (bench/crm.ts profile).
 */
async function beginScoped(runner: QueryRunner, ctx: TenantContext): Promise<void> {
  const scope = `SELECT set_config('app.organization_id', ${tenantLiteral(ctx.organizationId)}, true), set_config('app.company_id', ${tenantLiteral(ctx.companyId)}, true)`;
  const query = runner.query.bind(runner);
  runner.query = ((sql: string, ...rest: unknown[]) =>
    sql === 'START TRANSACTION' ? query(`START TRANSACTION; ${scope}`) : query(sql, ...(rest as []))) as QueryRunner['query'];
  try {
    await runner.startTransaction();
  } finally {
    runner.query = query;
  }
}

/**
 * Opens tenant transactions. The organisation and company are set as transaction-local settings that
 * PostgreSQL row-level security policies read, so even a hand-written query cannot leave its tenant.
 */
@Injectable()
export class TenantDb {
  constructor(readonly dataSource: DataSource) {}

  async transaction<T>(ctx: TenantContext, work: (tx: TenantTx) => Promise<T>): Promise<T> {
    const runner = this.dataSource.createQueryRunner();
    try {
      await beginScoped(runner, ctx);
      const tx = new TenantTx(runner.manager, ctx);
      const result = await work(tx);
      await tx.flush();
      await runner.commitTransaction();
      return result;
    } catch (error) {
      if (runner.isTransactionActive) await runner.rollbackTransaction();
      throw error;
    } finally {
      await runner.release();
    }
  }
}
