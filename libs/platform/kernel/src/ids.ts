import { v7 as uuidv7, validate as uuidValidate } from 'uuid';

/** Time-ordered UUIDs (v7) keep B-tree inserts local, which matters for the outbox and audit tables. */
export function newId(): string {
  return uuidv7();
}

export function isUuid(value: unknown): value is string {
  return typeof value === 'string' && uuidValidate(value);
}
