import { DynamicModule, Global, Inject, Module, OnApplicationShutdown } from '@nestjs/common';
import { DataSource, MixedList } from 'typeorm';
import { AppConfig } from '@comptoir/platform/config';
import { ClassRef, createDataSource } from './data-source';
import { TenantDb } from './tenant-db.service';

export const DATABASE_ENTITIES = Symbol('DATABASE_ENTITIES');

@Global()
@Module({})
export class DatabaseModule implements OnApplicationShutdown {
  constructor(@Inject(DataSource) private readonly dataSource: DataSource) {}

  static forRoot(options: { entities: MixedList<ClassRef>; applicationName: string; poolSize?: number }): DynamicModule {
    return {
      module: DatabaseModule,
      providers: [
        {
          provide: DataSource,
          inject: [AppConfig],
          useFactory: (config: AppConfig) =>
            createDataSource({
              url: config.appDatabaseUrl,
              entities: options.entities,
              poolSize: options.poolSize,
              applicationName: options.applicationName,
            }).initialize(),
        },
        TenantDb,
      ],
      exports: [DataSource, TenantDb],
    };
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.dataSource.isInitialized) await this.dataSource.destroy();
  }
}
