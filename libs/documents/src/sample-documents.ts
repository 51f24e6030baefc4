import { PdfOptions, PrintableDocument, PrintableLine } from './printable-document';

/**
 * A realistic, internally consistent invoice (totals as @comptoir/billing-engine computes them: three VAT rates,
 * a 5 % discount on the gross total, shipping, a line under the franchise en base, a deposit already paid) for
 * tests, benchmarks and previews. Not used by production code paths.
 */
export const ALL_PDF_OPTIONS: PdfOptions = {
  showDiscountColumn: true,
  showUnitPrice: true,
  showProductCodes: true,
  showImages: true,
  showBarcodes: true,
  showTitle: true,
  showSeller: true,
  showDeliveryAddress: true,
  repeatTotalsOnEachPage: false,
  showDepositsAndPayments: true,
};

const FRANCHISE = 'TVA non applicable, art. 293 B du CGI';
const REDUCTION = (amount: string, vatRate: string, vatCategory: 'S' | 'E' = 'S') => ({ reason: 'Remise', amount, vatRate, vatCategory, percent: '5.00' });

export function sampleInvoice(overrides: Partial<PrintableDocument> = {}): PrintableDocument {
  return {
    kind: 'invoice',
    number: 'FA2026-00042',
    title: 'Accompagnement au lancement de la boutique',
    watermark: null,
    currency: 'EUR',
    date: '2026-11-23',
    dueDate: '2026-12-31',
    supplyDate: '2026-11-20',
    seller: {
      name: 'Atelier Comptoir',
      legalForm: 'SAS',
      shareCapital: '10000.00',
      address: { line1: '12 rue des Tanneurs', postalCode: '69002', city: 'Lyon', country: 'FR' },
      siren: '552100554',
      siret: '55210055400013',
      rcs: 'RCS Lyon 552 100 554',
      vatNumber: 'FR40552100554',
      email: 'facturation@atelier-comptoir.fr',
      phone: '04 72 00 00 00',
    },
    buyer: {
      name: 'Boulangerie Martin SARL',
      address: { line1: '3 place du Marché', line2: 'Bâtiment B', postalCode: '38000', city: 'Grenoble', country: 'FR' },
      siren: '732829320',
      vatNumber: 'FR83732829320',
      contactName: 'Mme Claire Martin',
    },
    buyerIsBusiness: true,
    deliveryAddress: { line1: 'Zone artisanale des Glairons', postalCode: '38400', city: "Saint-Martin-d'Hères", country: 'FR' },
    establishment: { name: 'Atelier Comptoir Lyon', header: 'Conseil et fournitures pour les commerces de proximité', footer: 'Atelier Comptoir – IBAN FR76 3000 4000 0100 0000 0000 000 – BIC BNPAFRPP' },
    lines: [
      { kind: 'item', reference: 'AUDIT-01', description: 'Audit de la boutique en ligne\nAnalyse du parcours client et recommandations', quantity: '1', unit: 'forfait', unitPrice: '800.00', vatRate: '20.00', vatCategory: 'S', net: '800.00' },
      { kind: 'item', reference: 'CART-450', description: 'Cartouches d’encre (lot de 4)', quantity: '3', unit: 'lot', unitPrice: '45.50', discountPercent: '10.00', vatRate: '20.00', vatCategory: 'S', net: '122.85', barcode: '4006381333931' },
      { kind: 'comment', description: 'Livraison en deux fois selon disponibilité.' },
      { kind: 'item', reference: 'REPAS-SEM', description: 'Repas du séminaire de lancement', quantity: '12', unit: 'couvert', unitPrice: '9.00', vatRate: '10.00', vatCategory: 'S', net: '108.00' },
      { kind: 'item', reference: 'LIV-COMPTA', description: 'Guide « La comptabilité du commerçant »', quantity: '2', unit: 'u', unitPrice: '24.90', vatRate: '5.50', vatCategory: 'S', net: '49.80' },
      { kind: 'item', reference: 'FORM-01', description: 'Formation à la caisse (formateur indépendant)', quantity: '1', unit: 'session', unitPrice: '153.85', vatRate: '0.00', vatCategory: 'E', net: '153.85' },
    ],
    totals: {
      lineNetTotal: '1234.50',
      allowances: [REDUCTION('46.14', '20.00'), REDUCTION('5.40', '10.00'), REDUCTION('2.49', '5.50'), REDUCTION('7.69', '0.00', 'E')],
      charges: [{ reason: 'Frais de port', amount: '15.00', vatRate: '20.00', vatCategory: 'S' }],
      net: '1187.78',
      vat: [
        { category: 'S', rate: '20.00', base: '891.71', amount: '178.34', exemptionReason: null },
        { category: 'S', rate: '10.00', base: '102.60', amount: '10.26', exemptionReason: null },
        { category: 'S', rate: '5.50', base: '47.31', amount: '2.60', exemptionReason: null },
        { category: 'E', rate: '0.00', base: '146.16', amount: '0.00', exemptionReason: FRANCHISE },
      ],
      vatTotal: '191.20',
      gross: '1378.98',
      prepaid: '300.00',
      due: '1078.98',
    },
    schedule: [
      { index: 0, dueDate: '2026-11-23', percent: '30.00', amount: '413.69', kind: 'deposit', method: 'Virement', label: 'Acompte à la commande' },
      { index: 1, dueDate: '2026-12-31', percent: '70.00', amount: '965.29', kind: 'payment', method: 'Virement', label: null },
    ],
    operationCategory: 'mixed',
    legal: {
      latePenaltyText: "Pénalités de retard : trois fois le taux d'intérêt légal",
      earlyPaymentText: '',
      vatOnDebits: false,
    },
    termsOfSale: 'Nos prix s’entendent hors taxes, départ Lyon.\nToute commande vaut acceptation des présentes conditions.',
    specialTerms: 'Installation comprise sur site.',
    paymentMethod: 'Virement bancaire',
    options: ALL_PDF_OPTIONS,
    ...overrides,
  };
}

/** `count` priced item lines (20 % VAT), e.g. to get a document of several pages. */
export function sampleLines(count: number): PrintableLine[] {
  return Array.from({ length: count }, (_, i) => ({
    kind: 'item' as const,
    reference: `REF-${String(i + 1).padStart(4, '0')}`,
    description: `Article de démonstration n° ${i + 1}`,
    quantity: '2',
    unit: 'u',
    unitPrice: '10.00',
    vatRate: '20.00',
    vatCategory: 'S' as const,
    net: '20.00',
  }));
}
