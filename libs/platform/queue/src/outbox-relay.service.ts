import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown, Optional } from '@nestjs/common';
import { Queue } from 'bullmq';
import { DataSource } from 'typeorm';
import { DomainEvent, uuidV7Floor } from '@comptoir/platform/kernel';
import { EventDispatcher } from './event-dispatcher.service';
import { EventHandlerRegistry } from './event-handler.registry';
import { backoffDelayMs, EventJobData, jobIdFor, MAX_ATTEMPTS, BACKOFF_BASE_MS } from './queue.constants';
import { CLAIM_OUTBOX_SQL, OutboxRow, toDomainEvent, UNHANDLED_PUBLISHED_SQL } from './outbox-row';

export const EVENTS_PRODUCER = Symbol('EVENTS_PRODUCER');
export const RELAY_OPTIONS = Symbol('RELAY_OPTIONS');

export interface RelayOptions {
  pollIntervalMs: number;
  batchSize: number;
  autoStart: boolean;
  /**
   * With BullMQ: a delivery published this long ago whose handler has not completed is published
   * again (same job id, so a job still in Redis is not duplicated); this is also how often the
   * relay looks for such deliveries.
   */
  redeliverAfterMs: number;
  /** How far back the relay looks for deliveries the queue lost. */
  redeliverHorizonMs: number;
}

export const DEFAULT_RELAY_OPTIONS: RelayOptions = {
  pollIntervalMs: 100,
  batchSize: 200,
  autoStart: true,
  redeliverAfterMs: 60_000,
  redeliverHorizonMs: 6 * 3600_000,
};

type UnhandledRow = OutboxRow & { handler: string };

/**
 * Moves committed outbox events to their handlers. With Redis it publishes one BullMQ job per
 * subscribed handler (job id = event id + handler) and marks the event published in the same
 * database transaction that claimed it: if Redis is down the transaction rolls back and the events
 * wait. Published is not handled, though: a Redis that restarts without its data loses the jobs it
 * held, so the relay also publishes again every delivery that has not completed (no processed_events
 * row) some time after its publication; handlers are idempotent, BullMQ ignores a job id it still
 * has. Without Redis (embedded mode) it runs the handlers itself, with the same retries.
 */
@Injectable()
export class OutboxRelay implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(OutboxRelay.name);
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private stopped = false;
  private lastRedelivery = Date.now();

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
        .then(() => this.redeliverIfDue())
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
    const jobs = events.flatMap((event) => this.registry.subscribersOf(event.name).map((handler) => jobFor(event, handler.name)));
    if (jobs.length) await this.producer!.addBulk(jobs);
  }

  private async redeliverIfDue(): Promise<void> {
    if (!this.producer || Date.now() - this.lastRedelivery < this.options.redeliverAfterMs) return;
    await this.redeliverUnhandled();
    this.lastRedelivery = Date.now();
  }

  /**
   * Publishes again the deliveries published more than `redeliverAfterMs` ago (within the horizon)
   * whose handler has not completed and whose job the queue no longer holds (a job still waiting,
   * retrying or failed there is left alone). Returns how many were published again.
   */
  async redeliverUnhandled(): Promise<number> {
    if (!this.producer) return 0;
    const pairs = this.registry.subscriptions();
    if (!pairs.length) return 0;
    const since = uuidV7Floor(Date.now() - this.options.redeliverHorizonMs);
    let cursor: [string, string] = ['00000000-0000-0000-0000-000000000000', ''];
    let total = 0;
    while (!this.stopped) {
      const rows: UnhandledRow[] = await this.dataSource.query(UNHANDLED_PUBLISHED_SQL, [
        pairs.map((p) => p.event),
        pairs.map((p) => p.handler),
        since,
        String(this.options.redeliverAfterMs),
        ...cursor,
        this.options.batchSize,
      ]);
      if (!rows.length) break;
      const states = await Promise.all(rows.map((row) => this.producer!.getJobState(jobIdFor(row.id, row.handler))));
      const lost = rows.filter((_, i) => states[i] === 'unknown');
      if (lost.length) await this.producer.addBulk(lost.map((row) => jobFor(toDomainEvent(row), row.handler)));
      total += lost.length;
      const last = rows[rows.length - 1]!;
      cursor = [last.id, last.handler];
      if (rows.length < this.options.batchSize) break;
    }
    if (total) this.logger.warn(`published again ${total} deliveries that the queue lost before they were handled`);
    return total;
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

function jobFor(event: DomainEvent, handler: string) {
  return {
    name: `${event.name}:${handler}`,
    data: { handler, event },
    opts: {
      jobId: jobIdFor(event.id, handler),
      attempts: MAX_ATTEMPTS,
      backoff: { type: 'exponential', delay: BACKOFF_BASE_MS },
      removeOnComplete: { count: 1000 },
      removeOnFail: { count: 5000 },
    },
  };
}
