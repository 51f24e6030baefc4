import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdir, readFile, rename } from 'node:fs/promises';
import { existsSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import * as SaxonJS from 'saxon-js';

const run = promisify(execFile);
const XSLT3_CLI = require.resolve('xslt3/xslt3.js');

/** Outside the repository: the SEFs are derived from the standards folder, never committed. */
export const DEFAULT_SEF_CACHE_DIR = join(tmpdir(), 'comptoir-sef');

/**
 * Parsed SEFs shared by every validator of the process, keyed by their file: a compiled schematron
 * is 2–6 MB of JSON, read and parsed once, not per invoice.
 */
const loaded = new Map<string, Promise<unknown>>();

/**
 * The compiled form (SEF) of a schematron XSLT, for SaxonJS. Compiled on first use with the xslt3 CLI
 * (SaxonJS's XX compiler) in a child process, ~8–10 s per stylesheet — SaxonJS's in-process dynamic
 * compile (fn:transform with stylesheet-location) would block the event loop that long and leave no SEF
 * to keep — then kept on disk under `cacheDir/<sha256>.sef.json` and parsed once per process.
 *
 * The key hashes the XSLT's bytes, its absolute path and the SaxonJS/xslt3 versions: the SEF is
 * compiled without `-relocate:on`, so it keeps the XSLT's absolute base URI, through which the
 * Factur-X stylesheets read `*_codedb.xml` beside them (a relocated SEF fails with FODC0002).
 */
export function compiledStylesheet(xsltPath: string, cacheDir = DEFAULT_SEF_CACHE_DIR): Promise<unknown> {
  const sefPath = join(cacheDir, `${sefKey(xsltPath)}.sef.json`);
  let stylesheet = loaded.get(sefPath);
  if (!stylesheet) {
    stylesheet = loadOrCompile(xsltPath, sefPath);
    // A failed compile is not remembered: the next validation tries again.
    stylesheet.catch(() => loaded.delete(sefPath));
    loaded.set(sefPath, stylesheet);
  }
  return stylesheet;
}

async function loadOrCompile(xsltPath: string, sefPath: string): Promise<unknown> {
  if (existsSync(sefPath)) {
    try {
      return JSON.parse(await readFile(sefPath, 'utf8')) as unknown;
    } catch {
      // Damaged on disk (a full disk, a hand edit): compiled again below, replacing it.
    }
  }
  await compile(xsltPath, sefPath);
  return JSON.parse(await readFile(sefPath, 'utf8')) as unknown;
}

async function compile(xsltPath: string, sefPath: string): Promise<void> {
  await mkdir(dirname(sefPath), { recursive: true });
  // Written beside, then renamed: another process (a parallel test worker) never reads half a file.
  const partial = `${sefPath}.${process.pid}.${Date.now()}.partial`;
  await run(process.execPath, [XSLT3_CLI, `-xsl:${xsltPath}`, `-export:${partial}`, '-nogo'], {
    maxBuffer: 16 * 1024 * 1024,
  });
  await rename(partial, sefPath);
}

const keys = new Map<string, string>();

function sefKey(xsltPath: string): string {
  let key = keys.get(xsltPath);
  if (!key) {
    const compiler = JSON.parse(readFileSync(join(dirname(XSLT3_CLI), 'package.json'), 'utf8')) as { version: string };
    const versions = `saxon-js ${SaxonJS.getProcessorInfo().productVersion}; xslt3 ${compiler.version}`;
    key = createHash('sha256').update(`${xsltPath}\n${versions}\n`).update(readFileSync(xsltPath)).digest('hex');
    keys.set(xsltPath, key);
  }
  return key;
}
