// `npm run bench -- einvoicing [--invoices 200] [--validations 40] [--pool 2]`
//
// E-invoicing without a database, on the writers' hand-built sample e-invoices (multi-rate with discounts
// and a charge, credit note, deposit, final invoice after deposits, corrective, every VAT exemption case):
//   xml         writeCii / writeUbl per second
//   facturx     Factur-X PDFs per second: Chromium print (the real PdfRenderer, as many in flight as
//               pool pages) + toFacturX; then toFacturX alone on the printed PDFs and Chromium alone,
//               to show where the time goes
//   validation  EInvoiceValidator from a cold SEF cache (first call: schematron compiles), then per
//               check median / p95 after a warm-up, for the CII (Factur-X EN16931 + BR-FR) and the UBL
// Needs the standards folder (COMPTOIR_STANDARDS_DIR) for the validation part. Prints JSON and keeps a
// copy in bench/results/.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { AppConfig } from '@comptoir/platform/config';
import { PdfRenderer } from '@comptoir/platform/pdf';
import { standardsFile, STANDARDS_DIR } from '@comptoir/platform/standards';
import { EInvoice, renderDocumentHtml, sampleEInvoices, sampleInvoice as samplePrintable, toFacturX, writeCii, writeUbl } from '@comptoir/documents';
import { EInvoiceValidator, ValidationOptions, ValidationReport } from '@comptoir/einvoicing';

interface Options {
  invoices: number;
  validations: number;
  poolSize: number;
}

const WARM_UP = 5;
// The writers' own test corpus: consistent totals, every VAT case the writers handle.
const KINDS = Object.values(sampleEInvoices());
const einvoice = (index: number): EInvoice => {
  const base = KINDS[index % KINDS.length]!;
  return { ...base, number: `${base.number}-${index}` };
};

async function benchXml(invoices: EInvoice[]) {
  const rate = (write: (invoice: EInvoice) => string) => {
    for (const invoice of invoices.slice(0, WARM_UP)) write(invoice);
    const started = performance.now();
    let bytes = 0;
    for (const invoice of invoices) bytes += write(invoice).length;
    const seconds = (performance.now() - started) / 1000;
    return { documents: invoices.length, perSecond: round(invoices.length / seconds), meanKb: round(bytes / invoices.length / 1024) };
  };
  return { cii: rate(writeCii), ubl: rate(writeUbl) };
}

async function benchFacturX(invoices: EInvoice[], poolSize: number, chromiumPath: string | undefined) {
  const renderer = new PdfRenderer(Object.assign(new AppConfig(), { pdfPoolSize: poolSize }, chromiumPath ? { chromiumPath } : {}));
  try {
    const htmls = invoices.map((invoice) => renderDocumentHtml(samplePrintable({ number: invoice.number })));
    const ciis = invoices.map(writeCii);
    const meta = (invoice: EInvoice) => ({ conformanceLevel: 'EN 16931' as const, documentNumber: invoice.number, issueDate: invoice.issueDate, sellerName: invoice.seller.name, title: `Facture ${invoice.number}`, typeLabel: 'Facture' });
    for (let i = 0; i < WARM_UP; i++) await toFacturX(await renderer.render(htmls[i]!), ciis[i]!, meta(invoices[i]!));

    // The whole pipeline, `poolSize` documents in flight (what the worker does per validated invoice).
    const printed: Uint8Array[] = [];
    let next = 0;
    const started = performance.now();
    await Promise.all(
      Array.from({ length: poolSize }, async () => {
        for (let i = next++; i < invoices.length; i = next++) {
          printed[i] = await renderer.render(htmls[i]!);
          await toFacturX(printed[i]!, ciis[i]!, meta(invoices[i]!));
        }
      }),
    );
    const pipelineSeconds = (performance.now() - started) / 1000;

    const chromiumStarted = performance.now();
    next = 0;
    await Promise.all(Array.from({ length: poolSize }, async () => {
      for (let i = next++; i < invoices.length; i = next++) await renderer.render(htmls[i]!);
    }));
    const chromiumSeconds = (performance.now() - chromiumStarted) / 1000;

    const facturxStarted = performance.now();
    let size = 0;
    for (const [i, pdf] of printed.entries()) size += (await toFacturX(pdf, ciis[i]!, meta(invoices[i]!))).length;
    const facturxSeconds = (performance.now() - facturxStarted) / 1000;

    return {
      documents: invoices.length,
      poolSize,
      withChromium: { perSecond: round(invoices.length / pipelineSeconds) },
      chromiumOnly: { perSecond: round(invoices.length / chromiumSeconds) },
      toFacturXOnly: { perSecond: round(invoices.length / facturxSeconds), meanMs: round((facturxSeconds * 1000) / invoices.length), meanKb: round(size / invoices.length / 1024) },
    };
  } finally {
    await renderer.onModuleDestroy();
  }
}

