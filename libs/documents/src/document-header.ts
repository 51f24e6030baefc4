import { DOCUMENT_TITLES } from './document-titles';
import { escapeHtml, inlineImage } from './escape';
import { formatDate } from './format';
import { addressLines } from './legal-identity';
import { PrintableAddress, PrintableDocument, PrintableParty } from './printable-document';

const lines = (texts: (string | null | undefined)[]) => texts.filter((t): t is string => !!t?.trim()).map((t) => `<p>${escapeHtml(t)}</p>`).join('');

/** Logo, establishment header and seller on the left; title, number and dates on the right. */
export function documentHeader(doc: PrintableDocument): string {
  const establishment = doc.establishment;
  const logo = inlineImage(establishment?.logoDataUrl);
  const brand = [
    logo ? `<img class="logo" src="${escapeHtml(logo)}" alt="">` : '',
    establishment && !doc.options.showSeller ? `<p class="establishment">${escapeHtml(establishment.name)}</p>` : '',
    establishment?.header ? `<p class="header-text">${escapeHtml(establishment.header)}</p>` : '',
    doc.options.showSeller ? sellerBlock(doc.seller) : '',
  ].join('');
  return `<header class="header"><div class="brand">${brand}</div><div class="doc-id">${documentIdentity(doc)}</div></header>${subject(doc)}`;
}

function sellerBlock(seller: PrintableParty): string {
  return `<div class="seller"><p class="name">${escapeHtml(seller.name)}</p>${lines(addressLines(seller.address))}<div class="muted">${lines([
    seller.phone ? `Tél. ${seller.phone}` : null,
    seller.email,
    seller.siret ? `SIRET ${seller.siret}` : seller.siren ? `SIREN ${seller.siren}` : null,
    seller.vatNumber ? `N° TVA ${seller.vatNumber}` : null,
  ])}</div></div>`;
}

function documentIdentity(doc: PrintableDocument): string {
  const rows: [string, string | null | undefined][] = [
    ['Date', doc.date],
    ["Valable jusqu'au", doc.kind === 'quote' ? doc.validityDate : null],
    [doc.kind === 'delivery_note' ? 'Date de livraison' : 'Livraison prévue', doc.kind === 'order' || doc.kind === 'delivery_note' ? doc.deliveryDate : null],
    ['Échéance', doc.kind === 'invoice' || doc.kind === 'deposit' || doc.kind === 'proforma' ? doc.dueDate : null],
  ];
  const dates = rows
    .filter((row): row is [string, string] => !!row[1])
    .map(([label, date]) => `<tr><td>${escapeHtml(label)}</td><td>${formatDate(date)}</td></tr>`)
    .join('');
  const number = doc.number ? `N° ${escapeHtml(doc.number)}` : 'Brouillon';
  return `<h1>${DOCUMENT_TITLES[doc.kind]}</h1><p class="number">${number}</p><table>${dates}</table>`;
}

function subject(doc: PrintableDocument): string {
  return doc.options.showTitle && doc.title?.trim() ? `<p class="subject">${escapeHtml(doc.title)}</p>` : '';
}

/** Customer (billing address, "À l'attention de", identifiers) and, when different, the delivery address. */
export function partiesBlock(doc: PrintableDocument): string {
  const buyer = doc.buyer;
  const identifiers = [
    doc.buyerIsBusiness && (buyer.siren || buyer.siret) ? `SIREN ${buyer.siren ?? buyer.siret!.slice(0, 9)}` : null,
    buyer.vatNumber ? `N° TVA ${buyer.vatNumber}` : null,
  ];
  const billing = `<div class="party"><h2>Client</h2><p class="name">${escapeHtml(buyer.name)}</p>${lines([buyer.contactName ? `À l'attention de ${buyer.contactName}` : null])}${lines(addressLines(buyer.address))}<div class="muted">${lines(identifiers)}</div></div>`;
  const delivery =
    doc.options.showDeliveryAddress && doc.deliveryAddress && !sameAddress(doc.deliveryAddress, buyer.address)
      ? `<div class="party"><h2>Adresse de livraison</h2>${lines(addressLines(doc.deliveryAddress))}</div>`
      : '';
  return `<section class="parties">${delivery}${billing}</section>`;
}

function sameAddress(a: PrintableAddress, b: PrintableAddress | null | undefined): boolean {
  return !!b && addressLines(a).join('\n').toLowerCase() === addressLines(b).join('\n').toLowerCase();
}
