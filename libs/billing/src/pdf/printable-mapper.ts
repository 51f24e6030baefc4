import type { PdfOptions, PrintableDocument, PrintableKind, PrintableLine, PrintableParty } from '@comptoir/documents';

/** The snapshot as buildSnapshot writes it (read back from jsonb). */
interface Snapshot {
  type: 'quote' | 'order' | 'delivery_note' | 'invoice';
  kind: 'invoice' | 'deposit' | 'credit_note' | null;
  number: string | null;
  date: string;
  dueDate: string | null;
  validityDate: string | null;
  deliveryDate: string | null;
  currency: string;
  title: string | null;
  proforma: boolean;
  seller: {
    name: string; legalForm: string | null; shareCapital: string | null; siren: string; rcs: string | null; vatNumber: string | null;
    address: PrintableParty['address'];
    establishment: { name: string; siret: string; header: string | null; footer: string | null };
  };
  buyer: {
    name: string; siren: string | null; siret: string | null; vatNumber: string | null; email: string | null; phone: string | null;
    address: PrintableParty['address']; contact: { name: string } | null;
  };
  deliveryAddress: PrintableParty['address'];
  lines: (PrintableLine & { productType: string | null })[];
  totals: PrintableDocument['totals'];
  schedule: PrintableDocument['schedule'];
  paymentMethod: string | null;
  /** Absent from snapshots frozen before the option existed. */
  earlyPaymentDiscount?: PrintableDocument['legal']['earlyPaymentDiscount'];
  termsOfSale: string | null;
  specialTerms: string | null;
  legal: {
    buyerIsBusiness: boolean; operationCategory: PrintableDocument['operationCategory']; latePenaltyText: string; earlyPaymentText: string; vatOnDebits: boolean;
    precedingInvoice: { number: string | null; date: string } | null;
  };
}

function printableKind(s: Snapshot): PrintableKind {
  if (s.type === 'invoice') return s.kind ?? 'invoice';
  return s.proforma ? 'proforma' : s.type;
}

/**
 * The one mapping from a document snapshot (frozen at validation, or built on the fly for a draft) to
 * what the templates print, with the data the invoice mentions are derived from. The establishment's
 * logo is not in the snapshot (up to 300 kB, in every sealed payload): it is read when the PDF is
 * rendered, and a validated document's stored original keeps the one it was printed with.
 */
export function toPrintable(snapshot: Record<string, unknown>, opts: { watermark: PrintableDocument['watermark']; options: PdfOptions; logoDataUrl?: string | null }): PrintableDocument {
  const s = snapshot as unknown as Snapshot;
  const { establishment } = s.seller;
  return {
    kind: printableKind(s),
    number: s.number,
    title: s.title,
    watermark: opts.watermark,
    currency: s.currency,
    date: s.date,
    dueDate: s.dueDate,
    validityDate: s.validityDate,
    deliveryDate: s.deliveryDate,
    supplyDate: null,
    seller: {
      name: s.seller.name,
      legalForm: s.seller.legalForm,
      shareCapital: s.seller.shareCapital,
      address: s.seller.address,
      siren: s.seller.siren,
      siret: establishment?.siret ?? null,
      rcs: s.seller.rcs,
      vatNumber: s.seller.vatNumber,
    },
    buyer: {
      name: s.buyer.name,
      address: s.buyer.address,
      siren: s.buyer.siren,
      siret: s.buyer.siret,
      vatNumber: s.buyer.vatNumber,
      email: s.buyer.email,
      phone: s.buyer.phone,
      contactName: s.buyer.contact?.name ?? null,
    },
    buyerIsBusiness: s.legal.buyerIsBusiness,
    deliveryAddress: s.deliveryAddress,
    establishment: establishment ? { name: establishment.name, logoDataUrl: opts.logoDataUrl ?? null, header: establishment.header, footer: establishment.footer } : undefined,
    lines: s.lines.map((l) => ({
      kind: l.kind,
      reference: l.reference,
      description: l.description,
      quantity: l.quantity,
      unit: l.unit,
      unitPrice: l.unitPrice,
      discountPercent: l.discountPercent,
      vatRate: l.vatRate,
      vatCategory: l.vatCategory,
      net: l.net,
    })),
    totals: s.totals,
    schedule: s.schedule,
    operationCategory: s.legal.operationCategory,
    legal: {
      latePenaltyText: s.legal.latePenaltyText,
      earlyPaymentText: s.legal.earlyPaymentText,
      earlyPaymentDiscount: s.earlyPaymentDiscount ?? null,
      vatOnDebits: s.legal.vatOnDebits,
      precedingInvoiceNumber: s.legal.precedingInvoice?.number ?? null,
      precedingInvoiceDate: s.legal.precedingInvoice?.date ?? null,
    },
    termsOfSale: s.termsOfSale,
    specialTerms: s.specialTerms,
    paymentMethod: s.paymentMethod,
    options: opts.options,
  };
}
