import { formatDate, formatMoney, formatPercent, isNonZero } from './format';
import { PrintableDocument, PrintableLegal, VatCategoryCode } from './printable-document';

export const NO_EARLY_PAYMENT_DISCOUNT = "Pas d'escompte pour paiement anticipé";
export const RECOVERY_INDEMNITY = 'Indemnité forfaitaire pour frais de recouvrement : 40 €';
export const FRANCHISE_293B = 'TVA non applicable, art. 293 B du CGI';
export const REVERSE_CHARGE = 'Autoliquidation';
export const VAT_ON_DEBITS = "Option pour le paiement de la taxe d'après les débits";
const INTRA_EU_EXEMPTION = 'Exonération de TVA, article 262 ter I du CGI';
const EXPORT_EXEMPTION = 'Exonération de TVA, article 262 I du CGI';
const OUT_OF_SCOPE = 'TVA non applicable, opération hors du champ de la TVA';
const DEFAULT_LATE_PENALTY = "Pénalités de retard : taux d'intérêt de la BCE majoré de 10 points";

const OPERATION_CATEGORY: Record<PrintableDocument['operationCategory'], string> = {
  goods: 'Livraison de biens',
  services: 'Prestation de services',
  mixed: 'Mixte',
};

/**
 * The legal wording an invoice (or deposit invoice, credit note) must carry, derived from its data
 * (MENTIONS.md, DOMAIN §4): reference of the corrected invoice, nature of the operation, date of supply, customer
 * SIREN and VAT number, VAT exemption / reverse-charge wording, VAT-on-debits option, due date, early-payment terms,
 * late-payment penalties and, towards businesses only, the 40 € recovery indemnity.
 */
export function invoiceMentions(doc: PrintableDocument): string[] {
  const mentions: string[] = [];
  if (doc.kind === 'credit_note' && doc.legal.precedingInvoiceNumber) {
    const date = doc.legal.precedingInvoiceDate ? ` du ${formatDate(doc.legal.precedingInvoiceDate)}` : '';
    mentions.push(`Avoir sur facture ${doc.legal.precedingInvoiceNumber}${date}`);
  }
  mentions.push(`Catégorie de l'opération : ${OPERATION_CATEGORY[doc.operationCategory]}`);
  const supplyDate = doc.supplyDate ?? doc.deliveryDate;
  if (supplyDate && supplyDate !== doc.date) mentions.push(`Date de la ${doc.operationCategory === 'services' ? 'prestation' : 'livraison'} : ${formatDate(supplyDate)}`);
  mentions.push(...buyerIdentifiers(doc));
  mentions.push(...vatMentions(doc));
  const dueDate = doc.dueDate ?? doc.schedule.at(-1)?.dueDate;
  if (dueDate) mentions.push(`Date d'échéance : ${formatDate(dueDate)}`);
  if (isNonZero(doc.totals.deposits)) mentions.push(`Acomptes déduits : ${formatMoney(doc.totals.deposits!, doc.currency)} TTC (factures d'acompte rappelées ligne à ligne)`);
  mentions.push(earlyPaymentMention(doc));
  if (doc.buyerIsBusiness) {
    mentions.push(latePenaltyMention(doc.legal));
    mentions.push(RECOVERY_INDEMNITY);
  } else if (doc.legal.latePenaltyText.trim()) mentions.push(doc.legal.latePenaltyText.trim());
  return mentions;
}

/** The company's late-payment penalty wording, else the legal default (printed on B2B invoices, the e-invoice's PMD note). */
export function latePenaltyMention(legal: Pick<PrintableLegal, 'latePenaltyText'>): string {
  return legal.latePenaltyText.trim() || DEFAULT_LATE_PENALTY;
}

/** The document's early-payment discount, else the company's wording, else the legal "no discount" sentence (also the e-invoice's AAB note). */
export function earlyPaymentMention(doc: { legal: Pick<PrintableLegal, 'earlyPaymentDiscount' | 'earlyPaymentText'> }): string {
  const discount = doc.legal.earlyPaymentDiscount;
  if (discount) {
    const within = discount.withinDays === 0 ? 'comptant' : `sous ${discount.withinDays} jour${discount.withinDays > 1 ? 's' : ''}`;
    return `Escompte de ${formatPercent(discount.percent)} pour paiement ${within} à compter de la date de facture`;
  }
  return doc.legal.earlyPaymentText.trim() || NO_EARLY_PAYMENT_DISCOUNT;
}

/**
 * The VAT wording required by the categories in use (also printed on quotes and orders): franchise en base,
 * reverse charge, intra-EU and export exemptions, other exemptions with their reason, and the debits option.
 */
export function vatMentions(doc: PrintableDocument): string[] {
  const wording = new Set<string>();
  const used: { category: VatCategoryCode; reason?: string | null }[] = [
    ...doc.totals.vat.map((group) => ({ category: group.category, reason: group.exemptionReason })),
    ...doc.lines.filter((line) => line.kind === 'item' && line.vatCategory).map((line) => ({ category: line.vatCategory! })),
  ];
  for (const { category, reason } of used) {
    const text = vatWording(category, reason?.trim() || null);
    if (text) wording.add(text);
  }
  if (doc.legal.vatOnDebits) wording.add(VAT_ON_DEBITS);
  return [...wording];
}

function vatWording(category: VatCategoryCode, reason: string | null): string | null {
  switch (category) {
    case 'E':
      return reason && /293\s*B/i.test(reason) ? FRANCHISE_293B : reason;
    case 'AE':
      return REVERSE_CHARGE;
    case 'K':
      return reason ?? INTRA_EU_EXEMPTION;
    case 'G':
      return reason ?? EXPORT_EXEMPTION;
    case 'O':
      return reason ?? OUT_OF_SCOPE;
    default:
      return null;
  }
}

/** Customer SIREN on B2B invoices (reform), and its VAT number when it owes the VAT (reverse charge, intra-EU). */
function buyerIdentifiers(doc: PrintableDocument): string[] {
  const out: string[] = [];
  const siren = doc.buyer.siren ?? doc.buyer.siret?.slice(0, 9);
  if (doc.buyerIsBusiness && siren) out.push(`SIREN du client : ${siren}`);
  const buyerOwesVat = doc.totals.vat.some((group) => group.category === 'AE' || group.category === 'K');
  if (buyerOwesVat && doc.buyer.vatNumber) out.push(`N° de TVA intracommunautaire du client : ${doc.buyer.vatNumber}`);
  return out;
}
