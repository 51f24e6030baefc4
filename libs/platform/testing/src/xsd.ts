import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { memoryPages, validateXML } from 'xmllint-wasm';

export interface XsdResult {
  valid: boolean;
  /** xmllint's messages, one per problem ("Element 'X': ..."). */
  errors: string[];
}

/** Above this size the native `xmllint` (when installed) is used: the WASM build holds the file in its heap. */
const NATIVE_ABOVE_BYTES = 20 * 1024 * 1024;

/**
 * Validates an XML document (a string, or `{ file }` for a path on disk) against an XSD, e.g. one found
 * with `standardsFile('sepa', 'xsd', 'pain.008.001.02.xsd')`. Imports of the schema are resolved by
 * `preload` (other XSD files by path). Uses xmllint-wasm; a file larger than 20 MB goes to the native
 * `xmllint` CLI when it is on the PATH, which streams it.
 */
export async function validateAgainstXsd(xml: string | { file: string }, xsdPath: string, preload: string[] = []): Promise<XsdResult> {
  if (typeof xml !== 'string' && readFileSync(xml.file).byteLength > NATIVE_ABOVE_BYTES && hasNativeXmllint()) {
    return validateNatively(xml.file, xsdPath);
  }
  const contents = typeof xml === 'string' ? xml : readFileSync(xml.file, 'utf8');
  const result = await validateXML({
    xml: [{ fileName: 'document.xml', contents }],
    schema: [{ fileName: basename(xsdPath), contents: readFileSync(xsdPath, 'utf8') }],
    preload: preload.map((path) => ({ fileName: basename(path), contents: readFileSync(path, 'utf8') })),
    maxMemoryPages: 2 * memoryPages.GiB,
  });
  return { valid: result.valid, errors: result.errors.map((e) => e.message) };
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
