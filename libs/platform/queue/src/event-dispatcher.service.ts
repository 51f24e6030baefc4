import { Injectable } from '@nestjs/common';
import { DomainEvent, TenantContext } from '@comptoir/platform/kernel';
import { TenantDb } from '@comptoir/platform/database';
import { RegisteredHandler } from './event-handler.registry';

export function systemContextFor(event: Pick<DomainEvent, 'organizationId' | 'companyId' | 'id'>): TenantContext {
  return {
    organizationId: event.organizationId,
    companyId: event.companyId ?? '',
    actor: { type: 'system', id: 'worker', name: 'Comptoir worker' },
    role: null,
    scopes: ['*'],
    requestId: event.id,
  };
}

/** Runs one handler for one event at most once, whatever the number of deliveries. */
@Injectable()
export class EventDispatcher {
  constructor(private readonly db: TenantDb) {}

  /** Returns false when the event had already been handled by this handler. */
  async dispatch(handler: RegisteredHandler, event: DomainEvent): Promise<boolean> {
    return this.db.transaction(systemContextFor(event), async (tx) => {
      const claimed: unknown[] = await tx.manager.query(
        `INSERT INTO processed_events (handler, event_id) VALUES ($1, $2) ON CONFLICT DO NOTHING RETURNING event_id`,
        [handler.name, event.id],
      );
      if (claimed.length === 0) return false;
      await handler.instance.handle(event, tx);
      return true;
    });
  }
}