async function benchValidation(invoices: EInvoice[], validations: number) {
  const cold = mkdtempSync(join(tmpdir(), 'comptoir-sef-bench-'));
  try {
    // A cold cache: the first call compiles every schematron of its set (in parallel child processes).
    const validator = new EInvoiceValidator(STANDARDS_DIR, cold);
    // The French rules (BR-FR) apply to domestic B2B e-invoices only, as in the API's check.
    const sets: { name: string; options: (invoice: EInvoice) => ValidationOptions; write: (invoice: EInvoice) => string }[] = [
      { name: 'cii EN16931 (+ BR-FR on B2B)', options: (invoice) => ({ syntax: 'cii', profile: 'EN16931', frenchRules: invoice.flow === 'B2B' }), write: writeCii },
      { name: 'ubl', options: () => ({ syntax: 'ubl', profile: 'EN16931', frenchRules: false }), write: writeUbl },
    ];
    const results = [];
    for (const set of sets) {
      const documents = invoices.slice(0, validations).map((invoice) => ({ xml: set.write(invoice), options: set.options(invoice) }));
      const validate = ({ xml, options }: (typeof documents)[number]) => validator.validate(xml, options);
      const firstStarted = performance.now();
      await validate(documents[0]!);
      const firstCallMs = round(performance.now() - firstStarted);
      for (const document of documents.slice(0, WARM_UP)) await validate(document);
      const reports: ValidationReport[] = [];
      for (const document of documents) reports.push(await validate(document));
      const checkNames = [...new Set(reports.flatMap((r) => r.checks.map((check) => check.name)))];
      const perCheck = Object.fromEntries(
        checkNames.map((name) => {
          const times = reports.flatMap((r) => r.checks.filter((check) => check.name === name).map((check) => check.durationMs));
          return [name, { runs: times.length, medianMs: percentile(times, 50), p95Ms: percentile(times, 95) }];
        }),
      );
      const totals = reports.map((r) => r.durationMs);
      const fatal = reports.reduce((n, r) => n + r.checks.reduce((m, c) => m + c.fatal, 0), 0);
      results.push({ set: set.name, documents: reports.length, firstCallMs, perInvoice: { medianMs: percentile(totals, 50), p95Ms: percentile(totals, 95) }, perCheck, fatalAssertions: fatal });
    }
    return results;
  } finally {
    rmSync(cold, { recursive: true, force: true });
  }
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return round(sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!);
}

const round = (value: number) => Math.round(value * 10) / 10;

function parseArgs(argv: string[]): Partial<Options> {
  const options: Partial<Options> = {};
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const value = Number(argv[++i]);
    if (!(value > 0)) throw new Error(`${arg} needs a positive number`);
    if (arg === '--invoices') options.invoices = value;
    else if (arg === '--validations') options.validations = value;
    else if (arg === '--pool') options.poolSize = value;
    else throw new Error(`unknown option ${arg}`);
  }
  return options;
}

async function main(): Promise<void> {
  const { invoices: count = 200, validations = 40, poolSize = Number(process.env['PDF_POOL_SIZE']) || 2 } = parseArgs(process.argv.slice(2));
  const invoices = Array.from({ length: Math.max(count, validations) }, (_, i) => einvoice(i));
  const standards = standardsFile('en16931-cii', 'xslt', 'EN16931-CII-validation.xslt');
  const report = {
    at: new Date().toISOString(),
    machine: { cpus: cpus().length, loadavg: loadavg().map(round) },
    xml: await benchXml(invoices.slice(0, count)),
    facturx: await benchFacturX(invoices.slice(0, count), poolSize, process.env['CHROMIUM_PATH'] || undefined),
    validation: standards ? await benchValidation(invoices, validations) : `skipped: ${STANDARDS_DIR} has no standards (set COMPTOIR_STANDARDS_DIR)`,
  };
  const json = JSON.stringify(report, null, 2);
  process.stdout.write(`${json}\n`);
  const dir = join(__dirname, 'results');
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, `einvoicing-${report.at.replace(/[:.]/g, '-')}.json`), `${json}\n`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
