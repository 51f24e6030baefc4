// The one-shot step before serving (npm start, compose's migrate service): migrations, then the
// first-run demo data. Idempotent.
import { NestFactory } from '@nestjs/core';
import { loadConfig } from '@comptoir/platform/config';
import { migrate } from '@comptoir/runtime';
import { AppModule } from './app.module';
import { contactSeeder, seedDemo } from './seed';

async function main(): Promise<void> {
  const config = loadConfig();
  const applied = await migrate(config, { createDatabase: process.env['COMPTOIR_CREATE_DATABASE'] !== 'false' });
  process.stdout.write(applied.length ? `migrations applied: ${applied.join(', ')}\n` : 'database schema up to date\n');
  if (process.env['COMPTOIR_SEED'] === 'false') return;
  const app = await NestFactory.createApplicationContext(AppModule.forRoot(config), { logger: false });
  try {
    const seeded = await seedDemo(app, contactSeeder(app));
    process.stdout.write(seeded ? 'demo organisation created\n' : 'demo organisation already present\n');
  } finally {
    await app.close();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`prepare failed: ${(error as Error).stack ?? String(error)}\n`);
  process.exit(1);
});
