/** The BullMQ queue that carries one job per (domain event, subscribed handler). */
export const EVENTS_QUEUE = 'events';
export const MAX_ATTEMPTS = 10;
export const BACKOFF_BASE_MS = 1000;

/** BullMQ forbids ':' in custom ids; the id stays deterministic so a re-relayed event is not duplicated. */
export function jobIdFor(eventId: string, handler: string): string {
  return `${eventId}.${handler}`;
}

export function backoffDelayMs(attempts: number): number {
  return Math.min(BACKOFF_BASE_MS * 2 ** Math.max(0, attempts - 1), 10 * 60 * 1000);
}

export interface EventJobData {
  handler: string;
  event: import('@comptoir/platform/kernel').DomainEvent;
}
