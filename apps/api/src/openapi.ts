// Writes the committed contract (openapi.json at the repository root) without listening on a port.
// OPENAPI_OUT writes it elsewhere instead (the drift check in tools/test.mjs compares a fresh copy).
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadConfig } from '@comptoir/platform/config';
import { buildOpenApiDocument } from './bootstrap';
import { createContractApp } from './contract-app';

async function main(): Promise<void> {
  const app = await createContractApp(loadConfig);
  const file = process.env['OPENAPI_OUT'] || join(__dirname, '../../../openapi.json');
  writeFileSync(file, `${JSON.stringify(buildOpenApiDocument(app), null, 2)}\n`);
  await app.close();
  process.stdout.write(`wrote ${file}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${(error as Error).stack}\n`);
  process.exit(1);
});
