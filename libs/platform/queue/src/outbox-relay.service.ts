import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown, Optional } from '@nestjs/common';
import { Queue } from 'bullmq';
import { DataSource } from 'typeorm';
import { DomainEvent } from '@comptoir/platform/kernel';
import { EventDispatcher } from './event-dispatcher.service';
import { EventHandlerRegistry } from './event-handler.registry';
import { backoffDelayMs, EventJobData, jobIdFor, MAX_ATTEMPTS, BACKOFF_BASE_MS } from './queue.constants';
import { CLAIM_OUTBOX_SQL, OutboxRow, toDomainEvent } from './outbox-row';

export const EVENTS_PRODUCER = Symbol('EVENTS_PRODUCER');
export const RELAY_OPTIONS = Symbol('RELAY_OPTIONS');

export interface RelayOptions {
  pollIntervalMs: number;
  batchSize: number;
  autoStart: boolean;
}

/**
 * Moves committed outbox events to their handlers. With Redis it publishes one BullMQ job per
 * subscribed handler (job id = event id + handler) and marks the event published in the same
 * database transaction that claimed it: if Redis is down the transaction rolls back and the events
 * wait. Without Redis (embedded mode) it runs the handlers itself, with the same retries.
 */
@Injectable()
export class OutboxRelay implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(OutboxRelay.name);
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private stopped = false;

  constructor(
    private readonly dataSource: DataSource,
    private readonly registry: EventHandlerRegistry,
    private readonly dispatcher: EventDispatcher,
    @Inject(RELAY_OPTIONS) private readonly options: RelayOptions,
    @Optional() @Inject(EVENTS_PRODUCER) private readonly producer: Queue<EventJobData> | null,
  ) {}

  onApplicationBootstrap(): void {
    if (this.options.autoStart) this.schedule(0);
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    await this.running;
  }

  private schedule(delay: number): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.running = this.relayUntilIdle()
        .catch((error: unknown) => this.logger.warn(`outbox relay paused: ${(error as Error).message}`))
        .finally(() => {
          this.running = null;
          this.schedule(this.options.pollIntervalMs);
        });
    }, delay);
  }

  /** Relays batches until the outbox has nothing due. Returns the number of events handled. */
  async relayUntilIdle(): Promise<void> {
    while (!this.stopped && (await this.relayBatch()) > 0);
  }

  async relayBatch(): Promise<number> {
    return this.dataSource.transaction(async (manager) => {
      const rows: OutboxRow[] = await manager.query(CLAIM_OUTBOX_SQL, [this.options.batchSize]);
      if (!rows.length) return 0;
      const events = rows.map(toDomainEvent);
      if (this.producer) {
        await this.publish(events);
        await manager.query(`UPDATE outbox_events SET published_at = now() WHERE id = ANY($1::uuid[])`, [events.map((e) => e.id)]);
      } else {
        for (const [index, event] of events.entries()) {
          const failure = await this.runHandlers(event);
          if (failure === null) {
            await manager.query(`UPDATE outbox_events SET published_at = now(), last_error = NULL WHERE id = $1`, [event.id]);
          } else {
            await this.recordFailure(manager, rows[index]!, failure);
          }
        }
      }
      return rows.length;
    });
  }

  private async publish(events: DomainEvent[]): Promise<void> {
    const jobs = events.flatMap((event) =>
      this.registry.subscribersOf(event.name).map((handler) => ({
        name: `${event.name}:${handler.name}`,
        data: { handler: handler.name, event },
        opts: {
          jobId: jobIdFor(event.id, handler.name),
          attempts: MAX_ATTEMPTS,
          backoff: { type: 'exponential', delay: BACKOFF_BASE_MS },
          removeOnComplete: { count: 1000 },
          removeOnFail: { count: 5000 },
        },
      })),
    );
    if (jobs.length) await this.producer!.addBulk(jobs);
  }

  /** In-process delivery: returns the first failure, or null when every handler succeeded. */
  private async runHandlers(event: DomainEvent): Promise<string | null> {
    for (const handler of this.registry.subscribersOf(event.name)) {
      try {
        await this.dispatcher.dispatch(handler, event);
      } catch (error) {
        return `${handler.name}: ${(error as Error).message}`;
      }
    }
    return null;
  }

  private async recordFailure(manager: import('typeorm').EntityManager, row: OutboxRow, failure: string): Promise<void> {
    const attempts = row.attempts + 1;
    const exhausted = attempts >= MAX_ATTEMPTS;
    this.logger.warn(`event ${row.name} ${row.id} failed (attempt ${attempts}): ${failure}`);
    await manager.query(
      `UPDATE outbox_events SET attempts = $2, last_error = $3,
         next_attempt_at = now() + ($4 || ' milliseconds')::interval,
         failed_at = CASE WHEN $5 THEN now() ELSE NULL END
       WHERE id = $1`,
      [row.id, attempts, failure, String(backoffDelayMs(attempts)), exhausted],
    );
  }
}
