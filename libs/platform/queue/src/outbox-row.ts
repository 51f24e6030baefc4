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

/**
 * (event, handler) pairs published to the queue a while ago whose handler never completed: the queue
 * lost them (Redis restarted without persistence, or was flushed), or they are still waiting or
 * retrying there. Keyset-paged by (event id, handler); `$3` bounds the scan to recent events.
 */
export const UNHANDLED_PUBLISHED_SQL = `
  SELECT o.id, o.organization_id, o.company_id, o.name, o.aggregate_type, o.aggregate_id, o.payload, o.occurred_at, o.attempts, s.handler
  FROM outbox_events o
  JOIN unnest($1::text[], $2::text[]) AS s(event_name, handler) ON s.event_name = o.name
  WHERE o.id >= $3::uuid
    AND o.published_at IS NOT NULL
    AND o.published_at < now() - ($4 || ' milliseconds')::interval
    AND (o.id, s.handler) > ($5::uuid, $6::text)
    AND NOT EXISTS (SELECT 1 FROM processed_events p WHERE p.handler = s.handler AND p.event_id = o.id)
  ORDER BY o.id, s.handler
  LIMIT $7`;
