import { NestFactory } from '@nestjs/core';
import { INestApplication } from '@nestjs/common';
import { AppConfig, loadConfig as load } from '@comptoir/platform/config';
import { AppModule } from './app.module';
import { applyRouting } from './bootstrap';

/**
 * The application graph in Nest's preview mode: controllers and DTOs are known, no provider runs,
 * so the contract can be generated (and drift-checked) with no database or Redis at hand.
 */
export async function createContractApp(loadConfig: typeof load): Promise<INestApplication> {
  const config: AppConfig = loadConfig({}, { databaseUrl: 'postgres://contract@127.0.0.1:1/contract', authSecret: 'x'.repeat(32) });
  const app = await NestFactory.create(AppModule.forRoot(config), { preview: true, logger: false, abortOnError: false });
  applyRouting(app);
  return app;
}
