export * from './canonical-json';
export * from './ledger-lock.module';
export * from './numbering/numbering.types';
export * from './numbering/numbering.service';
export * from './seal/seal.types';
export * from './seal/seal-source';
export * from './seal/seal-source.registry';
export * from './seal/seal.service';
export * from './closing/period-guard';

export const LEDGER_ENTITIES = [] as (new () => object)[];
