import { INestApplication, INestApplicationContext } from '@nestjs/common';
import { Pool } from 'pg';
import request from 'supertest';
import { AppConfig } from '@comptoir/platform/config';
import { createTestDatabase, testConfig, TestDatabase } from '@comptoir/platform/testing';
import { OutboxRelay, RelayOptions } from '@comptoir/platform/queue';
import { DevMailCatcher } from '@comptoir/platform/notify';
import { createApiApp } from '../../../api/src/bootstrap';
import { createWorkerApp } from '../../../worker/src/bootstrap';

export interface TestApp {
  app: INestApplication;
  http: () => request.Agent;
  config: AppConfig;
  db: TestDatabase;
  /** Runs SQL as the database owner, beside row-level security: for assertions on stored rows. */
  sql<T = Record<string, unknown>>(text: string, params?: unknown[]): Promise<T[]>;
  close(): Promise<void>;
}

/** The whole API on a fresh database, as production builds it, driven through supertest. */
export async function createTestApp(overrides: Partial<Record<keyof AppConfig, unknown>> = {}): Promise<TestApp> {
  const db = await createTestDatabase();
  const config = testConfig(db.url, overrides);
  const app = await createApiApp(config, { quiet: true });
  await app.init();
  const owner = new Pool({ connectionString: db.url, max: 2, idleTimeoutMillis: 1000 });
  // An idle owner connection may be cut when the database is dropped; only queries report errors.
  owner.on('error', () => undefined);
  return {
    app,
    config,
    db,
    http: () => request.agent(app.getHttpServer()),
    sql: async <T>(text: string, params: unknown[] = []) => (await owner.query(text, params)).rows as T[],
    close: async () => {
      await app.close();
      await owner.end();
      await db.drop();
    },
  };
}

export interface TestWorker {
  worker: INestApplicationContext;
  /** A real SMTP server in the test process: every mail the worker sends lands here. */
  mail: DevMailCatcher;
  /** Relays and handles every pending event now (in-process driver) or publishes them (BullMQ). */
  drain(): Promise<void>;
  close(): Promise<void>;
}

/** The worker on the same database; the relay does not poll, tests drain it when they choose. */
export async function startTestWorker(config: AppConfig, relay: Partial<RelayOptions> = { autoStart: false }): Promise<TestWorker> {
  const mail = new DevMailCatcher(false);
  await mail.start();
  const worker = await createWorkerApp(config.with({ smtpUrl: mail.url }), relay, true);
  await worker.init();
  const outbox = worker.get(OutboxRelay);
  return {
    worker,
    mail,
    drain: () => outbox.relayUntilIdle(),
    close: async () => {
      await worker.close();
      await mail.stop();
    },
  };
}
