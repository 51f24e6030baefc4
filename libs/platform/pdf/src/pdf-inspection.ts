import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { promisify } from 'node:util';
import { PDFDocument } from 'pdf-lib';

/**
 * Reading PDFs back (poppler-utils' pdftotext) for tests and benchmarks: what a person would see, page by page.
 */
const run = promisify(execFile);

async function pdftotext(pdf: Buffer, args: string[]): Promise<string> {
  const child = run('pdftotext', [...args, '-', '-'], { maxBuffer: 64 * 1024 * 1024, encoding: 'utf8' });
  child.child.stdin!.end(pdf);
  const { stdout } = await child;
  return stdout;
}

/** Text of each page (`pdftotext -layout`), narrow and no-break spaces turned into plain spaces. */
export async function pdfPagesText(pdf: Buffer): Promise<string[]> {
  const text = await pdftotext(pdf, ['-layout']);
  return text.replace(/[\u202f\u00a0]/g, ' ').split('\f').slice(0, -1);
}

/** Large glyphs (≥ 30 pt boxes, i.e. a watermark) of one page, read left to right: "SPECIMEN". */
export async function pdfLargeText(pdf: Buffer, page: number): Promise<string> {
  const html = await pdftotext(pdf, ['-bbox', '-f', String(page), '-l', String(page)]);
  return [...html.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)">([^<]*)<\/word>/g)]
    .filter((m) => Number(m[3]) - Number(m[2]) >= 30)
    .sort((a, b) => Number(a[1]) - Number(b[1]))
    .map((m) => m[4])
    .join('');
}

export async function pdfPageCount(pdf: Buffer): Promise<number> {
  return (await PDFDocument.load(pdf, { updateMetadata: false })).getPageCount();
}

/**
 * `describe` for suites that need the system Chromium: skipped with a notice when it is missing on a developer
 * machine, but run (and failing) under CI, where a missing browser is a broken image.
 */
export function describeWithChromium(chromiumPath: string): jest.Describe {
  if (existsSync(chromiumPath) || process.env['CI']) return describe;
  console.warn(`Chromium not found at ${chromiumPath}: PDF rendering tests skipped (they run, and fail, when CI is set).`);
  return describe.skip;
}
