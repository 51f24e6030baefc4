import { extractPageRules } from './css-page-rules';

/**
 * One HTML document taken apart for the bulk path. Documents print together when everything but their @page rules
 * and title is identical (`groupKey`: same template, same stylesheet, same watermark), since a combined print has
 * one stylesheet and position:fixed content repeats on every page of the print.
 */
export interface BatchDocument {
  /** The document as given, to render it alone when the batch cannot be faithful. */
  html: string;
  groupKey: string;
  htmlOpen: string;
  head: string;
  bodyOpen: string;
  body: string;
  pageBlocks: string[];
  title: string | null;
}

const STYLE = /(<style\b[^>]*>)([\s\S]*?)(<\/style>)/gi;

/**
 * Requirements for a document to be batched (else null: rendered alone): a full `<html><head>…</head><body>…</body>`
 * document, unnamed `@page` rules only, page numbers only as `counter(page)` / `counter(pages)`, and no margin
 * on body (each document restarts at the top of a page, where a body margin would not be repeated).
 */
export function parseBatchDocument(html: string): BatchDocument | null {
  const htmlOpen = /<html\b[^>]*>/i.exec(html)?.[0];
  const headMatch = /<head\b[^>]*>([\s\S]*?)<\/head>/i.exec(html);
  const bodyMatch = /(<body\b[^>]*>)([\s\S]*)<\/body>/i.exec(html);
  if (!htmlOpen || !headMatch || !bodyMatch) return null;
  const pageBlocks: string[] = [];
  let supported = true;
  const head = headMatch[1]!.replace(STYLE, (_all, open: string, css: string, close: string) => {
    const extracted = extractPageRules(css);
    if (!extracted) supported = false;
    else pageBlocks.push(...extracted.pageBlocks);
    return `${open}${extracted?.rest ?? css}${close}`;
  });
  if (!supported || pageBlocks.some((block) => /counters?\((?!\s*pages?\s*\))/i.test(block))) return null;
  const titleMatch = /<title\b[^>]*>([\s\S]*?)<\/title>/i.exec(head);
  const headWithoutTitle = head.replace(/<title\b[^>]*>[\s\S]*?<\/title>/i, '');
  return {
    html,
    groupKey: `${htmlOpen}${headWithoutTitle}${bodyMatch[1]}`,
    htmlOpen,
    head: headWithoutTitle,
    bodyOpen: bodyMatch[1]!,
    body: bodyMatch[2]!,
    pageBlocks,
    title: titleMatch ? decodeEntities(titleMatch[1]!.trim()) : null,
  };
}

function decodeEntities(text: string): string {
  return text.replace(/&(amp|lt|gt|quot|#39|#x27);/g, (_m, name: string) => ({ amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'", '#x27': "'" })[name]!);
}
