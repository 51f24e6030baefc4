#!/usr/bin/env node
// `npm run bench -- <name> [options]`: runs bench/<name>.ts with the same TypeScript loader as
// `npm start` (SWC, tsconfig paths). Each benchmark prints JSON figures on stdout and keeps a copy in
// bench/results/ (gitignored). Timings never gate tests: they are read by people.
import { spawn } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = dirname(dirname(fileURLToPath(import.meta.url)));
const benchDir = join(root, 'bench');
const available = existsSync(benchDir)
  ? readdirSync(benchDir)
      .filter((f) => f.endsWith('.ts') && !f.endsWith('.d.ts'))
      .map((f) => f.slice(0, -3))
      .sort()
  : [];

const [name, ...args] = process.argv.slice(2);
if (!name || name === '--help' || name === '-h') {
  process.stdout.write(`usage: npm run bench -- <name> [options]\n\nbenchmarks: ${available.join(', ') || '(none)'}\n`);
  process.exit(name ? 0 : 1);
}
if (!available.includes(name)) {
  process.stderr.write(`unknown benchmark "${name}"; available: ${available.join(', ') || '(none)'}\n`);
  process.exit(1);
}

const child = spawn(process.execPath, ['-r', join(root, 'tools/register.cjs'), join(benchDir, `${name}.ts`), ...args], {
  cwd: root,
  stdio: 'inherit',
  env: process.env,
});
const forward = (signal) => child.kill(signal);
process.once('SIGINT', forward);
process.once('SIGTERM', forward);
child.once('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
