import { Injectable, OnModuleDestroy } from '@nestjs/common';
import { Page } from 'puppeteer';
import { AppConfig } from '@comptoir/platform/config';
import { batchPageCss, composeBatch } from './batch-compose';
import { BatchDocument, parseBatchDocument } from './batch-document';
import { extractDocument, locateDocuments } from './batch-split';
import { ChromiumSession } from './chromium-session';
import { PDF_CONTENT_BOX, PDF_PRINT_OPTIONS } from './page-geometry';
import { SlotPool } from './page-pool';
import { PrintSlot } from './print-slot';

/** Documents per combined print in renderMany: large enough to amortise a print, small enough to keep memory flat. */
const BATCH_SIZE = 50;
/** Renders allowed to wait for a tab, per tab, before callers get a 503. */
const WAITING_PER_SLOT = 64;
const LOAD_TIMEOUT_MS = 30_000;
/** Space assumed lost at each page break when estimating page counts (measured on the sales-document template). */
const BREAK_WASTE_PX = 90;
const PRINT_TIMEOUT_MS = 120_000;

/**
 * HTML → PDF with the system Chromium (AppConfig.chromiumPath), launched on first use, through a pool of
 * AppConfig.pdfPoolSize reused tabs. Every PDF is A4 with the margins of PDF_PAGE.
 *
 * `renderMany` prints many documents at once: documents sharing a stylesheet go into one HTML page, each in a
 * named page of its own, and the print is cut back into one PDF per document. Each document gets exactly the pages
 * `render` would give it (see ADR 0006): page counts are estimated from the layout before printing (they are
 * needed for "page x / y"), checked against where each document really starts in the print, and the few documents
 * whose estimate was wrong are printed again with their real counts. A group whose print has pages outside the
 * documents (content outside their bodies) is rendered one document at a time instead.
 */
@Injectable()
export class PdfRenderer implements OnModuleDestroy {
  private readonly session: ChromiumSession;
  private readonly pool: SlotPool<PrintSlot>;
  private readonly poolSize: number;

  constructor(config: AppConfig) {
    this.session = new ChromiumSession(config.chromiumPath);
    this.poolSize = config.pdfPoolSize;
    this.pool = new SlotPool(
      Array.from({ length: config.pdfPoolSize }, () => new PrintSlot(this.session)),
      config.pdfPoolSize * WAITING_PER_SLOT,
    );
  }

  render(html: string): Promise<Buffer> {
    return this.pool.use((slot) =>
      slot.run(async (page) => {
        await page.setContent(html, { waitUntil: 'load', timeout: LOAD_TIMEOUT_MS });
        return printPdf(page);
      }),
    );
  }

  /** One PDF per HTML document, in the same order. */
  async renderMany(htmls: string[]): Promise<Buffer[]> {
    const results: Buffer[] = new Array(htmls.length);
    const jobs: (() => Promise<void>)[] = [];
    const groups = new Map<string, { index: number; doc: BatchDocument }[]>();
    htmls.forEach((html, index) => {
      const doc = parseBatchDocument(html);
      if (!doc) jobs.push(async () => void (results[index] = await this.render(html)));
      else groups.set(doc.groupKey, [...(groups.get(doc.groupKey) ?? []), { index, doc }]);
    });
    for (const members of groups.values()) {
      for (let start = 0; start < members.length; start += BATCH_SIZE) {
        const chunk = members.slice(start, start + BATCH_SIZE);
        jobs.push(async () => {
          const pdfs = await this.renderBatch(chunk.map((member) => member.doc));
          chunk.forEach((member, i) => (results[member.index] = pdfs[i]!));
        });
      }
    }
    await runConcurrently(jobs, this.poolSize);
    return results;
  }

  async onModuleDestroy(): Promise<void> {
    this.pool.close();
    await this.session.close();
  }

