import { ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { createServer } from 'node:net';
import { join } from 'node:path';

const root = join(__dirname, '../../../..');

/** A free TCP port on the loopback interface. */
export async function freePort(): Promise<number> {
  const server = createServer();
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as { port: number };
  server.close();
  await once(server, 'close');
  return port;
}

/**
 * The real API entry point (apps/api/src/main.ts) as a separate OS process, so that a test can kill it
 * the hard way (SIGKILL: no shutdown hook, transactions cut mid-flight) and start it again.
 */
export class ApiProcess {
  private child: ChildProcess | null = null;
  private output = '';

  private constructor(
    readonly port: number,
    private readonly env: NodeJS.ProcessEnv,
  ) {}

  static async start(env: Record<string, string>): Promise<ApiProcess> {
    const port = await freePort();
    const { REDIS_URL: _ignored, ...inherited } = process.env;
    const api = new ApiProcess(port, { ...inherited, ...env, PORT: String(port), HOST: '127.0.0.1', API_WORKERS: '1', LOG_LEVEL: 'silent' });
    await api.restart();
    return api;
  }

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  /** Starts the process and waits until /health answers 200. */
  async restart(): Promise<void> {
    this.output = '';
    const child = spawn(process.execPath, ['-r', join(root, 'tools/register.cjs'), join(root, 'apps/api/src/main.ts')], { cwd: root, env: this.env, stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout?.on('data', (chunk: Buffer) => (this.output += chunk.toString()));
    child.stderr?.on('data', (chunk: Buffer) => (this.output += chunk.toString()));
    this.child = child;
    const deadline = Date.now() + 60_000;
    while (Date.now() < deadline) {
      if (child.exitCode !== null) throw new Error(`the API exited with ${child.exitCode}:\n${this.output}`);
      const healthy = await fetch(`${this.url}/health`).then(
        (res) => res.ok,
        () => false,
      );
      if (healthy) return;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error(`the API did not become healthy within 60 s:\n${this.output}`);
  }

  /** SIGKILL: the process dies at once, whatever it was doing. */
  async kill(): Promise<void> {
    const child = this.child;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    const exited = once(child, 'exit');
    child.kill('SIGKILL');
    await exited;
  }

  async stop(): Promise<void> {
    const child = this.child;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    const exited = once(child, 'exit');
    child.kill('SIGTERM');
    await exited;
  }
}
