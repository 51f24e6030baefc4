import { createDataSource } from '@comptoir/platform/database';
import { createTestDatabase, TestDatabase } from '@comptoir/platform/testing';
import { ENTITIES } from './entities';
import { MIGRATIONS } from './migrations';

/**
 * The committed migrations and the entities must describe the same schema: TypeORM's schema builder,
 * run against the migrated database, must find nothing to change. Fails when someone edits an entity
 * without generating (and committing) a migration.
 */
describe('schema drift between entities and migrations', () => {
  let db: TestDatabase;

  beforeAll(async () => {
    db = await createTestDatabase();
  });

  afterAll(async () => {
    await db.drop();
  });

  it('has no pending schema change', async () => {
    const dataSource = await createDataSource({ url: db.url, entities: ENTITIES, migrations: MIGRATIONS, poolSize: 1 }).initialize();
    try {
      expect(await dataSource.showMigrations()).toBe(false);
      const pending = await dataSource.driver.createSchemaBuilder().log();
      expect(pending.upQueries.map((q) => q.query)).toEqual([]);
    } finally {
      await dataSource.destroy();
    }
  });
});
