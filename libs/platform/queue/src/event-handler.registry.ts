import { Injectable, OnModuleInit, Type } from '@nestjs/common';
import { DiscoveryService, Reflector } from '@nestjs/core';
import { EVENT_HANDLER_METADATA, EventHandler, EventHandlerOptions } from './event-handler.decorator';

export interface RegisteredHandler extends EventHandlerOptions {
  instance: EventHandler;
}

/** Finds every provider decorated with @OnDomainEvent in the running application. */
@Injectable()
export class EventHandlerRegistry implements OnModuleInit {
  private handlers: RegisteredHandler[] = [];

  constructor(
    private readonly discovery: DiscoveryService,
    private readonly reflector: Reflector,
  ) {}

  onModuleInit(): void {
    this.handlers = this.discovery
      .getProviders()
      .filter((wrapper) => wrapper.metatype && wrapper.instance)
      .flatMap((wrapper) => {
        const options = this.reflector.get<EventHandlerOptions | undefined>(EVENT_HANDLER_METADATA, wrapper.metatype as Type);
        return options ? [{ ...options, instance: wrapper.instance as EventHandler }] : [];
      });
    const names = new Set<string>();
    for (const h of this.handlers) {
      if (names.has(h.name)) throw new Error(`Duplicate event handler name ${h.name}`);
      names.add(h.name);
    }
  }

  subscribersOf(eventName: string): RegisteredHandler[] {
    return this.handlers.filter((h) => h.events.includes(eventName));
  }

  /** Every (event name, handler name) pair this process handles. */
  subscriptions(): { event: string; handler: string }[] {
    return this.handlers.flatMap((h) => h.events.map((event) => ({ event, handler: h.name })));
  }

  byName(name: string): RegisteredHandler | undefined {
    return this.handlers.find((h) => h.name === name);
  }
}
