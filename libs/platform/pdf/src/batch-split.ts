import { PDFDict, PDFDocument, PDFHexString, PDFName, PDFPage, PDFRef, PDFString } from 'pdf-lib';
import { BATCH_MARKER_PREFIX } from './batch-compose';

export interface SplitBatch {
  /** First page index (0-based) of each document (by its index in the batch) in the combined print. */
  starts: number[];
  /** Page count of each document, as laid out. */
  pageCounts: number[];
  /** false when some page belongs to no document (content outside the documents' bodies, e.g. in-flow
   * `html::after`): such documents cannot be printed together faithfully. */
  contiguous: boolean;
  load: PDFDocument;
}

/** Reads each document's page range from the marker links, and removes the markers from the pages. `order` is the
 * order the documents were printed in. */
export async function locateDocuments(pdf: Uint8Array, order: number[]): Promise<SplitBatch> {
  const count = order.length;
  const load = await PDFDocument.load(pdf, { updateMetadata: false });
  const pages = load.getPages();
  const starts: number[] = new Array(count).fill(-1);
  const ends: number[] = new Array(count).fill(-1);
  pages.forEach((page, pageIndex) => {
    for (const { ref, index, end } of markerLinks(page)) {
      (end ? ends : starts)[index] = pageIndex;
      page.node.removeAnnot(ref);
    }
  });
  const inOrder = order.every((doc, i) => starts[doc]! >= 0 && ends[doc]! >= starts[doc]! && (i === 0 || starts[doc]! > ends[order[i - 1]!]!));
  if (!inOrder) throw new Error(`PDF batch markers not found in order: ${starts.join(',')} / ${ends.join(',')}`);
  const contiguous = starts[order[0]!] === 0 && ends[order[count - 1]!] === pages.length - 1 && order.every((doc, i) => i === 0 || starts[doc] === ends[order[i - 1]!]! + 1);
  return { starts, pageCounts: starts.map((start, i) => ends[i]! - start + 1), contiguous, load };
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

const MARKER = new RegExp(`^${BATCH_MARKER_PREFIX.replace(/[.]/g, '\\.')}(\\d+)(/end)?$`);

function markerLinks(page: PDFPage): { ref: PDFRef; index: number; end: boolean }[] {
  const annots = page.node.Annots();
  if (!annots) return [];
  const found: { ref: PDFRef; index: number; end: boolean }[] = [];
  for (const ref of annots.asArray()) {
    if (!(ref instanceof PDFRef)) continue;
    const annot = page.doc.context.lookup(ref, PDFDict);
    const target = annot.lookupMaybe(PDFName.of('A'), PDFDict)?.lookup(PDFName.of('URI'));
    const uri = target instanceof PDFString || target instanceof PDFHexString ? target.decodeText() : undefined;
    const marker = uri ? MARKER.exec(uri) : null;
    if (marker) found.push({ ref, index: Number(marker[1]), end: !!marker[2] });
  }
  return found;
}
