import { computeTotals, type DocumentInput, type OtherTaxInput } from '@comptoir/billing-engine';
import type { EInvoiceSnapshotSection } from '../completeness/einvoice-section';
import type { SealedLine, SealedSnapshot } from './sealed-snapshot';

type LineOver = Partial<SealedLine> & Pick<SealedLine, 'quantity' | 'unitPrice' | 'vatRate'> & { otherTaxes?: OtherTaxInput[] };

/**
 * A sealed snapshot as billing's buildSnapshot writes it (with the `einvoice` section), its totals
 * computed by the real engine from `lines`, general discount and shipping, so the fixtures stay
 * consistent whatever they vary.
 */
export function sealedSnapshot(opts: {
  lines: LineOver[];
  kind?: SealedSnapshot['kind'];
  generalDiscount?: DocumentInput['generalDiscount'];
  shipping?: DocumentInput['shipping'];
  over?: Partial<SealedSnapshot>;
  einvoice?: Partial<EInvoiceSnapshotSection>;
}): Record<string, unknown> {
  const lines: SealedLine[] = opts.lines.map((line) => ({
    kind: 'item',
    reference: null,
    description: 'Prestation',
    unit: null,
    discountPercent: null,
    vatCategory: 'S',
    vatExemptionReason: null,
    net: '0.00',
    depositInvoiceId: null,
    ...line,
  }));
  const totals = computeTotals({
    lines: opts.lines.map((line, i) => ({ ...line, vatCategory: lines[i]!.vatCategory, kind: 'item' as const, depositDeduction: lines[i]!.depositInvoiceId !== null })),
    generalDiscount: opts.generalDiscount ?? null,
    shipping: opts.shipping ?? null,
  });
  totals.lines.forEach((computed, i) => (lines[i]!.net = computed.net));
  const snapshot: SealedSnapshot = {
    id: '7d1f0c4e-0000-4000-8000-000000000001',
    kind: opts.kind ?? 'invoice',
    number: 'F-2026-000042',
    date: '2026-11-24',
    dueDate: '2026-12-24',
    deliveryDate: null,
    currency: 'EUR',
    seller: {
      name: 'Atelier Dupont',
      legalForm: 'SAS',
      shareCapital: '10000.00',
      siren: '732829320',
      rcs: 'Paris',
      address: { line1: '12 rue de la Paix', postalCode: '75002', city: 'Paris', country: 'FR' },
      establishment: { siret: '73282932000074' },
    },
    buyer: {
      name: 'Boulangerie Martin',
      siren: '552100554',
      siret: '55210055400013',
      email: 'compta@martin.test',
      phone: '04 72 00 00 00',
      address: { line1: '3 rue des Lilas', postalCode: '69003', city: 'Lyon', country: 'FR' },
      contact: { name: 'Mme Anne Martin', email: null },
    },
    deliveryAddress: null,
    deliveryAttention: null,
    lines,
    totals,
    schedule: [{ index: 0, dueDate: '2026-12-24', percent: '100', amount: totals.due, kind: 'payment' }],
    earlyPaymentDiscount: null,
    legal: { vatOnDebits: false },
    einvoice: {
      version: 1,
      inScope: true,
      flow: 'B2B',
      billingMode: 'S1',
      profile: 'EN16931',
      seller: { electronicAddress: { value: '732829320', scheme: '0225' }, vatNumber: 'FR44732829320', country: 'FR' },
      buyer: { electronicAddress: { value: '552100554', scheme: '0225' }, vatNumber: 'FR12552100554', country: 'FR' },
      paymentMeans: [
        { code: '58', text: 'Virement SEPA', remittance: 'F-2026-000042', creditTransfer: { iban: 'FR7630006000011234567890189', accountName: 'Atelier Dupont', bic: 'AGRIFRPP' }, directDebit: null },
      ],
      notes: { PMD: 'Pénalités de retard : 3 fois le taux légal', PMT: 'Indemnité forfaitaire pour frais de recouvrement : 40 €', AAB: "Pas d'escompte pour paiement anticipé", TXD: null },
      precedingInvoices: [],
      warnings: [],
      ...opts.einvoice,
    },
    ...opts.over,
  };
  return JSON.parse(JSON.stringify(snapshot)) as Record<string, unknown>;
}
