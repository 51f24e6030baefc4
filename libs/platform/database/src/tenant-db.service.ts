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
 * Runs one of TypeORM's transaction-control calls (`START TRANSACTION` or `COMMIT`) with extra SQL sent
 * in the same message (simple-query protocol, no parameters): TypeORM keeps its transaction state,
 * and the request saves a round trip — each one a pair of system calls, the largest cost of a request
 * here (bench/crm.ts profile).
 */
async function piggyback(runner: QueryRunner, command: 'START TRANSACTION' | 'COMMIT', sql: string, control: () => Promise<void>): Promise<void> {
  const query = runner.query.bind(runner);
  runner.query = ((text: string, ...rest: unknown[]) =>
    text === command ? query(command === 'COMMIT' ? `${sql}; COMMIT` : `${command}; ${sql}`) : query(text, ...(rest as []))) as QueryRunner['query'];
  try {
    await control();
  } finally {
    runner.query = query;
  }
}

/** BEGIN and the tenant settings of row-level security, in one round trip. */
function beginScoped(runner: QueryRunner, ctx: TenantContext): Promise<void> {
  const scope = `SELECT set_config('app.organization_id', ${tenantLiteral(ctx.organizationId)}, true), set_config('app.company_id', ${tenantLiteral(ctx.companyId)}, true)`;
  return piggyback(runner, 'START TRANSACTION', scope, () => runner.startTransaction());
}

/** The outbox events and audit entries, then COMMIT, in one round trip. */
function commitWith(runner: QueryRunner, pendingWrites: string | null): Promise<void> {
  return pendingWrites ? piggyback(runner, 'COMMIT', pendingWrites, () => runner.commitTransaction()) : runner.commitTransaction();
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
      await commitWith(runner, tx.takePendingWrites());
      return result;
    } catch (error) {
      if (runner.isTransactionActive) await runner.rollbackTransaction();
      throw error;
    } finally {
      await runner.release();
    }
  }
}
