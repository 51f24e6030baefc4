import { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Logger } from 'nestjs-pino';
import { AppConfig } from '@comptoir/platform/config';
import { RelayOptions } from '@comptoir/platform/queue';
import { WorkerModule } from './worker.module';

export async function createWorkerApp(config: AppConfig, relay: Partial<RelayOptions> = {}, quiet = false): Promise<INestApplicationContext> {
  const app = await NestFactory.createApplicationContext(WorkerModule.forRoot(config, relay), { logger: quiet ? false : undefined, bufferLogs: !quiet });
  // The same structured JSON logs as the API (pino, redaction), tagged service=comptoir-worker.
  if (!quiet) app.useLogger(app.get(Logger));
  return app;
}
