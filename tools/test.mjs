#!/usr/bin/env node
// `npm test`: every stage a change must pass, one after the other in the order below, ending with ONE line
// `N passed, N failed` (jest and the browser suite count their tests; every other stage counts as one).
//
//   lint        eslint . (typescript-eslint + Nx module boundaries)
//   typecheck   tsc -p tsconfig.json --noEmit
//   openapi     the contract regenerated from the code equals openapi.json, and the client types
//               regenerated from openapi.json equal libs/api-client/src/generated/schema.ts
//   redocly     redocly lint openapi.json: no errors
//   jest        unit + integration projects (real PostgreSQL; Redis when there is one)
//   web-build   vite build of the SPA (when apps/web exists)
//   web-e2e     apps/web-e2e/src/run-all.ts (every browser journey) in Chromium (when it exists)
//
// `--parallel` runs the four independent static stages side by side (results still print in order; worth it
// on a machine with spare cores, not on a busy 2-core one). `--only=lint,jest` / `--skip=web-e2e` pick
// stages; `--verbose` streams every tool's output instead of printing it only when a stage fails.
// Stages whose prerequisites this machine lacks (no Chromium) skip with a message, except on CI (CI=true),
// where every stage must run: there a missing prerequisite is a failure.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createConnection } from 'node:net';
import { availableParallelism, tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const CI = /^(1|true|yes)$/i.test(process.env.CI ?? '');
const args = process.argv.slice(2);
const flag = (name) => args.includes(`--${name}`);
const list = (name) => args.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3).split(',').filter(Boolean);
const only = list('only');
const skip = list('skip') ?? [];
const verbose = flag('verbose') || process.env.TEST_VERBOSE === '1';
const parallel = flag('parallel');
const tmp = mkdtempSync(join(tmpdir(), 'comptoir-test-'));
const bin = (pkg, path) => join(root, 'node_modules', pkg, path);
const node = process.execPath;
const MINUTE = 60_000;
// eslint-disable-next-line no-control-regex -- matching the escape character is the point
const stripAnsi = (text) => text.replace(/\u001b\[[0-9;]*m/g, '');

/** Runs a command from the repository root; resolves with its exit code and its combined output. */
function run(cmd, cmdArgs, { env = {}, timeoutMs = 10 * MINUTE } = {}) {
  return new Promise((resolve) => {
    const child = spawn(cmd, cmdArgs, {
      cwd: root,
      env: { ...process.env, FORCE_COLOR: '0', NO_COLOR: '1', NX_DAEMON: 'false', NX_NO_CLOUD: 'true', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true, // its own process group, so a timeout can stop it and everything it started
    });
    let output = '';
    const collect = (stream, sink) => (chunk) => {
      output += chunk;
      if (verbose) sink.write(chunk);
    };
    child.stdout.on('data', collect(child.stdout, process.stdout));
    child.stderr.on('data', collect(child.stderr, process.stderr));
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      try {
        process.kill(-child.pid, 'SIGKILL');
      } catch {
        /* already gone */
      }
    }, timeoutMs);
    child.on('error', (error) => {
      clearTimeout(timer);
      resolve({ code: 127, output: `${output}\n${error.message}` });
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      const note = timedOut ? `\n[timed out after ${timeoutMs / 1000}s]` : signal ? `\n[killed by ${signal}]` : '';
      resolve({ code: code ?? 1, output: output + note });
    });
  });
}

const ok = (note) => ({ passed: 1, failed: 0, note });
const fail = (detail, note) => ({ passed: 0, failed: 1, detail, note });
const skipped = (note) => ({ passed: 0, failed: 0, skipped: true, note });
/** A prerequisite is missing: skip on a developer's machine, fail on CI. */
const missing = (what) => (CI ? fail(`CI=true but ${what}; on CI every stage must run (.ci/run installs it).`, 'missing prerequisite') : skipped(`${what}: skipped`));

/** One test for the whole stage: passes when the command exits 0. */
async function single(cmd, cmdArgs, options) {
  const { code, output } = await run(cmd, cmdArgs, options);
  return code === 0 ? ok() : fail(output.trim() || `exit code ${code}`);
}

function diffHint(expected, actual) {
  const a = readFileSync(expected, 'utf8').split('\n');
  const b = readFileSync(actual, 'utf8').split('\n');
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  const show = (lines) => lines.slice(Math.max(0, i - 2), i + 3).map((l) => `      ${l}`).join('\n');
  return `    first difference at line ${i + 1}\n    committed:\n${show(a)}\n    regenerated:\n${show(b)}`;
}

