import { BatchDocument } from './batch-document';

/** Link target of the invisible anchor opening each document: it survives in the PDF as a link annotation on
 * the document's first page, which is how the split finds where each document starts. */
export const BATCH_MARKER_PREFIX = 'https://comptoir.invalid/pdf-batch/';

const pageName = (index: number) => `cpt-doc-${index}`;

/**
 * One HTML page holding every document of a group, each in its own named page (so each keeps its own running
 * footer) starting on a new sheet. The page rules themselves come later from `batchPageCss`, once the page
 * counts are known.
 */
export function composeBatch(docs: BatchDocument[]): string {
  const [first] = docs;
  if (!first) throw new Error('composeBatch needs at least one document');
  const blocks = docs.map(
    (doc, index) =>
      `<div data-cpt-doc="${index}" style="page:${pageName(index)};position:relative;${index ? 'break-before:page;' : ''}">` +
      `<a href="${BATCH_MARKER_PREFIX}${index}" style="position:absolute;top:0;left:0;width:1px;height:1px"></a>${doc.body}</div>`,
  );
  return `<!doctype html>${first.htmlOpen}<head>${first.head}</head>${first.bodyOpen}${blocks.join('')}</body></html>`;
}

/**
 * Each document's @page rules under its own page name, with its page numbers made local: `counter(pages)` becomes
 * its own page count and `counter(page)` goes through a counter style mapping the print's page numbers
 * firstPage…firstPage+n-1 to 1…n (CSS has no arithmetic in `content`).
 */
export function batchPageCss(docs: BatchDocument[], pageCounts: number[]): string {
  let firstPage = 1;
  return docs
    .map((doc, index) => {
      const pages = pageCounts[index]!;
      const name = pageName(index);
      const symbols = Array.from({ length: pages }, (_, i) => `"${i + 1}"`).join(' ');
      const blocks = doc.pageBlocks.map((block) => block.replace(/counter\(\s*pages\s*\)/gi, `"${pages}"`).replace(/counter\(\s*page\s*\)/gi, `counter(page, ${name})`));
      const css = `@counter-style ${name}{system:fixed ${firstPage};symbols:${symbols};}` + blocks.map((block) => `@page ${name}{${block}}`).join('');
      firstPage += pages;
      return css;
    })
    .join('\n');
}
