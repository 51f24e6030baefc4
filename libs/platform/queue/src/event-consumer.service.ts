import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown, Optional } from '@nestjs/common';
import { Worker } from 'bullmq';
import { AppConfig } from '@comptoir/platform/config';
import { EventDispatcher } from './event-dispatcher.service';
import { EventHandlerRegistry } from './event-handler.registry';
import { EVENTS_QUEUE, EventJobData } from './queue.constants';
import { createRedisConnection } from './redis-connection';

export const CONSUMER_CONCURRENCY = Symbol('CONSUMER_CONCURRENCY');

/** The BullMQ side of the worker: runs each (event, handler) job through the idempotent dispatcher. */
@Injectable()
export class EventConsumer implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(EventConsumer.name);
  private worker: Worker<EventJobData> | null = null;

  constructor(
    private readonly config: AppConfig,
    private readonly registry: EventHandlerRegistry,
    private readonly dispatcher: EventDispatcher,
    @Optional() @Inject(CONSUMER_CONCURRENCY) private readonly concurrency = 8,
  ) {}

  onApplicationBootstrap(): void {
    if (!this.config.redisUrl) return;
    this.worker = new Worker<EventJobData>(
      EVENTS_QUEUE,
      async (job) => {
        const handler = this.registry.byName(job.data.handler);
        if (!handler) throw new Error(`No handler named ${job.data.handler}`);
        await this.dispatcher.dispatch(handler, job.data.event);
      },
      { connection: createRedisConnection(this.config.redisUrl, 'worker'), prefix: this.config.queuePrefix, concurrency: this.concurrency },
    );
    this.worker.on('failed', (job, error) =>
      this.logger.warn(`job ${job?.id} failed (attempt ${job?.attemptsMade}): ${error.message}`),
    );
    this.worker.on('error', () => undefined);
  }

  async onApplicationShutdown(): Promise<void> {
    if (!this.worker) return;
    await this.worker.close();
    (this.worker.opts.connection as unknown as { disconnect(): void }).disconnect();
  }
}
