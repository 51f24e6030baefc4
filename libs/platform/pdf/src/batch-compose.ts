import { BatchDocument } from './batch-document';

/** Link target of the invisible anchors opening and closing each document (`…/3` and `…/3/end`): they survive in
 * the PDF as link annotations on the document's first and last pages, which is how the split finds each range. */
export const BATCH_MARKER_PREFIX = 'https://comptoir.invalid/pdf-batch/';

const MARKER_STYLE = 'position:absolute;left:0;width:1px;height:1px;';
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
      `<a href="${BATCH_MARKER_PREFIX}${index}" style="${MARKER_STYLE}top:0"></a>${doc.body}<a href="${BATCH_MARKER_PREFIX}${index}/end" style="${MARKER_STYLE}bottom:0"></a></div>`,
  );
  return `<!doctype html>${first.htmlOpen}<head>${first.head}</head>${first.bodyOpen}${blocks.join('')}</body></html>`;
}

/**
 * Each document's @page rules under its own page name, with its page numbers made local: `counter(pages)` becomes
 * its own page count and `counter(page)` goes through a counter style mapping the print's page numbers
 * firstPage…firstPage+n-1 to 1…n (CSS has no arithmetic in `content`). `order` is the order the documents are
 * printed in (indexes into docs and pageCounts).
 */
export function batchPageCss(docs: BatchDocument[], pageCounts: number[], order: number[] = docs.map((_, i) => i)): string {
  let firstPage = 1;
  return order
    .map((index) => {
      const pages = pageCounts[index]!;
      const name = pageName(index);
      const symbols = Array.from({ length: pages }, (_, i) => `"${i + 1}"`).join(' ');
      const blocks = docs[index]!.pageBlocks.map((block) => block.replace(/counter\(\s*pages\s*\)/gi, `"${pages}"`).replace(/counter\(\s*page\s*\)/gi, `counter(page, ${name})`));
      const css = `@counter-style ${name}{system:fixed ${firstPage};symbols:${symbols};}` + blocks.map((block) => `@page ${name}{${block}}`).join('');
      firstPage += pages;
      return css;
    })
    .join('\n');
}
