export * from './logger';
export * from './metrics';
export * from './health.controller';
export * from './queue-admin.controller';
export * from './observability.module';
