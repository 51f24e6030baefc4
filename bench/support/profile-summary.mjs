#!/usr/bin/env node
// Where the API's CPU time goes, from a `--cpu-prof` profile (npm run bench -- crm --profile):
//   node bench/support/profile-summary.mjs bench/results/crm-api.cpuprofile [top=25]
// Prints self time grouped by package (node_modules/<pkg>, our libs/apps, node internals, GC, idle) and
// the top functions by self time.
import { readFileSync } from 'node:fs';

const [file, topArg] = process.argv.slice(2);
if (!file) {
  process.stderr.write('usage: node bench/support/profile-summary.mjs <file.cpuprofile> [top]\n');
  process.exit(1);
}
const top = Number(topArg ?? 25);
const profile = JSON.parse(readFileSync(file, 'utf8'));
const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const self = new Map();
const deltas = profile.timeDeltas;
for (let i = 0; i < profile.samples.length; i++) {
  const id = profile.samples[i];
  self.set(id, (self.get(id) ?? 0) + (deltas[i] ?? 0));
}

function group(url, name) {
  if (!url) return name === '(garbage collector)' ? 'GC' : name === '(idle)' ? 'idle' : name === '(program)' ? 'program (native)' : 'node internals';
  const nm = url.lastIndexOf('node_modules/');
  if (nm >= 0) {
    const rest = url.slice(nm + 'node_modules/'.length).split('/');
    return rest[0].startsWith('@') ? `${rest[0]}/${rest[1]}` : rest[0];
  }
  const m = url.match(/\/(libs\/[^/]+(?:\/[^/]+)?|apps\/[^/]+)\//);
  if (m) return m[1].startsWith('libs/platform') ? m[1] : m[1].split('/').slice(0, 2).join('/');
  if (url.startsWith('node:')) return 'node internals';
  return 'other';
}

const total = [...self.values()].reduce((a, b) => a + b, 0);
const groups = new Map();
const functions = new Map();
for (const [id, time] of self) {
  const node = byId.get(id);
  const { functionName, url, lineNumber } = node.callFrame;
  const g = group(url, functionName);
  groups.set(g, (groups.get(g) ?? 0) + time);
  const key = `${functionName || '(anonymous)'} ${url ? `${url.replace(/^.*node_modules\//, '').replace(/^file:\/\/.*?\/(libs|apps)\//, '$1/')}:${lineNumber + 1}` : ''}`;
  functions.set(key, (functions.get(key) ?? 0) + time);
}
const pct = (t) => `${((100 * t) / total).toFixed(1).padStart(5)} %`;
const busy = total - (groups.get('idle') ?? 0);
process.stdout.write(`profile: ${(total / 1e6).toFixed(1)} s sampled, ${(busy / 1e6).toFixed(1)} s busy\n\nself time by package:\n`);
for (const [g, t] of [...groups].sort((a, b) => b[1] - a[1]).slice(0, top)) process.stdout.write(`  ${pct(t)}  ${g}\n`);
process.stdout.write(`\ntop functions by self time:\n`);
for (const [f, t] of [...functions].sort((a, b) => b[1] - a[1]).slice(0, top)) process.stdout.write(`  ${pct(t)}  ${f}\n`);
