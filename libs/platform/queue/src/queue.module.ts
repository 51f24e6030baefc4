import { DynamicModule, Global, Module, Provider } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { Queue } from 'bullmq';
import { AppConfig } from '@comptoir/platform/config';
import { EventConsumer } from './event-consumer.service';
import { EventDispatcher } from './event-dispatcher.service';
import { EventHandlerRegistry } from './event-handler.registry';
import { DEFAULT_RELAY_OPTIONS, EVENTS_PRODUCER, OutboxRelay, RELAY_OPTIONS, RelayOptions } from './outbox-relay.service';
import { EVENTS_QUEUE } from './queue.constants';
import { QueueStatusService } from './queue-status.service';
import { createRedisConnection } from './redis-connection';

const producerProvider: Provider = {
  provide: EVENTS_PRODUCER,
  inject: [AppConfig],
  useFactory: (config: AppConfig) => {
    if (!config.redisUrl) return null;
    const queue = new Queue(EVENTS_QUEUE, { connection: createRedisConnection(config.redisUrl, 'producer'), prefix: config.queuePrefix });
    // Without a listener BullMQ prints every connection error to the console; outages are reported
    // by the relay (events wait in the outbox) and by /health instead.
    queue.on('error', () => undefined);
    return queue;
  },
};

/**
 * The API only reads the pipeline's status; the worker role adds the relay and the consumers, which
 * pick up every @OnDomainEvent provider of the modules it imports.
 */
@Global()
@Module({})
export class QueueModule {
  static forApi(): DynamicModule {
    return { module: QueueModule, providers: [producerProvider, QueueStatusService], exports: [QueueStatusService, EVENTS_PRODUCER] };
  }

  static forWorker(relay: Partial<RelayOptions> = {}): DynamicModule {
    return {
      module: QueueModule,
      imports: [DiscoveryModule],
      providers: [
        producerProvider,
        QueueStatusService,
        EventHandlerRegistry,
        EventDispatcher,
        OutboxRelay,
        EventConsumer,
        { provide: RELAY_OPTIONS, useValue: { ...DEFAULT_RELAY_OPTIONS, ...relay } },
      ],
      exports: [QueueStatusService, OutboxRelay, EventHandlerRegistry, EventDispatcher, EVENTS_PRODUCER],
    };
  }
}
