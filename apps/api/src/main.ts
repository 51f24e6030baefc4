import { loadConfig } from '@comptoir/platform/config';
import { createApiApp } from './bootstrap';

async function main(): Promise<void> {
  const config = loadConfig();
  const app = await createApiApp(config);
  await app.listen(config.port, process.env['HOST'] ?? '0.0.0.0');
}

main().catch((error: unknown) => {
  process.stderr.write(`API failed to start: ${(error as Error).stack ?? String(error)}\n`);
  process.exit(1);
});
