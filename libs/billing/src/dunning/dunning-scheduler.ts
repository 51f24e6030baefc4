import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { Queue, Worker } from 'bullmq';
import { AppConfig } from '@comptoir/platform/config';
import { createRedisConnection } from '@comptoir/platform/queue';
import { DunningDigestService } from './dunning-digest.service';

export const DUNNING_QUEUE = 'dunning';
export const DIGEST_SCHEDULER_ID = 'dunning-daily-digest';
export const DIGEST_TIME_ZONE = 'Europe/Paris';
/** How often the in-process clock (no Redis) looks whether the day's digest is due. */
const CLOCK_TICK_MS = 10 * 60_000;

/** The calendar day and hour in Paris at an instant. */
export function parisClock(at: Date): { day: string; hour: number } {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-CA', { timeZone: DIGEST_TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', hourCycle: 'h23' })
      .formatToParts(at)
      .map((p) => [p.type, p.value]),
  );
  return { day: `${parts['year']}-${parts['month']}-${parts['day']}`, hour: Number(parts['hour']) };
}

/** In-process mode: the digest is due once a day, from the configured hour on (so a worker started later still runs it that day). */
export function digestDue(at: Date, hour: number, lastRunDay: string | null): string | null {
  const now = parisClock(at);
  return now.hour >= hour && now.day !== lastRunDay ? now.day : null;
}

/**
 * Runs the daily dunning digest. With Redis: a BullMQ job scheduler (upsertJobScheduler, cron at
 * DUNNING_DIGEST_HOUR, Europe/Paris; upserted at every boot, so several workers share ONE schedule
 * and a changed hour replaces it) and a consumer of the `dunning` queue. Without Redis (embedded
 * mode): an in-process clock in the worker checks every ten minutes and runs the digest once a day
 * from that hour on, at boot too if the hour has passed — a worker that was down at the hour catches
 * up when it starts; two in-process workers would both run it, which is harmless (same figures).
 */
@Injectable()
export class DunningScheduler implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(DunningScheduler.name);
  private queue: Queue | null = null;
  private worker: Worker | null = null;
  private clock: NodeJS.Timeout | null = null;
  private lastRunDay: string | null = null;

  constructor(
    private readonly config: AppConfig,
    private readonly digest: DunningDigestService,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (this.config.redisUrl) await this.scheduleWithBullMq(this.config.redisUrl);
    else this.startClock();
  }

  private async scheduleWithBullMq(redisUrl: string): Promise<void> {
    const options = { prefix: this.config.queuePrefix };
    this.queue = new Queue(DUNNING_QUEUE, { connection: createRedisConnection(redisUrl, 'worker'), ...options });
    this.queue.on('error', () => undefined);
    await this.queue.upsertJobScheduler(DIGEST_SCHEDULER_ID, { pattern: `0 ${this.config.dunningDigestHour} * * *`, tz: DIGEST_TIME_ZONE }, { name: 'daily-digest', opts: { removeOnComplete: { count: 30 }, removeOnFail: { count: 30 } } });
    this.worker = new Worker(DUNNING_QUEUE, () => this.digest.runAll(), { connection: createRedisConnection(redisUrl, 'worker'), ...options, concurrency: 1 });
    this.worker.on('error', () => undefined);
  }

  private startClock(): void {
    const tick = () => {
      const day = digestDue(new Date(), this.config.dunningDigestHour, this.lastRunDay);
      if (!day) return;
      this.lastRunDay = day;
      this.digest.runAll().catch((error: Error) => this.logger.warn(`dunning digest failed: ${error.message}`));
    };
    this.clock = setInterval(tick, CLOCK_TICK_MS);
    this.clock.unref();
    tick();
  }

  /** The schedule as BullMQ holds it (null in-process): for tests and the status page. */
  async schedule(): Promise<{ pattern?: string | null; tz?: string | null; next?: number | null } | null> {
    return this.queue ? await this.queue.getJobScheduler(DIGEST_SCHEDULER_ID) ?? null : null;
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.clock) clearInterval(this.clock);
    await this.worker?.close();
    await this.queue?.close();
    for (const client of [this.worker, this.queue]) (client?.opts.connection as unknown as { disconnect(): void } | undefined)?.disconnect();
  }
}
