import { spawnSync } from 'node:child_process';
import { readFileSync, statSync } from 'node:fs';
import { dirname, relative, resolve, sep } from 'node:path';
import { memoryPages, validateXML } from 'xmllint-wasm';

export interface XsdResult {
  valid: boolean;
  /** xmllint's messages, one per problem ("Element 'X': ..."). */
  errors: string[];
}

/** Above this size the native `xmllint` (when installed) is used: the WASM build holds the file in its heap. */
const NATIVE_ABOVE_BYTES = 20 * 1024 * 1024;

interface SchemaFile {
  /** Path relative to the folder common to the schema and everything it imports, as xmllint-wasm's virtual disk needs. */
  fileName: string;
  contents: string;
}

/** A schema and its imports, read once per process: the CII D22B set alone is 65 files. */
const schemaSets = new Map<string, SchemaFile[]>();

/**
 * Validates an XML document (a string, or `{ file }` for a path on disk) against an XSD, e.g. one found
 * with `standardsFile('sepa', 'xsd', 'pain.008.001.02.xsd')`. The schema's xs:import / xs:include are
 * followed on disk (relative paths, e.g. UBL's `../common/…`) and given to xmllint-wasm with it; the
 * set is read once per process. A file larger than 20 MB goes to the native `xmllint` CLI when it is
 * on the PATH, which streams it. Used at runtime (e-invoice check) and by tests.
 */
export async function validateAgainstXsd(xml: string | { file: string }, xsdPath: string): Promise<XsdResult> {
  if (typeof xml !== 'string' && statSync(xml.file).size > NATIVE_ABOVE_BYTES && hasNativeXmllint()) {
    return validateNatively(xml.file, xsdPath);
  }
  const contents = typeof xml === 'string' ? xml : readFileSync(xml.file, 'utf8');
  const [schema, ...imports] = schemaSet(xsdPath);
  const result = await validateXML({
    // A name no schema file can have, at the virtual disk's root.
    xml: [{ fileName: 'comptoir-document.xml', contents }],
    schema: schema ? [schema] : [],
    preload: imports,
    maxMemoryPages: 2 * memoryPages.GiB,
  });
  return { valid: result.valid, errors: result.errors.map((e) => e.message) };
}

function schemaSet(xsdPath: string): SchemaFile[] {
  const root = resolve(xsdPath);
  let set = schemaSets.get(root);
  if (!set) {
    const paths = importedSchemas(root);
    const base = commonFolder(paths);
    set = paths.map((path) => ({ fileName: relative(base, path).split(sep).join('/'), contents: readFileSync(path, 'utf8') }));
    schemaSets.set(root, set);
  }
  return set;
}

/** The schema first, then every file it imports or includes, transitively. */
function importedSchemas(root: string): string[] {
  const found = [root];
  for (const file of found) {
    const text = readFileSync(file, 'utf8');
    for (const [, location = ''] of text.matchAll(/<(?:xs|xsd):(?:import|include|redefine)\b[^>]*?\bschemaLocation="([^"]+)"/g)) {
      if (/^[a-z]+:/i.test(location)) continue; // a URL: xmllint would not fetch it either
      const path = resolve(dirname(file), location);
      if (!found.includes(path)) found.push(path);
    }
  }
  return found;
}

function commonFolder(paths: string[]): string {
  let base = dirname(paths[0] ?? '');
  while (!paths.every((path) => path.startsWith(base + sep))) base = dirname(base);
  return base;
}

function hasNativeXmllint(): boolean {
  return spawnSync('xmllint', ['--version']).status === 0;
}

function validateNatively(file: string, xsdPath: string): XsdResult {
  const run = spawnSync('xmllint', ['--noout', '--stream', '--schema', xsdPath, file], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const errors = run.stderr
    .split('\n')
    .filter((line) => line && !line.endsWith(' validates'));
  return { valid: run.status === 0, errors };
}
