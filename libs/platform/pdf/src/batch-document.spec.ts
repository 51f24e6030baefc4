import { batchPageCss, composeBatch } from './batch-compose';
import { parseBatchDocument } from './batch-document';
import { extractPageRules } from './css-page-rules';

const doc = (footer: string, extraCss = '') =>
  `<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>Facture A &amp; B</title><style>body{margin:0}${extraCss}@page { @bottom-center { content: "${footer} " counter(page) " / " counter(pages); } }</style></head><body><p>${footer}</p></body></html>`;

describe('extractPageRules', () => {
  it('takes unnamed @page rules out, nested margin boxes included, and ignores braces in strings and comments', () => {
    const css = `a{color:red}/* @page { x } */@page { margin: 0; @bottom-center { content: "}{ @page"; } }b{content:"@page {"}`;
    expect(extractPageRules(css)).toEqual({ rest: `a{color:red}/* @page { x } */b{content:"@page {"}`, pageBlocks: [` margin: 0; @bottom-center { content: "}{ @page"; } `] });
  });

  it('refuses page selectors, named pages and @page inside another rule', () => {
    expect(extractPageRules('@page :first { margin: 0 }')).toBeNull();
    expect(extractPageRules('@page cover { margin: 0 }')).toBeNull();
    expect(extractPageRules('@media print { @page { margin: 0 } }')).toBeNull();
  });
});

describe('parseBatchDocument', () => {
  it('groups documents that differ only by their @page rules and title', () => {
    const a = parseBatchDocument(doc('A'))!;
    const b = parseBatchDocument(doc('B'))!;
    expect(a.groupKey).toBe(b.groupKey);
    expect(a.title).toBe('Facture A & B');
    expect(a.pageBlocks).toHaveLength(1);
    expect(parseBatchDocument(doc('C', 'html::after{content:"SPECIMEN"}'))!.groupKey).not.toBe(a.groupKey);
  });

  it('declines documents it cannot reproduce exactly', () => {
    expect(parseBatchDocument('<p>fragment</p>')).toBeNull();
    expect(parseBatchDocument(doc('A').replace('counter(pages)', 'counter(page, upper-roman)'))).toBeNull();
  });
});

describe('composeBatch / batchPageCss', () => {
  it('puts each document on its own named page with a marker link, and makes its page numbers local', () => {
    const docs = [parseBatchDocument(doc('A'))!, parseBatchDocument(doc('B'))!];
    const html = composeBatch(docs);
    expect(html.match(/data-cpt-doc=/g)).toHaveLength(2);
    expect(html).toContain('page:cpt-doc-1;position:relative;break-before:page;');
    expect(html).toContain('href="https://comptoir.invalid/pdf-batch/1"');
    expect(html).not.toContain('@page {');
    const css = batchPageCss(docs, [3, 2]);
    expect(css).toContain('@counter-style cpt-doc-0{system:fixed 1;symbols:"1" "2" "3";}');
    expect(css).toContain('@counter-style cpt-doc-1{system:fixed 4;symbols:"1" "2";}');
    expect(css).toContain('@page cpt-doc-1{ @bottom-center { content: "B " counter(page, cpt-doc-1) " / " "2"; } }');
  });
});
