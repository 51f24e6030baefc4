import { v7 as uuidv7, validate as uuidValidate } from 'uuid';

/** Time-ordered UUIDs (v7) keep B-tree inserts local, which matters for the outbox and audit tables. */
export function newId(): string {
  return uuidv7();
}

export function isUuid(value: unknown): value is string {
  return typeof value === 'string' && uuidValidate(value);
}

/**
 * The smallest UUIDv7 of a millisecond: every v7 id made at or after `at` sorts at or above it (as
 * text and as PostgreSQL uuid), so "ids since t" is a primary-key range scan.
 */
export function uuidV7Floor(at: Date | number): string {
  const ms = Math.max(0, Math.floor(typeof at === 'number' ? at : at.getTime()));
  const hex = ms.toString(16).padStart(12, '0').slice(-12);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-7000-8000-000000000000`;
}