async function openapiDrift() {
  const problems = [];
  const freshContract = join(tmp, 'openapi.json');
  const gen = await run(node, ['-r', './tools/register.cjs', 'apps/api/src/openapi.ts'], { env: { OPENAPI_OUT: freshContract } });
  if (gen.code !== 0) return fail(`could not generate the contract:\n${gen.output.trim()}`);
  if (readFileSync(freshContract, 'utf8') !== readFileSync(join(root, 'openapi.json'), 'utf8')) {
    problems.push(`openapi.json does not match the API code:\n${diffHint(join(root, 'openapi.json'), freshContract)}`);
  }
  const freshSchema = join(tmp, 'schema.ts');
  const schemaFile = join(root, 'libs/api-client/src/generated/schema.ts');
  const client = await run(node, [bin('openapi-typescript', 'bin/cli.js'), 'openapi.json', '-o', freshSchema]);
  if (client.code !== 0) return fail(`could not generate the client types:\n${client.output.trim()}`);
  if (!existsSync(schemaFile)) problems.push(`${relative(root, schemaFile)} is missing`);
  else if (readFileSync(freshSchema, 'utf8') !== readFileSync(schemaFile, 'utf8')) {
    problems.push(`${relative(root, schemaFile)} does not match openapi.json:\n${diffHint(schemaFile, freshSchema)}`);
  }
  if (problems.length === 0) return ok();
  return fail(`${problems.join('\n')}\n\n  The contract has drifted: run \`npm run openapi\` and commit openapi.json and libs/api-client/src/generated/schema.ts.`);
}

/** Answers whether a Redis server replies to PING at this URL. */
function redisAnswers(url) {
  return new Promise((resolve) => {
    let u;
    try {
      u = new URL(url);
    } catch {
      return resolve(false);
    }
    const socket = createConnection({ host: u.hostname.replace(/^\[|\]$/g, ''), port: Number(u.port || 6379) });
    const done = (answer) => {
      socket.destroy();
      resolve(answer);
    };
    socket.setTimeout(1500, () => done(false));
    socket.on('error', () => done(false));
    socket.on('connect', () => socket.write('PING\r\n'));
    socket.on('data', (d) => done(/^\+PONG|^-NOAUTH/.test(d.toString())));
  });
}

async function jest() {
  const redisUrl = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
  if (CI && !(await redisAnswers(redisUrl))) {
    return fail(`CI=true but no Redis answers at ${redisUrl}: the suites that need Redis would skip. Start redis-server (.ci/run does).`);
  }
  const out = join(tmp, 'jest.json');
  const jestArgs = [bin('jest', 'bin/jest.js'), '--json', `--outputFile=${out}`, ...(CI ? ['--ci'] : [])];
  const { code, output } = await run(node, jestArgs, { timeoutMs: 15 * MINUTE });
  if (!existsSync(out)) return fail(output.trim() || `jest exited with ${code} and wrote no results`);
  const r = JSON.parse(readFileSync(out, 'utf8'));
  // A suite that cannot even load (syntax error, failing import) has no test results: count it as one failure.
  const brokenSuites = r.testResults.filter((s) => s.status === 'failed' && s.assertionResults.length === 0).length;
  let failed = r.numFailedTests + brokenSuites;
  if (code !== 0 && failed === 0) failed = 1; // global setup failed, open handles, a threshold…
  const skippedTests = r.numPendingTests + r.numTodoTests;
  const note = [`${r.numTotalTestSuites} suites`, skippedTests ? `${skippedTests} skipped` : ''].filter(Boolean).join(', ');
  if (failed === 0) return { passed: r.numPassedTests, failed: 0, note };
  return { passed: r.numPassedTests, failed, note, detail: jestFailures(r, code, output) };
}

/** The failing tests with the head of each message (jest's own full report is in its output, see --verbose). */
function jestFailures(r, code, output) {
  const blocks = [];
  for (const suite of r.testResults) {
    const file = relative(root, suite.name);
    if (suite.status === 'failed' && suite.assertionResults.every((a) => a.status !== 'failed')) {
      blocks.push(`✖ ${file} (the suite failed to run)\n${head(suite.message, 25)}`);
    }
    for (const a of suite.assertionResults.filter((t) => t.status === 'failed')) {
      blocks.push(`✖ ${file} › ${a.fullName}\n${head(a.failureMessages.join('\n'), 12)}`);
    }
  }
  const shown = blocks.slice(0, 15);
  if (blocks.length > shown.length) shown.push(`… and ${blocks.length - shown.length} more failures: \`npm test -- --only=jest --verbose\` or \`npx jest <file>\` shows them all`);
  if (blocks.length === 0) shown.push(`jest exited with code ${code}:\n${head(output.split('\n').slice(-40).join('\n'), 40)}`);
  return shown.join('\n\n');
}

function head(text, lines) {
  const all = stripAnsi(String(text ?? '')).trim().split('\n');
  return all.slice(0, lines).map((l) => `    ${l}`).join('\n') + (all.length > lines ? '\n    …' : '');
}

const webConfig = join(root, 'apps/web/vite.config.ts');
const journey = join(root, 'apps/web-e2e/src/run-all.ts');
let webBuilt = null; // null: no SPA in this repository; true/false: the build's outcome

async function webBuild() {
  const result = await single(node, [bin('vite', 'bin/vite.js'), 'build', '--config', 'apps/web/vite.config.ts']);
  webBuilt = result.failed === 0;
  return result;
}

