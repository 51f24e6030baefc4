import IORedis, { RedisOptions } from 'ioredis';

/**
 * Producers fail fast while Redis is away (the outbox keeps the event and the relay retries);
 * BullMQ workers must instead wait forever for the connection to come back.
 */
export function createRedisConnection(url: string, role: 'producer' | 'worker'): IORedis {
  const options: RedisOptions =
    role === 'producer'
      ? { maxRetriesPerRequest: 1, enableOfflineQueue: false, connectTimeout: 2000, lazyConnect: false }
      : { maxRetriesPerRequest: null, enableOfflineQueue: true };
  const connection = new IORedis(url, { ...options, retryStrategy: (times) => Math.min(times * 200, 2000) });
  // Outages are expected and retried; without a listener ioredis would print every failure.
  connection.on('error', () => undefined);
  return connection;
}
