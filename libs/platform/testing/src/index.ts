export * from './test-postgres';
export * from './test-config';
export * from './test-database';
export * from '@comptoir/platform/standards';
