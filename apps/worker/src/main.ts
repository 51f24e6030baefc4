import { Logger } from '@nestjs/common';
import { loadConfig } from '@comptoir/platform/config';
import { DevMailCatcher } from '@comptoir/platform/notify';
import { createWorkerApp } from './bootstrap';

/** Without SMTP_URL in development, mail goes to an in-process SMTP catcher that prints it to the log. */
async function main(): Promise<void> {
  let config = loadConfig();
  let catcher: DevMailCatcher | null = null;
  if (!config.smtpUrl) {
    if (config.nodeEnv === 'production') throw new Error('SMTP_URL is required in production');
    catcher = new DevMailCatcher();
    await catcher.start(Number(process.env['DEV_SMTP_PORT'] ?? 0));
    config = loadConfig(process.env, { smtpUrl: catcher.url });
  }
  const app = await createWorkerApp(config);
  if (catcher) new Logger('Worker').log(`dev mail catcher on ${catcher.url}: mails are printed here`);
  new Logger('Worker').log(`worker running (${config.queueDriver} queue driver)`);
  const stop = async () => {
    await app.close();
    await catcher?.stop();
    process.exit(0);
  };
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
}

main().catch((error: unknown) => {
  process.stderr.write(`Worker failed to start: ${(error as Error).stack ?? String(error)}\n`);
  process.exit(1);
});
