// Data source for the TypeORM CLI (`npm run migration:generate -- <Name>`); never used at runtime.
import { createDataSource } from '@comptoir/platform/database';
import { ENTITIES } from './entities';
import { MIGRATIONS } from './migrations';

export default createDataSource({
  url: process.env['DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/comptoir',
  entities: ENTITIES,
  migrations: MIGRATIONS,
});
