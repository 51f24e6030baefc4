import { Inject, Injectable, OnApplicationShutdown, Optional } from '@nestjs/common';
import { Job, Queue } from 'bullmq';
import { DataSource } from 'typeorm';
import { NotFoundError } from '@comptoir/platform/kernel';
import { EVENTS_PRODUCER } from './outbox-relay.service';
import { EventJobData } from './queue.constants';

export interface FailedDelivery {
  id: string;
  eventId: string;
  eventName: string;
  handler: string | null;
  attempts: number;
  error: string | null;
  failedAt: string | null;
}

export interface QueueStatus {
  driver: 'bullmq' | 'inline';
  outbox: { pending: number; failed: number; oldestPendingSeconds: number };
}

/** What an administrator sees of the event pipeline: backlog, failures, and a retry button. */
@Injectable()
export class QueueStatusService implements OnApplicationShutdown {
  constructor(
    private readonly dataSource: DataSource,
    @Optional() @Inject(EVENTS_PRODUCER) private readonly producer: Queue<EventJobData> | null,
  ) {}

  /** BullMQ leaves a connection it was given open: close the queue, then its connection. */
  async onApplicationShutdown(): Promise<void> {
    if (!this.producer) return;
    await this.producer.close();
    (this.producer.opts.connection as unknown as { disconnect(): void }).disconnect();
  }

  get driver(): 'bullmq' | 'inline' {
    return this.producer ? 'bullmq' : 'inline';
  }

  /** Seconds the oldest unpublished event has waited: the queue lag reported by /health and /metrics. */
  async outboxLag(organizationId?: string): Promise<QueueStatus['outbox']> {
    const [row] = await this.dataSource.query(
      `SELECT count(*) FILTER (WHERE published_at IS NULL AND failed_at IS NULL)::int AS pending,
              count(*) FILTER (WHERE failed_at IS NOT NULL)::int AS failed,
              coalesce(extract(epoch FROM now() - min(occurred_at) FILTER (WHERE published_at IS NULL AND failed_at IS NULL)), 0)::float AS lag
       FROM outbox_events WHERE published_at IS NULL AND ($1::uuid IS NULL OR organization_id = $1)`,
      [organizationId ?? null],
    );
    return { pending: row.pending, failed: row.failed, oldestPendingSeconds: Math.round(row.lag) };
  }

  async status(organizationId: string): Promise<QueueStatus> {
    const outbox = await this.outboxLag(organizationId);
    // BullMQ's own counts span every tenant, so an organisation sees only its outbox backlog.
    return { driver: this.driver, outbox };
  }

  async failed(organizationId: string, limit = 50): Promise<FailedDelivery[]> {
    if (this.producer) {
      const jobs = await this.producer.getJobs(['failed'], 0, 999);
      return jobs
        .filter((job) => job.data?.event?.organizationId === organizationId)
        .slice(0, limit)
        .map(toFailedDelivery);
    }
    const rows = await this.dataSource.query(
      `SELECT id, name, attempts, last_error, failed_at FROM outbox_events
       WHERE organization_id = $1 AND published_at IS NULL AND attempts > 0 ORDER BY occurred_at LIMIT $2`,
      [organizationId, limit],
    );
    return rows.map((r: { id: string; name: string; attempts: number; last_error: string | null; failed_at: Date | null }) => ({
      id: r.id,
      eventId: r.id,
      eventName: r.name,
      handler: null,
      attempts: r.attempts,
      error: r.last_error,
      failedAt: r.failed_at ? new Date(r.failed_at).toISOString() : null,
    }));
  }

  async retry(organizationId: string, id: string): Promise<void> {
    if (this.producer) {
      const job = await this.producer.getJob(id);
      if (!job || job.data?.event?.organizationId !== organizationId || !(await job.isFailed())) throw new NotFoundError('Failed job');
      await job.retry();
      return;
    }
    const [rows] = await this.dataSource.query(
      `UPDATE outbox_events SET failed_at = NULL, attempts = 0, next_attempt_at = NULL
       WHERE id = $1 AND organization_id = $2 AND published_at IS NULL AND attempts > 0 RETURNING id`,
      [id, organizationId],
    );
    if (!rows.length) throw new NotFoundError('Failed job');
  }
}

function toFailedDelivery(job: Job<EventJobData>): FailedDelivery {
  return {
    id: job.id ?? '',
    eventId: job.data.event.id,
    eventName: job.data.event.name,
    handler: job.data.handler,
    attempts: job.attemptsMade,
    error: job.failedReason ?? null,
    failedAt: job.finishedOn ? new Date(job.finishedOn).toISOString() : null,
  };
}
