import { SetMetadata } from '@nestjs/common';
import { DomainEvent } from '@comptoir/platform/kernel';
import { TenantTx } from '@comptoir/platform/database';

export const EVENT_HANDLER_METADATA = 'comptoir:event-handler';

export interface EventHandlerOptions {
  /** Stable name: it keys the processed-events inbox and the job ids, so never rename a live handler. */
  name: string;
  events: readonly string[];
}

/**
 * A subscriber to domain events. `handle` runs inside a tenant transaction that also records the
 * event as processed, so its writes happen exactly once even when the event is delivered twice.
 */
export interface EventHandler {
  handle(event: DomainEvent, tx: TenantTx): Promise<void>;
}

export const OnDomainEvent = (options: EventHandlerOptions) => SetMetadata(EVENT_HANDLER_METADATA, options);
