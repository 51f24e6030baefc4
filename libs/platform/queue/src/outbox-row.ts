import { DomainEvent } from '@comptoir/platform/kernel';

export interface OutboxRow {
  id: string;
  organization_id: string;
  company_id: string | null;
  name: string;
  aggregate_type: string;
  aggregate_id: string;
  payload: Record<string, unknown>;
  occurred_at: Date;
  attempts: number;
}

export function toDomainEvent(row: OutboxRow): DomainEvent {
  return {
    id: row.id,
    organizationId: row.organization_id,
    companyId: row.company_id,
    name: row.name,
    aggregateType: row.aggregate_type,
    aggregateId: row.aggregate_id,
    payload: row.payload,
    occurredAt: new Date(row.occurred_at).toISOString(),
  };
}

/** Claims a batch of unpublished events; concurrent relays skip each other's rows. */
export const CLAIM_OUTBOX_SQL = `
  SELECT id, organization_id, company_id, name, aggregate_type, aggregate_id, payload, occurred_at, attempts
  FROM outbox_events
  WHERE published_at IS NULL AND failed_at IS NULL AND (next_attempt_at IS NULL OR next_attempt_at <= now())
  ORDER BY occurred_at
  LIMIT $1
  FOR UPDATE SKIP LOCKED`;
