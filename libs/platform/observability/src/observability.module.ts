import { MiddlewareConsumer, Module, NestModule } from '@nestjs/common';
import { HealthController } from './health.controller';
import { HttpMetricsMiddleware, MetricsController } from './metrics';
import { QueueAdminController } from './queue-admin.controller';

@Module({ controllers: [HealthController, MetricsController, QueueAdminController] })
export class ObservabilityModule implements NestModule {
  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(HttpMetricsMiddleware).forRoutes('{*path}');
  }
}
