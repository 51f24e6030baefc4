// The API as production builds it (createApiApp), in its own process so that the load generator
// does not share its event loop. Listens on a free port of 127.0.0.1 and reports it over IPC.
// Messages from the bench: { cmd: 'profile-start' } / { cmd: 'profile-stop', file } (V8 CPU profile of
// the measured window only, written as .cpuprofile), { cmd: 'stop' } (clean exit).
import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector';
import type { AddressInfo } from 'node:net';
import { loadConfig } from '@comptoir/platform/config';
import { createApiApp } from '../../apps/api/src/bootstrap';

type Command = { cmd: 'stop' } | { cmd: 'profile-start' } | { cmd: 'profile-stop'; file: string };

function post<T>(session: Session, method: string, params?: object): Promise<T> {
  return new Promise((resolve, reject) => session.post(method, params ?? {}, (error, result) => (error ? reject(error) : resolve(result as T))));
}

async function main(): Promise<void> {
  const send = process.send?.bind(process);
  if (!send) throw new Error('bench/support/api-server.ts runs as a child process with an IPC channel');
  const app = await createApiApp(loadConfig(), { quiet: true });
  await app.listen(0, '127.0.0.1');
  const { port } = app.getHttpServer().address() as AddressInfo;
  let session: Session | null = null;

  process.on('message', (message: Command) => {
    void (async () => {
      if (message.cmd === 'profile-start') {
        session = new Session();
        session.connect();
        await post(session, 'Profiler.enable');
        await post(session, 'Profiler.setSamplingInterval', { interval: 500 });
        await post(session, 'Profiler.start');
        send({ cmd: 'profile-started' });
      } else if (message.cmd === 'profile-stop' && session) {
        const { profile } = await post<{ profile: unknown }>(session, 'Profiler.stop');
        writeFileSync(message.file, JSON.stringify(profile));
        session.disconnect();
        session = null;
        send({ cmd: 'profile-stopped' });
      } else if (message.cmd === 'stop') {
        await app.close().catch(() => undefined);
        process.exit(0);
      }
    })();
  });
  send({ ready: true, port });
}

main().catch((error: unknown) => {
  process.stderr.write(`bench API failed to start: ${(error as Error).stack ?? String(error)}\n`);
  process.exit(1);
});
