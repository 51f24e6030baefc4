import cluster from 'node:cluster';
import { availableParallelism } from 'node:os';
import { loadConfig } from '@comptoir/platform/config';
import { createApiApp } from './bootstrap';

/**
 * API_WORKERS > 1 runs that many API processes sharing the port (node:cluster), so one machine's cores
 * all serve requests; behind an orchestrator, prefer replicas and leave it at 1. `auto` = one per core.
 */
function workerCount(): number {
  const raw = process.env['API_WORKERS'] ?? '1';
  const count = raw === 'auto' ? availableParallelism() : Number(raw);
  if (!Number.isInteger(count) || count < 1) throw new Error('API_WORKERS must be a positive integer or "auto"');
  return count;
}

async function serve(): Promise<void> {
  const config = loadConfig();
  const app = await createApiApp(config);
  await app.listen(config.port, process.env['HOST'] ?? '0.0.0.0');
}

function supervise(count: number): void {
  let stopping = false;
  for (let i = 0; i < count; i++) cluster.fork();
  cluster.on('exit', (worker, code) => {
    if (stopping) return;
    process.stderr.write(`API worker ${worker.process.pid} exited (${code}); stopping the others\n`);
    stopping = true;
    for (const other of Object.values(cluster.workers ?? {})) other?.kill('SIGTERM');
    process.exitCode = 1;
  });
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      stopping = true;
      for (const worker of Object.values(cluster.workers ?? {})) worker?.kill('SIGTERM');
    });
  }
}

const count = workerCount();
if (count > 1 && cluster.isPrimary) {
  supervise(count);
} else {
  serve().catch((error: unknown) => {
    process.stderr.write(`API failed to start: ${(error as Error).stack ?? String(error)}\n`);
    process.exit(1);
  });
}
