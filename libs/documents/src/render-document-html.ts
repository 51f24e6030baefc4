import { documentHeader, partiesBlock } from './document-header';
import { DOCUMENT_CSS, pageFooterCss, watermarkCss } from './document-styles';
import { DOCUMENT_TITLES, INVOICE_KINDS } from './document-titles';
import { escapeHtml } from './escape';
import { invoiceMentions, vatMentions } from './invoice-mentions';
import { sellerLegalIdentity } from './legal-identity';
import { linesTable } from './lines-table';
import { PrintableDocument } from './printable-document';
import { textSection, totalsBlock } from './totals-block';

/**
 * A sales document as one self-contained HTML page (inline CSS and images, no script, no external resource) for
 * @comptoir/platform/pdf. The running footer (legal identity, page x/y) lives in @page margin boxes so that it
 * appears on every page, also when the bulk renderer prints many documents at once. The body names the kind of
 * document so that the bulk renderer only prints documents of one kind together: with Chromium 156 a delivery note
 * printed after an invoice in one print was laid out a few pixels differently from the same note printed alone.
 */
export function renderDocumentHtml(doc: PrintableDocument): string {
  const title = `${DOCUMENT_TITLES[doc.kind]} ${doc.number ?? 'brouillon'}`;
  const footerLines = [doc.establishment?.footer?.trim(), sellerLegalIdentity(doc.seller, doc.currency)].filter((line): line is string => !!line);
  const body = [
    documentHeader(doc),
    partiesBlock(doc),
    linesTable(doc),
    doc.kind === 'delivery_note' ? '' : totalsBlock(doc),
    mentionsBlock(doc),
    textSection('Conditions particulières', doc.specialTerms),
    textSection('Conditions générales de vente', doc.termsOfSale),
  ].join('');
  return (
    `<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title>` +
    `<style>${DOCUMENT_CSS}${watermarkCss(doc.watermark)}${pageFooterCss(footerLines)}</style></head><body class="doc-${doc.kind}">${body}</body></html>`
  );
}

/** Invoices carry every mandatory mention; quotes and orders the VAT wording; delivery notes none. */
function mentionsBlock(doc: PrintableDocument): string {
  const mentions = INVOICE_KINDS.has(doc.kind) ? invoiceMentions(doc) : doc.kind === 'delivery_note' ? [] : vatMentions(doc);
  if (mentions.length === 0) return '';
  return `<section class="block mentions"><h3>Mentions légales</h3>${mentions.map((m) => `<p>${escapeHtml(m)}</p>`).join('')}</section>`;
}
