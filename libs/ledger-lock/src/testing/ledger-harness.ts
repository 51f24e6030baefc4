import { INestApplicationContext, Injectable, Module, OnModuleInit } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Pool } from 'pg';
import { ConfigModule } from '@comptoir/platform/config';
import { DATABASE_LIB_ENTITIES, DatabaseModule, TenantDb, TenantTx } from '@comptoir/platform/database';
import { newId, TenantContext } from '@comptoir/platform/kernel';
import { createTestDatabase, testConfig, TestDatabase } from '@comptoir/platform/testing';
import { ORG_ENTITIES } from '@comptoir/org';
import { LEDGER_ENTITIES } from '../index';
import { LedgerLockModule } from '../ledger-lock.module';
import { SealSource } from '../seal/seal-source';
import { SealSourceRegistry } from '../seal/seal-source.registry';

/**
 * A record type kept by the test itself, in a table of the test database: what billing does for its
 * documents, so that verification can be tested against record edits.
 */
@Injectable()
export class TestNoteSource implements SealSource, OnModuleInit {
  readonly recordType = 'test_note';

  constructor(private readonly registry: SealSourceRegistry) {}

  onModuleInit(): void {
    this.registry.register(this);
  }

  async currentPayloads(tx: TenantTx, recordIds: string[]): Promise<Map<string, Record<string, unknown>>> {
    const rows = (await tx.manager.query(`SELECT id, payload FROM test_notes WHERE company_id = $1 AND id = ANY($2)`, [tx.ctx.companyId, recordIds])) as { id: string; payload: Record<string, unknown> }[];
    return new Map(rows.map((row) => [row.id, row.payload]));
  }
}

@Module({ providers: [TestNoteSource] })
class TestSourceModule {}

export interface LedgerHarness {
  module: INestApplicationContext;
  db: TestDatabase;
  /** Owner (superuser) connection: for set-up and for tampering. */
  owner: Pool;
  /** A raw connection as the application role. */
  app: Pool;
  ctx: TenantContext;
  establishmentId: string;
  tx<T>(work: (tx: TenantTx) => Promise<T>, ctx?: TenantContext): Promise<T>;
  newCompany(timeZone?: string): Promise<{ ctx: TenantContext; establishmentId: string }>;
  close(): Promise<void>;
}

/** The ledger-lock module on a fresh database with one company, plus a table of sealed test notes. */
export async function createLedgerHarness(): Promise<LedgerHarness> {
  const db = await createTestDatabase();
  const config = testConfig(db.url);
  const owner = new Pool({ connectionString: db.url, max: 4 });
  owner.on('error', () => undefined);
  await owner.query(`CREATE TABLE test_notes (id uuid PRIMARY KEY, organization_id uuid NOT NULL, company_id uuid NOT NULL, payload jsonb NOT NULL)`);
  await owner.query(`GRANT SELECT, INSERT, UPDATE ON test_notes TO comptoir_app`);
  const app = new Pool({ connectionString: config.appDatabaseUrl, max: 2 });
  app.on('error', () => undefined);
  @Module({
    imports: [
      ConfigModule.forRoot(config),
      DatabaseModule.forRoot({ entities: [...DATABASE_LIB_ENTITIES, ...ORG_ENTITIES, ...LEDGER_ENTITIES], applicationName: 'ledger-test', poolSize: 20 }),
      LedgerLockModule,
      TestSourceModule,
    ],
  })
  class LedgerTestModule {}
  const module = await NestFactory.createApplicationContext(LedgerTestModule, { logger: false });
  await module.init();
  const tenantDb = module.get(TenantDb);

  const newCompany = async (timeZone = 'Europe/Paris') => {
    const organizationId = newId();
    const companyId = newId();
    const establishmentId = newId();
    await owner.query(`INSERT INTO organizations (id, name) VALUES ($1, 'Ledger test')`, [organizationId]);
    await owner.query(`INSERT INTO companies (id, organization_id, legal_name, siren, time_zone) VALUES ($1, $2, 'Ledger SAS', '732829320', $3)`, [companyId, organizationId, timeZone]);
    await owner.query(`INSERT INTO establishments (id, organization_id, company_id, name, siret, is_default) VALUES ($1, $2, $3, 'Siège', '73282932000074', true)`, [
      establishmentId,
      organizationId,
      companyId,
    ]);
    const ctx: TenantContext = { organizationId, companyId, actor: { type: 'system', id: '', name: 'ledger test' }, role: 'admin', scopes: ['*'] };
    return { ctx, establishmentId };
  };
  const first = await newCompany();
  return {
    module,
    db,
    owner,
    app,
    ctx: first.ctx,
    establishmentId: first.establishmentId,
    newCompany,
    tx: (work, ctx = first.ctx) => tenantDb.transaction(ctx, work),
    close: async () => {
      await module.close();
      await app.end();
      await owner.end();
      await db.drop();
    },
  };
}
