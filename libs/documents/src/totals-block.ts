import { INVOICE_KINDS } from './document-titles';
import { escapeHtml } from './escape';
import { formatDate, formatMoney, formatPercent, isNonZero } from './format';
import { PrintableAllowanceCharge, PrintableDocument } from './printable-document';

const negate = (value: string) => (value.startsWith('-') ? value.slice(1) : `-${value}`);

/** VAT breakdown and payment terms on the left, totals on the right: HT, allowances/charges, TVA per rate, TTC,
 * prepaid, due. */
export function totalsBlock(doc: PrintableDocument): string {
  const { totals, currency } = doc;
  const money = (value: string) => formatMoney(value, currency);
  const row = (label: string, value: string, className = '') => `<tr${className ? ` class="${className}"` : ''}><td>${escapeHtml(label)}</td><td class="amount">${money(value)}</td></tr>`;
  const adjusted = totals.allowances.length > 0 || totals.charges.length > 0;
  const rows = [
    adjusted ? row('Total HT des lignes', totals.lineNetTotal) : '',
    ...totals.allowances.map((a) => row(adjustmentLabel(a), negate(a.amount))),
    ...totals.charges.map((c) => row(adjustmentLabel(c), c.amount)),
    row('Total HT', totals.net, 'strong'),
    ...totals.vat.filter((v) => isNonZero(v.amount)).map((v) => row(`TVA ${formatPercent(v.rate)}`, v.amount)),
    row('Total TTC', totals.gross, 'strong'),
  ];
  const invoiceLike = INVOICE_KINDS.has(doc.kind);
  if (isNonZero(totals.prepaid) && (invoiceLike || doc.options.showDepositsAndPayments)) rows.push(row('Déjà réglé (acomptes et paiements)', negate(totals.prepaid)));
  if (invoiceLike) rows.push(row(doc.kind === 'credit_note' ? 'Montant de l’avoir' : 'Net à payer', totals.due, 'due'));
  return `<section class="summary"><div class="left">${vatTable(doc)}${paymentBlock(doc)}</div><table class="totals">${rows.join('')}</table></section>`;
}

/** "Remise 5 % (TVA 20 %)": a discount on the gross total is split per VAT rate, so each part names its rate. */
function adjustmentLabel(adjustment: PrintableAllowanceCharge): string {
  const percent = adjustment.percent ? ` ${formatPercent(adjustment.percent)}` : '';
  const vat = adjustment.vatCategory === 'S' ? `TVA ${formatPercent(adjustment.vatRate)}` : `TVA ${formatPercent(adjustment.vatRate)} ${adjustment.vatCategory}`;
  return `${adjustment.reason}${percent} (${vat})`;
}

function vatTable(doc: PrintableDocument): string {
  if (doc.totals.vat.length === 0) return '';
  const money = (value: string) => formatMoney(value, doc.currency);
  const rows = doc.totals.vat
    .map((v) => `<tr><td>${formatPercent(v.rate)}${v.category === 'S' ? '' : ` (${v.category})`}</td><td>${money(v.base)}</td><td>${money(v.amount)}</td></tr>`)
    .join('');
  return `<h3>Détail de la TVA</h3><table class="vat"><thead><tr><th>Taux</th><th>Base HT</th><th>Montant TVA</th></tr></thead><tbody>${rows}</tbody></table>`;
}

/** Installments of the payment terms, with the payment method. */
function paymentBlock(doc: PrintableDocument): string {
  const method = doc.paymentMethod ? `<p>Mode de règlement : ${escapeHtml(doc.paymentMethod)}</p>` : '';
  if (doc.schedule.length === 0) return method ? `<div class="payment">${method}</div>` : '';
  const rows = doc.schedule
    .map((i) => {
      const label = i.label?.trim() || (i.kind === 'deposit' ? 'Acompte' : 'Paiement');
      return `<tr><td>${escapeHtml(label)}</td><td>${formatDate(i.dueDate)}</td><td>${formatPercent(i.percent)}</td><td>${formatMoney(i.amount, doc.currency)}</td><td>${escapeHtml(i.method ?? '')}</td></tr>`;
    })
    .join('');
  return `<div class="payment"><h3>Échéancier</h3><table class="schedule"><thead><tr><th>Échéance</th><th>Date</th><th>Part</th><th>Montant TTC</th><th>Règlement</th></tr></thead><tbody>${rows}</tbody></table>${method}</div>`;
}

export function textSection(title: string, text: string | null | undefined): string {
  return text?.trim() ? `<section class="block"><h3>${escapeHtml(title)}</h3><p class="terms">${escapeHtml(text.trim())}</p></section>` : '';
}
