import { AuditChanges } from './audit-entry.entity';

const comparable = (value: unknown) => (value instanceof Date ? value.toISOString() : JSON.stringify(value ?? null));

/** Field-level changes between two snapshots of a record; secrets are never passed in. */
export function diffFields(before: Record<string, unknown> | null, after: Record<string, unknown> | null, fields: readonly string[]): AuditChanges {
  const changes: AuditChanges = {};
  for (const field of fields) {
    const from = before?.[field] ?? null;
    const to = after?.[field] ?? null;
    if (comparable(from) !== comparable(to)) changes[field] = { from, to };
  }
  return changes;
}