  private async renderBatch(docs: BatchDocument[], knownPageCounts?: number[]): Promise<Buffer[]> {
    const { pdf, order, pageCounts } = await this.pool.use((slot) =>
      slot.run(async (page) => {
        await page.setContent(composeBatch(docs), { waitUntil: 'load', timeout: LOAD_TIMEOUT_MS });
        let order = docs.map((_, i) => i);
        let counts = knownPageCounts;
        if (!counts) {
          const estimates = await estimatePageCounts(page);
          counts = estimates.map((estimate) => estimate.pages);
          // A short estimate shifts the page numbers of every later document: print the safest estimates first.
          order = order.sort((a, b) => estimates[b]!.headroom - estimates[a]!.headroom);
          await reorderDocuments(page, order);
        }
        await appendStyle(page, batchPageCss(docs, counts, order));
        return { pdf: await printPdf(page), order, pageCounts: counts };
      }),
    );
    const batch = await locateDocuments(pdf, order);
    if (!batch.contiguous) return Promise.all(docs.map((doc) => this.render(doc.html)));
    const results: Buffer[] = new Array(docs.length);
    const misestimated: number[] = [];
    let expectedStart = 0;
    for (const index of order) {
      if (batch.starts[index] === expectedStart && batch.pageCounts[index] === pageCounts[index]) results[index] = await extractDocument(batch, index, docs[index]!.title);
      else misestimated.push(index);
      expectedStart += pageCounts[index]!;
    }
    if (misestimated.length > 0) {
      // Layout does not depend on the neighbours, so the counts read from this print are exact for the next one.
      if (knownPageCounts) throw new Error('PDF batch layout differs between two prints of the same documents');
      const again = await this.renderBatch(
        misestimated.map((index) => docs[index]!),
        misestimated.map((index) => batch.pageCounts[index]!),
      );
      misestimated.forEach((index, i) => (results[index] = again[i]!));
    }
    return results;
  }
}

async function printPdf(page: Page): Promise<Buffer> {
  return Buffer.from(await page.pdf({ ...PDF_PRINT_OPTIONS, timeout: PRINT_TIMEOUT_MS }));
}

/**
 * Pages each document block will take, from its laid-out height (print media, content-box width). Page breaks
 * waste some space (rows and blocks that do not split, repeated table headers): BREAK_WASTE per break is assumed.
 * `headroom` is the unused height left on the last page: the smaller, the likelier the estimate is short.
 */
async function estimatePageCounts(page: Page): Promise<{ pages: number; headroom: number }[]> {
  const heights = await page.$$eval('[data-cpt-doc]', (blocks) => blocks.map((block) => block.getBoundingClientRect().height));
  return heights.map((height) => {
    let pages = Math.max(1, Math.ceil(height / PDF_CONTENT_BOX.height));
    const withWaste = () => height + (pages - 1) * BREAK_WASTE_PX;
    while (withWaste() > pages * PDF_CONTENT_BOX.height) pages++;
    return { pages, headroom: pages * PDF_CONTENT_BOX.height - withWaste() };
  });
}

/** Moves the document blocks into print order; each but the first starts a new sheet. */
async function reorderDocuments(page: Page, order: number[]): Promise<void> {
  await page.$$eval(
    '[data-cpt-doc]',
    (blocks, order) => {
      const parent = blocks[0]!.parentElement!;
      order.forEach((index, position) => {
        const block = blocks[index] as HTMLElement;
        block.style.breakBefore = position === 0 ? 'auto' : 'page';
        parent.appendChild(block);
      });
    },
    order,
  );
}

async function appendStyle(page: Page, css: string): Promise<void> {
  await page.$eval('head', (head, text) => {
    const style = head.ownerDocument.createElement('style');
    style.textContent = text;
    head.appendChild(style);
  }, css);
}

async function runConcurrently(jobs: (() => Promise<void>)[], concurrency: number): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < jobs.length) await jobs[next++]!();
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, jobs.length) }, worker));
}
