import { DataSource, DataSourceOptions, MixedList } from 'typeorm';
import { SnakeNamingStrategy } from './snake-naming.strategy';

/** An entity or migration class, as TypeORM lists them (any class, abstract or not). */
export type ClassRef = abstract new (...args: never[]) => unknown;

export interface DataSourceParams {
  url: string;
  entities: MixedList<ClassRef>;
  migrations?: MixedList<ClassRef>;
  poolSize?: number;
  applicationName?: string;
}

export function dataSourceOptions(params: DataSourceParams): DataSourceOptions {
  return {
    type: 'postgres',
    url: params.url,
    entities: params.entities,
    migrations: params.migrations ?? [],
    migrationsTableName: 'schema_migrations',
    namingStrategy: new SnakeNamingStrategy(),
    synchronize: false,
    migrationsRun: false,
    logging: false,
    extra: { max: params.poolSize ?? 20, application_name: params.applicationName ?? 'comptoir' },
  };
}

export function createDataSource(params: DataSourceParams): DataSource {
  return new DataSource(dataSourceOptions(params));
}
