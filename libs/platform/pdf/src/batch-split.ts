import { PDFDict, PDFDocument, PDFHexString, PDFName, PDFPage, PDFRef, PDFString } from 'pdf-lib';
import { BATCH_MARKER_PREFIX } from './batch-compose';

export interface SplitBatch {
  /** First page index (0-based) of each document in the combined print. */
  starts: number[];
  /** Page count of each document, as laid out. */
  pageCounts: number[];
  load: PDFDocument;
}

/** Reads where each document starts from the marker links, and removes the markers from the pages. */
export async function locateDocuments(pdf: Uint8Array, count: number): Promise<SplitBatch> {
  const load = await PDFDocument.load(pdf, { updateMetadata: false });
  const pages = load.getPages();
  const starts: number[] = new Array(count).fill(-1);
  pages.forEach((page, pageIndex) => {
    for (const { ref, index } of markerLinks(page)) {
      starts[index] = pageIndex;
      page.node.removeAnnot(ref);
    }
  });
  if (starts.some((start, i) => start < 0 || (i > 0 && start <= starts[i - 1]!))) throw new Error(`PDF batch markers not found in order: ${starts.join(',')}`);
  const pageCounts = starts.map((start, i) => (i + 1 < count ? starts[i + 1]! : pages.length) - start);
  return { starts, pageCounts, load };
}

/** A standalone PDF of the pages [start, start + pageCount) of the combined print. */
export async function extractDocument(batch: SplitBatch, index: number, title: string | null): Promise<Buffer> {
  const out = await PDFDocument.create({ updateMetadata: false });
  const indices = Array.from({ length: batch.pageCounts[index]! }, (_, i) => batch.starts[index]! + i);
  for (const page of await out.copyPages(batch.load, indices)) out.addPage(page);
  if (title) out.setTitle(title);
  const producer = batch.load.getProducer();
  if (producer) out.setProducer(producer);
  out.setCreationDate(batch.load.getCreationDate() ?? new Date());
  return Buffer.from(await out.save());
}

function markerLinks(page: PDFPage): { ref: PDFRef; index: number }[] {
  const annots = page.node.Annots();
  if (!annots) return [];
  const found: { ref: PDFRef; index: number }[] = [];
  for (const ref of annots.asArray()) {
    if (!(ref instanceof PDFRef)) continue;
    const annot = page.doc.context.lookup(ref, PDFDict);
    const target = annot.lookupMaybe(PDFName.of('A'), PDFDict)?.lookup(PDFName.of('URI'));
    const uri = target instanceof PDFString || target instanceof PDFHexString ? target.decodeText() : undefined;
    if (uri?.startsWith(BATCH_MARKER_PREFIX)) found.push({ ref, index: Number(uri.slice(BATCH_MARKER_PREFIX.length)) });
  }
  return found;
}
