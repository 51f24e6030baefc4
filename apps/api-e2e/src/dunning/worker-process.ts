import { ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { join } from 'node:path';
import { SMTPServer } from 'smtp-server';
import { AppConfig } from '@comptoir/platform/config';

const root = join(__dirname, '../../../..');

/**
 * The real worker entry point (apps/worker/src/main.ts) as its own OS process, sending through an SMTP
 * server that SIGKILLs it the moment it connects: the worker has committed the mail's `sending` mark
 * (that happens before any SMTP traffic) and dies before a single byte of the message is delivered —
 * the crash between mark and send, with no catch block, no shutdown hook, its transaction cut.
 */
export class CrashingWorker {
  private child: ChildProcess | null = null;
  private output = '';
  private readonly killer = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onConnect: (_session, callback) => {
      this.child?.kill('SIGKILL');
      callback(new Error('the worker is gone'));
    },
  });

  /** Starts the worker; resolves once it has died on its first SMTP connection (or rejects after `timeoutMs`). */
  async runUntilKilled(config: AppConfig, timeoutMs = 60_000): Promise<NodeJS.Signals | null> {
    await new Promise<void>((resolve) => this.killer.listen(0, '127.0.0.1', () => resolve()));
    const { port } = this.killer.server.address() as { port: number };
    const { REDIS_URL: _ignored, ...inherited } = process.env;
    const env: NodeJS.ProcessEnv = {
      ...inherited,
      NODE_ENV: 'test',
      LOG_LEVEL: 'silent',
      DATABASE_URL: config.databaseUrl,
      AUTH_SECRET: config.authSecret,
      LEDGER_SEAL_KEY: config.ledgerSealKey,
      // The worker opens e-invoicing platform connections, whose secrets are sealed with it.
      SECRETS_KEY: config.secretsKey,
      FILE_STORE_DIR: config.fileStoreDir,
      SMTP_URL: `smtp://127.0.0.1:${port}?ignoreTLS=true`,
    };
    const child = spawn(process.execPath, ['-r', join(root, 'tools/register.cjs'), join(root, 'apps/worker/src/main.ts')], { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout?.on('data', (chunk: Buffer) => (this.output += chunk.toString()));
    child.stderr?.on('data', (chunk: Buffer) => (this.output += chunk.toString()));
    this.child = child;
    const timer = setTimeout(() => child.kill('SIGTERM'), timeoutMs);
    try {
      const [code, signal] = (await once(child, 'exit')) as [number | null, NodeJS.Signals | null];
      if (signal !== 'SIGKILL') throw new Error(`the worker exited (${code ?? signal}) without reaching SMTP:\n${this.output}`);
      return signal;
    } finally {
      clearTimeout(timer);
      await new Promise<void>((resolve) => this.killer.close(() => resolve()));
    }
  }
}
