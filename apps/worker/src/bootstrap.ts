import { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { AppConfig } from '@comptoir/platform/config';
import { RelayOptions } from '@comptoir/platform/queue';
import { WorkerModule } from './worker.module';

export async function createWorkerApp(config: AppConfig, relay: Partial<RelayOptions> = {}, quiet = false): Promise<INestApplicationContext> {
  const app = await NestFactory.createApplicationContext(WorkerModule.forRoot(config, relay), { logger: quiet ? false : ['log', 'warn', 'error'] });
  return app;
}
