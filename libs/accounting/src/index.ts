export * from './accounting.module';

export const ACCOUNTING_ENTITIES = [];
