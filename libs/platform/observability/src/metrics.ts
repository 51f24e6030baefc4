import { Controller, Get, Header, Injectable, NestMiddleware } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { NextFunction, Request, Response } from 'express';
import { collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';
import { Public } from '@comptoir/platform/auth';
import { QueueStatusService } from '@comptoir/platform/queue';

export const metricsRegistry = new Registry();
collectDefaultMetrics({ register: metricsRegistry, prefix: 'comptoir_' });

const httpDuration = new Histogram({
  name: 'comptoir_http_request_duration_seconds',
  help: 'HTTP request duration by route and status',
  labelNames: ['method', 'route', 'status'] as const,
  buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
  registers: [metricsRegistry],
});

/** Times every request, labelled by route pattern (not raw URL, which would explode cardinality). */
@Injectable()
export class HttpMetricsMiddleware implements NestMiddleware {
  use(req: Request, res: Response, next: NextFunction): void {
    const end = httpDuration.startTimer();
    res.on('finish', () => {
      const route = (req.route as { path?: string } | undefined)?.path ?? 'unmatched';
      end({ method: req.method, route: `${req.baseUrl}${route}`, status: String(res.statusCode) });
    });
    next();
  }
}

@ApiExcludeController()
@Controller('metrics')
export class MetricsController {
  private readonly outboxPending = new Gauge({ name: 'comptoir_outbox_pending_events', help: 'Events not yet relayed', registers: [metricsRegistry] });
  private readonly outboxLag = new Gauge({ name: 'comptoir_outbox_lag_seconds', help: 'Age of the oldest unrelayed event', registers: [metricsRegistry] });
  private readonly outboxFailed = new Gauge({ name: 'comptoir_outbox_failed_events', help: 'Events given up after all retries (in-process driver)', registers: [metricsRegistry] });

  constructor(private readonly queue: QueueStatusService) {}

  @Get()
  @Public()
  @Header('Content-Type', 'text/plain; version=0.0.4')
  async metrics(): Promise<string> {
    const outbox = await this.queue.outboxLag();
    this.outboxPending.set(outbox.pending);
    this.outboxLag.set(outbox.oldestPendingSeconds);
    this.outboxFailed.set(outbox.failed);
    return metricsRegistry.metrics();
  }
}
