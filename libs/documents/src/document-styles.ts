import { cssString } from './escape';

/** One stylesheet for every document kind; body margin stays 0 (the renderer sets the sheet margins). */
export const DOCUMENT_CSS = `
* { box-sizing: border-box; }
html, body { margin: 0; padding: 0; }
body { font-family: 'Liberation Sans', Arial, Helvetica, sans-serif; font-size: 8.6pt; line-height: 1.35; color: #1d2430; -webkit-print-color-adjust: exact; print-color-adjust: exact; }
p { margin: 0; }
.header { display: flex; justify-content: space-between; align-items: flex-start; gap: 8mm; margin-bottom: 4mm; }
.brand { max-width: 55%; }
.brand img.logo { max-height: 20mm; max-width: 60mm; display: block; margin-bottom: 2mm; }
.brand .establishment { font-weight: 700; font-size: 10pt; }
.brand .header-text { white-space: pre-line; color: #4a5566; }
.seller .name { font-weight: 700; font-size: 10pt; }
.muted { color: #5b6678; }
.doc-id { text-align: right; min-width: 62mm; }
.doc-id h1 { margin: 0 0 1.5mm; font-size: 17pt; letter-spacing: 0.02em; color: #1f3a5f; font-weight: 700; }
.doc-id .number { font-size: 10pt; font-weight: 700; margin-bottom: 1.5mm; }
.doc-id table { margin-left: auto; border-collapse: collapse; }
.doc-id td { padding: 0.3mm 0 0.3mm 3mm; }
.doc-id td:first-child { color: #5b6678; }
.subject { margin: 0 0 4mm; font-size: 10pt; font-weight: 700; }
.parties { display: flex; justify-content: flex-end; gap: 6mm; margin-bottom: 5mm; }
.party { width: 80mm; border: 0.3mm solid #c9d1dc; border-radius: 1.5mm; padding: 2.5mm 3.5mm; }
.party h2 { margin: 0 0 1mm; font-size: 7.5pt; text-transform: uppercase; letter-spacing: 0.06em; color: #5b6678; font-weight: 700; }
.party .name { font-weight: 700; font-size: 9.5pt; }
table.lines { width: 100%; border-collapse: collapse; margin-bottom: 4mm; }
table.lines th { background: #1f3a5f; color: #fff; font-weight: 700; font-size: 7.8pt; text-align: left; padding: 1.6mm 1.8mm; }
table.lines td { padding: 1.2mm 1.8mm; border-bottom: 0.2mm solid #dde3ea; vertical-align: top; }
table.lines tr { break-inside: avoid; }
table.lines .num { text-align: right; white-space: nowrap; }
table.lines .ref { white-space: nowrap; color: #4a5566; }
table.lines .desc { white-space: pre-line; }
table.lines tr.comment td { font-style: italic; color: #4a5566; background: #f6f8fa; }
table.lines tr.page-break { break-after: page; }
table.lines tr.page-break td { padding: 0; border: 0; }
table.lines img.thumb { max-width: 14mm; max-height: 14mm; display: block; }
table.lines svg.barcode { display: block; margin-top: 1mm; }
table.lines tfoot td { border-top: 0.4mm solid #1f3a5f; border-bottom: 0; font-weight: 700; text-align: right; }
.summary { display: flex; justify-content: space-between; gap: 8mm; break-inside: avoid; margin-bottom: 4mm; }
.payment { margin-top: 3mm; }
.summary .left { flex: 1; }
table.vat, table.totals, table.schedule { border-collapse: collapse; }
table.vat th, table.schedule th { font-size: 7.5pt; color: #5b6678; text-align: right; font-weight: 700; padding: 0.8mm 2mm; border-bottom: 0.3mm solid #c9d1dc; }
table.vat td, table.schedule td { text-align: right; padding: 0.8mm 2mm; white-space: nowrap; }
table.vat th:first-child, table.vat td:first-child, table.schedule th:first-child, table.schedule td:first-child { text-align: left; }
table.totals { min-width: 70mm; }
table.totals td { padding: 0.7mm 2mm; }
table.totals td.amount { text-align: right; white-space: nowrap; }
table.totals tr.strong td { font-weight: 700; border-top: 0.3mm solid #c9d1dc; }
table.totals tr.due td { font-weight: 700; font-size: 10.5pt; color: #fff; background: #1f3a5f; }
h3 { font-size: 8pt; text-transform: uppercase; letter-spacing: 0.05em; color: #1f3a5f; margin: 0 0 1.5mm; }
.block { margin-bottom: 3mm; break-inside: avoid; }
.mentions p, .terms { font-size: 7.2pt; line-height: 1.3; color: #3a4453; }
.mentions { columns: 2; column-gap: 8mm; }
.mentions h3 { column-span: all; }
.terms { white-space: pre-line; }
`;

/** Diagonal mark repeated on every page (position: fixed repeats in print). Kept in the stylesheet, not in the
 * body: the bulk renderer only prints documents with the same stylesheet together. */
export function watermarkCss(text: string | null): string {
  if (!text) return '';
  return `html::after { content: ${cssString(text)}; position: fixed; top: 45%; left: 50%; transform: translate(-50%, -50%) rotate(-35deg); font-size: 84pt; font-weight: 700; letter-spacing: 0.08em; color: rgba(190, 30, 45, 0.14); pointer-events: none; z-index: 10; }`;
}

/** The running footer, in the sheet's bottom margin (26 mm, set by the PDF renderer) of every page: establishment footer, legal identity, page x/y. */
export function pageFooterCss(lines: string[]): string {
  const text = [...lines.map(cssString), '"Page " counter(page) " / " counter(pages)'].join(' "\\A " ');
  return `@page { @bottom-center { content: ${text}; white-space: pre-wrap; font-family: 'Liberation Sans', Arial, sans-serif; font-size: 6.8pt; line-height: 1.35; color: #5b6678; text-align: center; vertical-align: top; padding-top: 3mm; } }`;
}
