import { PrintableKind } from './printable-document';

export const DOCUMENT_TITLES: Record<PrintableKind, string> = {
  quote: 'Devis',
  order: 'Bon de commande',
  delivery_note: 'Bon de livraison',
  invoice: 'Facture',
  deposit: "Facture d'acompte",
  credit_note: 'Avoir',
  proforma: 'Facture pro forma',
};

/** Kinds that are invoices in law (or look like one): they carry the invoice mentions and the amount due. */
export const INVOICE_KINDS: ReadonlySet<PrintableKind> = new Set(['invoice', 'deposit', 'credit_note', 'proforma']);
