import { ean13Svg } from './ean13';
import { escapeHtml, inlineImage } from './escape';
import { formatMoney, formatPercent, formatQuantity, formatUnitPrice, isNonZero } from './format';
import { PrintableDocument, PrintableLine } from './printable-document';

interface Column {
  header: string;
  className?: string;
  cell: (line: PrintableLine) => string;
}

/** Which columns this document prints: delivery notes show no prices; the PDF options switch the others. */
function columns(doc: PrintableDocument): Column[] {
  const { options } = doc;
  const priced = doc.kind !== 'delivery_note';
  const money = (value: string | undefined) => (value ? formatMoney(value, doc.currency) : '');
  const all: (Column | false)[] = [
    options.showImages && doc.lines.some((line) => inlineImage(line.imageUrl)) && { header: '', cell: (line) => imageCell(line) },
    options.showProductCodes && { header: 'Code', className: 'ref', cell: (line) => escapeHtml(line.reference ?? '') },
    { header: 'Désignation', className: 'desc', cell: (line) => descriptionCell(line, options.showBarcodes) },
    { header: 'Qté', className: 'num', cell: (line) => (line.quantity ? `${formatQuantity(line.quantity)}${line.unit ? ` ${escapeHtml(line.unit)}` : ''}` : '') },
    priced && options.showUnitPrice && { header: 'P.U. HT', className: 'num', cell: (line) => (line.unitPrice ? formatUnitPrice(line.unitPrice, doc.currency) : '') },
    priced && options.showDiscountColumn && { header: 'Remise', className: 'num', cell: (line) => (isNonZero(line.discountPercent) ? formatPercent(line.discountPercent!) : '') },
    priced && { header: 'TVA', className: 'num', cell: (line) => (line.vatRate ? vatCell(line) : '') },
    priced && { header: 'Total HT', className: 'num', cell: (line) => money(line.net) },
  ];
  return all.filter((column): column is Column => !!column);
}

function descriptionCell(line: PrintableLine, showBarcodes: boolean): string {
  const barcode = showBarcodes && line.barcode ? (ean13Svg(line.barcode) ?? `<span class="muted">${escapeHtml(line.barcode)}</span>`) : '';
  return `${escapeHtml(line.description)}${barcode}`;
}

function imageCell(line: PrintableLine): string {
  const image = inlineImage(line.imageUrl);
  return image ? `<img class="thumb" src="${escapeHtml(image)}" alt="">` : '';
}

/** Exempt, reverse-charge and out-of-scope lines show their category rather than a bare "0 %". */
function vatCell(line: PrintableLine): string {
  const category = line.vatCategory ?? 'S';
  return category === 'S' || category === 'Z' ? formatPercent(line.vatRate!) : `${formatPercent(line.vatRate!)} (${category})`;
}

/**
 * The lines: items, comment lines across the whole width, and forced page breaks. The header row repeats on
 * every page; with `repeatTotalsOnEachPage` a totals row does too.
 */
export function linesTable(doc: PrintableDocument): string {
  const cols = columns(doc);
  const head = `<thead><tr>${cols.map((c) => `<th${c.className === 'num' ? ' class="num"' : ''}>${c.header}</th>`).join('')}</tr></thead>`;
  const rows = doc.lines
    .map((line) => {
      if (line.kind === 'page_break') return `<tr class="page-break"><td colspan="${cols.length}"></td></tr>`;
      if (line.kind === 'comment') return `<tr class="comment"><td colspan="${cols.length}" class="desc">${escapeHtml(line.description)}</td></tr>`;
      return `<tr>${cols.map((c) => `<td${c.className ? ` class="${c.className}"` : ''}>${c.cell(line)}</td>`).join('')}</tr>`;
    })
    .join('');
  const repeatTotals = doc.options.repeatTotalsOnEachPage && doc.kind !== 'delivery_note';
  const foot = repeatTotals
    ? `<tfoot><tr><td colspan="${cols.length}">Total HT ${formatMoney(doc.totals.net, doc.currency)} · TVA ${formatMoney(doc.totals.vatTotal, doc.currency)} · Total TTC ${formatMoney(doc.totals.gross, doc.currency)}</td></tr></tfoot>`
    : '';
  return `<table class="lines">${head}<tbody>${rows}</tbody>${foot}</table>`;
}
