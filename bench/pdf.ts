// `npm run bench -- pdf [--renders 200] [--documents 500] [--pool 2]`
//
// PDF rendering with the system Chromium, no database: invoices like the demo seed's (3 to 8 lines, one
// page; no document discount, charge or terms of sale) from @comptoir/documents, rendered by
// @comptoir/platform/pdf.
//   on-demand   `render` one at a time on a warm pool: latency p50/p95/p99 (what a user waits for a PDF)
//   single      `render` with as many requests in flight as pool pages: PDFs/s
//   bulk        `renderMany` of --documents invoices (combined prints of 50, split with pdf-lib): PDFs/s
// Prints JSON and keeps a copy in bench/results/. `benchPdf(options)` is exported for the billing bench.
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { AppConfig } from '@comptoir/platform/config';
import { pdfPageCount, PdfRenderer } from '@comptoir/platform/pdf';
import { PrintableDocument, renderDocumentHtml, sampleInvoice, sampleLines } from '@comptoir/documents';

export interface PdfBenchOptions {
  /** Sequential renders measured for latency (after a warm-up). */
  renders: number;
  /** Invoices rendered in the bulk run. */
  documents: number;
  poolSize: number;
  chromiumPath?: string;
  /** Documents to print; default: varied sample invoices. */
  makeDocument?: (index: number) => PrintableDocument;
}

export interface PdfBenchReport {
  poolSize: number;
  onDemand: { renders: number; p50Ms: number; p95Ms: number; p99Ms: number; meanMs: number };
  single: { renders: number; concurrency: number; pdfsPerSecond: number };
  bulk: { documents: number; seconds: number; pdfsPerSecond: number; pages: number };
}

const WARM_UP = 10;

const defaultDocument = (index: number): PrintableDocument => {
  const base = sampleInvoice({ termsOfSale: null, specialTerms: null, number: `FA2026-${String(index + 1).padStart(5, '0')}` });
  const lines = [...base.lines.filter((line) => line.kind === 'item'), ...sampleLines(3)].slice(0, 3 + (index % 6));
  return { ...base, lines, totals: { ...base.totals, allowances: [], charges: [] } };
};

export async function benchPdf(options: Partial<PdfBenchOptions> = {}): Promise<PdfBenchReport> {
  const { renders = 200, documents = 500, poolSize = 2, chromiumPath, makeDocument = defaultDocument } = options;
  const config = Object.assign(new AppConfig(), { pdfPoolSize: poolSize }, chromiumPath ? { chromiumPath } : {});
  const renderer = new PdfRenderer(config);
  try {
    const htmls = Array.from({ length: Math.max(renders, documents) }, (_, i) => renderDocumentHtml(makeDocument(i)));
    for (let i = 0; i < WARM_UP; i++) await renderer.render(htmls[i % htmls.length]!);

    const latencies: number[] = [];
    for (let i = 0; i < renders; i++) {
      const start = performance.now();
      await renderer.render(htmls[i]!);
      latencies.push(performance.now() - start);
    }

    let next = 0;
    const singleStart = performance.now();
    await Promise.all(
      Array.from({ length: poolSize }, async () => {
        while (next < renders) await renderer.render(htmls[next++]!);
      }),
    );
    const singleSeconds = (performance.now() - singleStart) / 1000;

    const bulkStart = performance.now();
    const pdfs = await renderer.renderMany(htmls.slice(0, documents));
    const bulkSeconds = (performance.now() - bulkStart) / 1000;
    let pages = 0;
    for (const pdf of pdfs) pages += await pdfPageCount(pdf);

    return {
      poolSize,
      onDemand: { renders, p50Ms: percentile(latencies, 50), p95Ms: percentile(latencies, 95), p99Ms: percentile(latencies, 99), meanMs: round(latencies.reduce((a, b) => a + b, 0) / latencies.length) },
      single: { renders, concurrency: poolSize, pdfsPerSecond: round(renders / singleSeconds) },
      bulk: { documents, seconds: round(bulkSeconds), pdfsPerSecond: round(documents / bulkSeconds), pages },
    };
  } finally {
    await renderer.onModuleDestroy();
  }
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return round(sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!);
}

const round = (value: number) => Math.round(value * 10) / 10;

function parseArgs(argv: string[]): Partial<PdfBenchOptions> {
  const options: Partial<PdfBenchOptions> = {};
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const value = Number(argv[++i]);
    if (!(value > 0)) throw new Error(`${arg} needs a positive number`);
    if (arg === '--renders') options.renders = value;
    else if (arg === '--documents') options.documents = value;
    else if (arg === '--pool') options.poolSize = value;
    else throw new Error(`unknown option ${arg}`);
  }
  return options;
}

async function main(): Promise<void> {
  const options = parseArgs(process.argv.slice(2));
  // The same variables as the API (CHROMIUM_PATH, PDF_POOL_SIZE); no database settings needed here.
  const env = { chromiumPath: process.env['CHROMIUM_PATH'] || undefined, poolSize: Number(process.env['PDF_POOL_SIZE']) || undefined };
  const figures = await benchPdf({ ...env, ...options });
  const report = { at: new Date().toISOString(), machine: { cpus: cpus().length, loadavg: loadavg().map(round) }, ...figures };
  const json = JSON.stringify(report, null, 2);
  process.stdout.write(`${json}\n`);
  const dir = join(__dirname, 'results');
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, `pdf-${report.at.replace(/[:.]/g, '-')}.json`), `${json}\n`);
}

if (require.main === module) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
