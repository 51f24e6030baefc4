import { Controller, Get, Inject, Optional, ServiceUnavailableException } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { Queue } from 'bullmq';
import { DataSource } from 'typeorm';
import { Public } from '@comptoir/platform/auth';
import { EVENTS_PRODUCER, EventJobData, QueueStatusService } from '@comptoir/platform/queue';

/** Backlog age beyond which the event pipeline is reported unhealthy. */
const MAX_QUEUE_LAG_SECONDS = 300;

interface Check {
  status: 'up' | 'down';
  detail?: string;
  [key: string]: unknown;
}

/** 200 when the database answers and the queue (BullMQ, or the in-process driver) keeps up. */
@ApiExcludeController()
@Controller('health')
export class HealthController {
  constructor(
    private readonly dataSource: DataSource,
    private readonly queue: QueueStatusService,
    @Optional() @Inject(EVENTS_PRODUCER) private readonly producer: Queue<EventJobData> | null,
  ) {}

  @Get()
  @Public()
  async health(): Promise<{ status: 'ok'; checks: Record<string, Check> }> {
    const checks: Record<string, Check> = {
      database: await this.check(async () => {
        await this.dataSource.query('SELECT 1');
        return {};
      }),
      redis: this.producer
        ? await this.check(async () => {
            await this.producer!.count();
            return { driver: 'bullmq' };
          })
        : { status: 'up', driver: 'inline', detail: 'no Redis: handlers run in the worker process' },
      queue: await this.check(async () => {
        const lag = await this.queue.outboxLag();
        if (lag.oldestPendingSeconds > MAX_QUEUE_LAG_SECONDS) throw new Error(`oldest event waits ${lag.oldestPendingSeconds}s`);
        return { lagSeconds: lag.oldestPendingSeconds, pending: lag.pending, failed: lag.failed };
      }),
    };
    const ok = Object.values(checks).every((c) => c.status === 'up');
    if (!ok) throw new ServiceUnavailableException({ code: 'unhealthy', message: 'A dependency is down', errors: Object.entries(checks).filter(([, c]) => c.status === 'down').map(([path, c]) => ({ path, message: c.detail ?? 'down' })) });
    return { status: 'ok', checks };
  }

  private async check(probe: () => Promise<Record<string, unknown>>): Promise<Check> {
    try {
      return { status: 'up', ...(await probe()) };
    } catch (error) {
      return { status: 'down', detail: (error as Error).message };
    }
  }
}
