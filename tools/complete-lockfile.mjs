#!/usr/bin/env node
// Adds the lock entries npm leaves out for platform-specific optional packages it could not resolve.
//
// Native packages (@swc/core, unrs-resolver, msgpackr-extract…) list one optional dependency per platform.
// When the registry in use does not carry some of those builds (a mirror that keeps only linux-x64 ones),
// `npm install` silently omits them from package-lock.json, and `npm ci` then refuses the lock:
// "Missing: @swc/core-darwin-arm64@ from lock file". This writes the missing entries (version, os, cpu,
// libc read from the package name), which npm skips on other platforms without downloading anything.
// On a registry that has them, `npm install` replaces them with complete entries (integrity included).
//
//   node tools/complete-lockfile.mjs          fix package-lock.json in place
//   node tools/complete-lockfile.mjs --check  exit 1 if entries are missing
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const file = join(dirname(fileURLToPath(import.meta.url)), '..', 'package-lock.json');
const text = readFileSync(file, 'utf8');
const lock = JSON.parse(text);
const packages = lock.packages;

const OS = ['darwin', 'linux', 'win32', 'freebsd', 'android', 'openharmony', 'sunos', 'aix', 'netbsd', 'openbsd'];
const CPU = ['arm64', 'x64', 'ia32', 'arm', 'ppc64', 's390x', 'riscv64', 'loong64', 'mips64el'];

/** os/cpu/libc from a platform package name, e.g. @swc/core-linux-arm-gnueabihf, or null if it is not one. */
function platformOf(name) {
  const parts = name.split('/').pop().split('-');
  const os = parts.find((p) => OS.includes(p));
  const cpu = parts.find((p) => CPU.includes(p));
  if (!os || !cpu) return null;
  const libc = os === 'linux' ? (parts.some((p) => p.startsWith('musl')) ? 'musl' : 'glibc') : null;
  return { os, cpu, libc };
}

/** Where node resolution would look for a dependency of the package at `path` (nearest node_modules first). */
function resolvesFrom(path, name) {
  let dir = path;
  for (;;) {
    const candidate = `${dir ? `${dir}/` : ''}node_modules/${name}`;
    if (packages[candidate]) return candidate;
    const at = dir.lastIndexOf('node_modules/');
    if (at < 0) return null;
    dir = dir.slice(0, at).replace(/\/$/, '');
  }
}

const added = [];
for (const [path, entry] of Object.entries(packages)) {
  for (const [name, spec] of Object.entries(entry.optionalDependencies ?? {})) {
    if (resolvesFrom(path, name)) continue;
    const platform = platformOf(name);
    if (!platform || !/^\d+\.\d+\.\d+(-[\w.]+)?$/.test(spec)) continue; // only exact-version platform builds
    const at = `node_modules/${name}`;
    packages[at] = {
      version: spec,
      cpu: [platform.cpu],
      ...(entry.dev ? { dev: true } : {}),
      ...(platform.libc ? { libc: [platform.libc] } : {}),
      optional: true,
      os: [platform.os],
    };
    added.push(`${name}@${spec}`);
  }
}

if (process.argv.includes('--check')) {
  if (added.length) {
    process.stderr.write(`package-lock.json lacks ${added.length} platform entries (run node tools/complete-lockfile.mjs):\n  ${added.join('\n  ')}\n`);
    process.exit(1);
  }
  process.exit(0);
}
if (added.length === 0) {
  process.stdout.write('package-lock.json: no platform entry missing\n');
} else {
  lock.packages = Object.fromEntries(Object.entries(packages).sort(([a], [b]) => (a === '' ? -1 : b === '' ? 1 : a.localeCompare(b, 'en'))));
  writeFileSync(file, `${JSON.stringify(lock, null, 2)}\n`);
  process.stdout.write(`package-lock.json: added ${added.length} platform entries\n  ${added.join('\n  ')}\n`);
}
