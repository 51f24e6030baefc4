import { DataSource } from 'typeorm';
import { Pool } from 'pg';
import { newId, TenantContext } from '@comptoir/platform/kernel';
import { createDataSource, TenantDb } from '@comptoir/platform/database';
import { createTestDatabase, testConfig } from '@comptoir/platform/testing';
import { CRM_ENTITIES } from '@comptoir/crm';
import { ORG_ENTITIES } from '@comptoir/org';
import { CATALOG_ENTITIES } from './index';

/** For integration specs: a fresh database, TenantDb as the application role (RLS on), owner SQL for fixtures. */
export interface CatalogTestDb {
  db: TenantDb;
  newCompany(): Promise<TenantContext>;
  newAccount(ctx: TenantContext, name: string, roles?: string[]): Promise<string>;
  sql<T = Record<string, unknown>>(text: string, params?: unknown[]): Promise<T[]>;
  close(): Promise<void>;
}

export async function openCatalogTestDb(): Promise<CatalogTestDb> {
  const database = await createTestDatabase();
  const owner = new Pool({ connectionString: database.url, max: 2 });
  owner.on('error', () => undefined);
  const dataSource: DataSource = await createDataSource({
    url: testConfig(database.url).appDatabaseUrl,
    entities: [...ORG_ENTITIES, ...CRM_ENTITIES, ...CATALOG_ENTITIES],
    poolSize: 2,
  }).initialize();
  return {
    db: new TenantDb(dataSource),
    sql: async <T>(text: string, params: unknown[] = []) => (await owner.query(text, params)).rows as T[],
    newCompany: async () => {
      const organizationId = newId();
      const companyId = newId();
      await owner.query(`INSERT INTO organizations (id, name) VALUES ($1, 'Org')`, [organizationId]);
      await owner.query(`INSERT INTO companies (id, organization_id, legal_name, siren) VALUES ($1, $2, 'Société Test', '732829320')`, [companyId, organizationId]);
      return { organizationId, companyId, actor: { type: 'system', id: 'test', name: 'test' }, role: 'admin', scopes: ['*'] };
    },
    newAccount: async (ctx, name, roles = ['customer']) => {
      const id = newId();
      await owner.query(`INSERT INTO accounts (id, organization_id, company_id, name, roles) VALUES ($1, $2, $3, $4, $5)`, [id, ctx.organizationId, ctx.companyId, name, roles]);
      return id;
    },
    close: async () => {
      await dataSource.destroy();
      await owner.end();
      await database.drop();
    },
  };
}
