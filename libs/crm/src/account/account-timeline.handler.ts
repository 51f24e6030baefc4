import { Injectable } from '@nestjs/common';
import { DomainEvent, newId } from '@comptoir/platform/kernel';
import { TenantTx } from '@comptoir/platform/database';
import { EventHandler, OnDomainEvent } from '@comptoir/platform/queue';
import { ActivityEntity } from '../activity/activity.entity';
import { ACCOUNT_CREATED, ACCOUNT_UPDATED, AccountEventPayload } from './account.events';

/** Writes "created" and "changed" entries on the account's timeline, once per event. */
@Injectable()
@OnDomainEvent({ name: 'crm.account-timeline', events: [ACCOUNT_CREATED, ACCOUNT_UPDATED] })
export class AccountTimelineHandler implements EventHandler {
  async handle(event: DomainEvent, tx: TenantTx): Promise<void> {
    const { changed } = event.payload as unknown as AccountEventPayload;
    const title = event.name === ACCOUNT_CREATED ? 'Compte créé' : `Compte modifié : ${changed.join(', ')}`.slice(0, 200);
    const at = new Date(event.occurredAt);
    await tx.repo(ActivityEntity, 'Activity').insert({
      id: newId(),
      kind: 'event',
      type: 'system',
      title,
      accountId: event.aggregateId,
      startsAt: at,
      sourceEventId: event.id,
      createdAt: at,
      updatedAt: at,
    });
  }
}