async function webE2e() {
  const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  if (!existsSync(chromium)) return missing(`no Chromium at ${chromium} (apt-get install chromium, or set CHROMIUM_PATH)`);
  if (existsSync(webConfig) && webBuilt === null) await webBuild(); // web-build was not selected: build first
  if (webBuilt === false) return missing('the SPA did not build (see web-build), and the browser suite needs it');
  const { code, output } = await run(node, ['-r', './tools/register.cjs', relative(root, journey)], { timeoutMs: 10 * MINUTE });
  const counts = [...output.matchAll(/^\s*(\d+) passed, (\d+) failed\s*$/gm)].pop();
  if (!counts) return fail(`${output.trim()}\n\n  (the browser suite printed no "N passed, N failed" line; exit code ${code})`);
  const passed = Number(counts[1]);
  let failed = Number(counts[2]);
  if (code !== 0 && failed === 0) failed = 1;
  return { passed, failed, detail: failed ? output.trim() : undefined };
}

const stages = [
  { name: 'lint', parallel: true, run: () => single(node, [bin('eslint', 'bin/eslint.js'), '.']) },
  {
    name: 'typecheck',
    parallel: true,
    // Incremental: a second run only re-checks what changed (the build info lives under node_modules/.cache).
    run: () => single(node, [bin('typescript', 'bin/tsc'), '-p', 'tsconfig.json', '--noEmit', '--incremental', '--tsBuildInfoFile', join(root, 'node_modules/.cache/comptoir/tsconfig.tsbuildinfo')]),
  },
  { name: 'openapi', parallel: true, run: openapiDrift },
  {
    name: 'redocly',
    parallel: true,
    run: () => single(node, [bin('@redocly/cli', 'bin/cli.js'), 'lint', 'openapi.json', '--format=stylish'], { env: { REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true' } }),
  },
  { name: 'jest', run: jest },
  { name: 'web-build', when: () => existsSync(webConfig) || 'no apps/web/vite.config.ts', run: webBuild },
  { name: 'web-e2e', when: () => existsSync(journey) || `no ${relative(root, journey)}`, run: webE2e },
];

const selected = stages.filter((s) => (!only || only.includes(s.name)) && !skip.includes(s.name));
if (only) for (const n of only) if (!stages.some((s) => s.name === n)) throw new Error(`unknown stage ${n}; stages: ${stages.map((s) => s.name).join(', ')}`);

const totals = { passed: 0, failed: 0 };
const width = Math.max(...stages.map((s) => s.name.length));
const seconds = (ms) => `${(ms / 1000).toFixed(1)}s`;

function report(stage, result, ms) {
  totals.passed += result.passed;
  totals.failed += result.failed;
  const status = result.skipped ? 'SKIP' : result.failed ? 'FAIL' : 'ok  ';
  const counts = result.skipped ? '' : `${result.passed} passed, ${result.failed} failed`;
  const note = result.note ? ` (${result.note})` : '';
  process.stdout.write(`${status} ${stage.name.padEnd(width)} ${seconds(ms).padStart(7)}  ${counts}${note}\n`);
  if (result.failed && result.detail && !verbose) {
    process.stdout.write(`${stripAnsi(result.detail).replace(/^/gm, '  │ ')}\n`);
  }
}

async function timed(stage) {
  const verdict = stage.when?.() ?? true;
  const started = Date.now();
  if (verdict !== true) return { result: skipped(verdict), ms: 0 };
  try {
    return { result: await stage.run(), ms: Date.now() - started };
  } catch (error) {
    return { result: fail(error.stack ?? String(error)), ms: Date.now() - started };
  }
}

const t0 = Date.now();
process.stdout.write(`npm test: ${selected.map((s) => s.name).join(' → ')}${CI ? ' (CI: every stage must run)' : ''}\n`);
// With --parallel, the static stages start together (bounded by the CPU count); results print in stage order.
const slots = Math.max(2, availableParallelism());
let running = 0;
const waiting = [];
const acquire = () => (running < slots ? (running++, Promise.resolve()) : new Promise((r) => waiting.push(r)));
const release = () => (waiting.length ? waiting.shift()() : running--);
const pending = [];
async function flush() {
  for (const [stage, promise] of pending.splice(0)) {
    const { result, ms } = await promise;
    report(stage, result, ms);
  }
}
for (const stage of selected) {
  if (stage.parallel && parallel) {
    pending.push([stage, acquire().then(() => timed(stage)).finally(release)]);
    continue;
  }
  await flush(); // a sequential stage runs alone, after everything started before it
  if (verbose) process.stdout.write(`── ${stage.name}\n`);
  const { result, ms } = await timed(stage);
  report(stage, result, ms);
}
await flush();
rmSync(tmp, { recursive: true, force: true });
process.stdout.write(`total ${seconds(Date.now() - t0)}\n`);
process.stdout.write(`${totals.passed} passed, ${totals.failed} failed\n`);
process.exitCode = totals.failed > 0 ? 1 : 0;
