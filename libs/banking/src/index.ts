export * from './banking.module';

export const BANKING_ENTITIES = [];
