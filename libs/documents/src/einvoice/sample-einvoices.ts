import type { EInvoice, EInvoiceLine, EInvoiceTotals, EInvoiceVatBreakdown } from './einvoice.model';

/**
 * Hand-built e-invoices, one set for both writers (CII and UBL), the schematron tests and the
 * e-invoicing bench: a standard multi-rate invoice (line discount with its gross price, a line
 * allowance, a document allowance and a charge, a delivery place), a credit note, a deposit invoice, a
 * final invoice deducting two deposits, a corrective invoice, and one document per VAT exemption case
 * (293 B franchise, reverse charge, intra-EU with SEPA direct debit, export, not subject). EXTENDED-CTC-FR
 * is any of them with `profile` changed: the documents are the same, only the CII says more.
 * Totals are consistent (BR-CO-10…17, BR-S-08…). Not used by production code paths.
 */
const SAMPLES = {
  standard: standardInvoice,
  creditNote,
  deposit: depositInvoice,
  finalAfterDeposits: finalInvoiceAfterDeposits,
  corrective: correctiveInvoice,
  franchise: franchiseInvoice,
  reverseCharge: reverseChargeInvoice,
  intraEuDirectDebit: intraEuDirectDebitInvoice,
  export: exportInvoice,
  notSubject: notSubjectInvoice,
} satisfies Record<string, () => EInvoice>;

export type SampleEInvoiceName = keyof typeof SAMPLES;

/** A new invoice each call, so a test may reassign its fields; the parties and notes inside are shared constants: replace them, do not mutate them. */
export function sampleEInvoice(name: SampleEInvoiceName): EInvoice {
  return SAMPLES[name]();
}

/** Every sample by name, each built anew as by `sampleEInvoice`. */
export function sampleEInvoices(): Record<SampleEInvoiceName, EInvoice> {
  return Object.fromEntries(Object.entries(SAMPLES).map(([name, build]) => [name, build()])) as Record<SampleEInvoiceName, EInvoice>;
}

function line(over: Partial<EInvoiceLine>): EInvoiceLine {
  return {
    id: '1',
    note: null,
    referencedDocument: null,
    quantity: '1.0000',
    unitCode: 'C62',
    netAmount: '0.00',
    netPrice: '0.0000',
    grossPrice: null,
    priceDiscount: null,
    allowances: [],
    vatCategory: 'S',
    vatRate: '20.00',
    name: 'Prestation',
    description: null,
    sellerItemId: null,
    period: null,
    ...over,
  };
}

function breakdown(category: EInvoiceVatBreakdown['category'], rate: string, taxableAmount: string, taxAmount: string, exemption: [code: string, reason: string] | null = null): EInvoiceVatBreakdown {
  return { category, rate, taxableAmount, taxAmount, exemptionReasonCode: exemption?.[0] ?? null, exemptionReason: exemption?.[1] ?? null, dueDateTypeCode: null };
}

/** Totals of a document without document-level allowances, charges, prepayment or rounding. */
function plainTotals(lineNetTotal: string, vatTotal: string, grossTotal: string): EInvoiceTotals {
  return { lineNetTotal, allowanceTotal: '0.00', chargeTotal: '0.00', netTotal: lineNetTotal, vatTotal, grossTotal, prepaid: '0.00', rounding: '0.00', due: grossTotal };
}

const SELLER: EInvoice['seller'] = {
  name: 'Menuiserie Lambert SARL',
  tradingName: 'Lambert Bois',
  legalId: { value: '443061841', scheme: '0002' },
  identifiers: [{ value: '44306184100013', scheme: '0009' }],
  vatNumber: 'FR64443061841',
  electronicAddress: { value: '443061841', scheme: '0225' },
  address: { line1: '8 avenue des Tilleuls', line2: 'ZA du Moulin', city: 'Nantes', postalCode: '44000', country: 'FR' },
  contact: { name: 'Paul Lambert', phone: '02 40 00 00 00', email: 'compta@lambert-bois.test' },
  legalInfo: 'SARL au capital de 20 000 € – RCS Nantes 443 061 841',
};

const BUYER: EInvoice['buyer'] = {
  name: 'Hôtel des Voyageurs SAS',
  tradingName: null,
  legalId: { value: '552081317', scheme: '0002' },
  identifiers: [{ value: '55208131700018', scheme: '0009' }],
  vatNumber: 'FR03552081317',
  electronicAddress: { value: '552081317', scheme: '0225' },
  address: { line1: '1 place du Marché', line2: null, city: 'Angers', postalCode: '49000', country: 'FR' },
  contact: { name: 'Service comptabilité', phone: null, email: 'factures@hotel-voyageurs.test' },
};

const TRANSFER: EInvoice['paymentMeans'][number] = {
  code: '58',
  text: 'Virement SEPA',
  remittance: 'F-2026-000101',
  creditTransfer: { iban: 'FR7630006000011234567890189', accountName: 'Menuiserie Lambert SARL', bic: 'AGRIFRPP' },
  directDebit: null,
};

const FRENCH_NOTES: EInvoice['notes'] = [
  { subject: 'PMD', text: 'Pénalités de retard : trois fois le taux d’intérêt légal.' },
  { subject: 'PMT', text: 'Indemnité forfaitaire pour frais de recouvrement : 40 €.' },
  { subject: 'AAB', text: 'Pas d’escompte pour paiement anticipé.' },
];

/** 20 %, 5.5 % and 10 % lines; 5 % off the 20 % goods and a travel charge at 20 %. */
function standardInvoice(): EInvoice {
  return {
    number: 'F-2026-000101',
    issueDate: '2026-11-24',
    typeCode: '380',
    currency: 'EUR',
    dueDate: '2026-12-24',
    vatPointDate: null,
    vatOnDebits: false,
    buyerReference: 'Chantier 17',
    purchaseOrderReference: 'BC-2026-118',
    billingMode: 'M1',
    profile: 'EN16931',
    flow: 'B2B',
    notes: [...FRENCH_NOTES, { subject: null, text: 'Merci de votre confiance.' }],
    precedingInvoices: [],
    seller: SELLER,
    buyer: BUYER,
    delivery: { date: '2026-11-20', address: { line1: '1 place du Marché', line2: 'Entrée de service', city: 'Angers', postalCode: '49000', country: 'FR' }, partyName: 'Hôtel des Voyageurs' },
    period: { start: '2026-11-01', end: '2026-11-20' },
    paymentMeans: [TRANSFER],
    paymentTermsText: 'Paiement à 30 jours fin de mois',
    allowances: [{ amount: '18.00', baseAmount: '360.00', percent: '5.00', vatCategory: 'S', vatRate: '20.00', reason: 'Remise fidélité', reasonCode: '95' }],
    charges: [{ amount: '30.00', baseAmount: null, percent: null, vatCategory: 'S', vatRate: '20.00', reason: 'Déplacement', reasonCode: 'FC' }],
    totals: { lineNetTotal: '772.00', allowanceTotal: '18.00', chargeTotal: '30.00', netTotal: '784.00', vatTotal: '104.35', grossTotal: '888.35', prepaid: '0.00', rounding: '0.00', due: '888.35' },
    vatBreakdown: [
      // 360 − 18 + 30 = 372.00 at 20 %; 250 at 5.5 %; 180 − 18 = 162.00 at 10 %.
      breakdown('S', '20.00', '372.00', '74.40'),
      breakdown('S', '5.50', '250.00', '13.75'),
      breakdown('S', '10.00', '162.00', '16.20'),
    ],
    lines: [
      // 20 % off the gross price: 150 − 30 = 120 per unit.
      line({ id: '1', quantity: '3.0000', netPrice: '120.0000', grossPrice: '150.0000', priceDiscount: '30.0000', netAmount: '360.00', name: 'Porte intérieure chêne', description: 'Porte « Atelier » 83 × 204 & quincaillerie', sellerItemId: 'PORTE-83' }),
      line({ id: '2', quantity: '10.0000', unitCode: 'MTK', netPrice: '25.0000', netAmount: '250.00', vatRate: '5.50', name: 'Isolation des combles', note: 'Logement de plus de deux ans' }),
      line({
        id: '3',
        quantity: '4.0000',
        unitCode: 'HUR',
        netPrice: '45.0000',
        netAmount: '162.00',
        vatRate: '10.00',
        name: 'Main-d’œuvre pose',
        allowances: [{ amount: '18.00', baseAmount: '180.00', percent: '10.00', reason: 'Remise chantier', reasonCode: '95' }],
        period: { start: '2026-11-18', end: '2026-11-20' },
      }),
    ],
  };
}

/** Credits 4 m² of the insulation line; it has a due date, which a CreditNote-2 carries on its payment means. */
function creditNote(): EInvoice {
  return {
    ...standardInvoice(),
    number: 'A-2026-000012',
    typeCode: '381',
    billingMode: 'S1',
    buyerReference: null,
    purchaseOrderReference: null,
    notes: FRENCH_NOTES,
    precedingInvoices: [{ number: 'F-2026-000101', issueDate: '2026-11-24' }],
    delivery: null,
    period: null,
    paymentTermsText: null,
    allowances: [],
    charges: [],
    totals: plainTotals('100.00', '5.50', '105.50'),
    vatBreakdown: [breakdown('S', '5.50', '100.00', '5.50')],
    lines: [line({ quantity: '4.0000', unitCode: 'MTK', netPrice: '25.0000', netAmount: '100.00', vatRate: '5.50', name: 'Isolation des combles (surface non posée)' })],
  };
}

function depositInvoice(): EInvoice {
  return {
    ...standardInvoice(),
    number: 'FA-2026-000003',
    typeCode: '386',
    billingMode: 'S1',
    issueDate: '2026-10-01',
    dueDate: '2026-10-15',
    delivery: null,
    period: null,
    allowances: [],
    charges: [],
    totals: plainTotals('300.00', '60.00', '360.00'),
    vatBreakdown: [breakdown('S', '20.00', '300.00', '60.00')],
    lines: [line({ netPrice: '300.0000', netAmount: '300.00', name: 'Acompte de 30 % sur le devis D-2026-0042' })],
  };
}

/** Deducts two deposit invoices with negative lines that refer to them (BT-128) and lists them as preceding invoices (BG-3). */
function finalInvoiceAfterDeposits(): EInvoice {
  const deduction = (id: string, deposit: EInvoice['precedingInvoices'][number], amount: string): EInvoiceLine =>
    line({ id, quantity: '-1.0000', netPrice: `${amount}00`, netAmount: `-${amount}`, name: `Acompte ${deposit.number}`, referencedDocument: { ...deposit, typeCode: '386' } });
  const deposits = [
    { number: 'FA-2026-000003', issueDate: '2026-10-01' },
    { number: 'FA-2026-000005', issueDate: '2026-10-20' },
  ] as const;
  return {
    ...standardInvoice(),
    number: 'F-2026-000130',
    billingMode: 'S4',
    precedingInvoices: [...deposits],
    allowances: [],
    charges: [],
    totals: plainTotals('500.00', '100.00', '600.00'),
    vatBreakdown: [breakdown('S', '20.00', '500.00', '100.00')],
    lines: [
      line({ quantity: '10.0000', unitCode: 'HUR', netPrice: '100.0000', netAmount: '1000.00', name: 'Agencement sur mesure' }),
      deduction('2', deposits[0], '300.00'),
      deduction('3', deposits[1], '200.00'),
    ],
  };
}

/** 384: replaces an invoice issued with a wrong quantity, with part of it already paid (BT-113) and a rounding (BT-114). */
function correctiveInvoice(): EInvoice {
  return {
    ...depositInvoice(),
    number: 'F-2026-000131',
    typeCode: '384',
    issueDate: '2026-11-24',
    dueDate: '2026-12-24',
    precedingInvoices: [{ number: 'F-2026-000101', issueDate: '2026-11-24' }],
    totals: { ...plainTotals('300.00', '60.00', '360.00'), prepaid: '100.00', rounding: '0.01', due: '260.01' },
    lines: [line({ netPrice: '300.0000', netAmount: '300.00', name: 'Agencement (quantité corrigée)' })],
  };
}

/** A seller under the 293 B franchise: no VAT number, its tax registration (BT-32) instead (BR-E-02). */
function franchiseInvoice(): EInvoice {
  const exemption: [string, string] = ['VATEX-FR-FRANCHISE', 'TVA non applicable, art. 293 B du CGI'];
  return {
    ...depositInvoice(),
    number: 'F-2026-000140',
    typeCode: '380',
    billingMode: 'S1',
    seller: { ...SELLER, vatNumber: null, taxRegistration: '443061841' },
    notes: [...FRENCH_NOTES, { subject: 'TXD', text: exemption[1] }],
    vatBreakdown: [breakdown('E', '0.00', '300.00', '0.00', exemption)],
    totals: plainTotals('300.00', '0.00', '300.00'),
    lines: [line({ netPrice: '300.0000', netAmount: '300.00', vatCategory: 'E', vatRate: '0.00', name: 'Conseil en aménagement' })],
  };
}

/** Domestic reverse charge (construction subcontracting, art. 283-2 nonies CGI). */
function reverseChargeInvoice(): EInvoice {
  return {
    ...franchiseInvoice(),
    number: 'F-2026-000141',
    seller: SELLER,
    notes: [...FRENCH_NOTES, { subject: 'TXD', text: 'Autoliquidation' }],
    vatBreakdown: [breakdown('AE', '0.00', '300.00', '0.00', ['VATEX-EU-AE', 'Autoliquidation'])],
    lines: [line({ netPrice: '300.0000', netAmount: '300.00', vatCategory: 'AE', vatRate: '0.00', name: 'Pose de menuiseries (sous-traitance)' })],
  };
}

const BERLIN: EInvoice['buyer']['address'] = { line1: 'Hauptstraße 5', line2: null, city: 'Berlin', postalCode: '10115', country: 'DE' };

/** Goods to a German business, paid by SEPA direct debit; delivered to its own address, which an intra-EU supply states (BR-IC-12). */
function intraEuDirectDebitInvoice(): EInvoice {
  return {
    ...reverseChargeInvoice(),
    number: 'F-2026-000142',
    billingMode: 'B1',
    flow: 'B2BINT',
    buyer: {
      ...BUYER,
      name: 'Holzbau Müller GmbH',
      legalId: null,
      identifiers: [],
      vatNumber: 'DE123456789',
      electronicAddress: { value: 'rechnung@holzbau-mueller.test', scheme: 'EM' },
      address: BERLIN,
    },
    delivery: { date: '2026-11-20', address: BERLIN, partyName: 'Holzbau Müller GmbH' },
    paymentMeans: [{ code: '59', text: 'Prélèvement SEPA', remittance: 'F-2026-000142', creditTransfer: null, directDebit: { mandateReference: 'RUM-2026-0007', creditorId: 'FR72ZZZ123456', debitedIban: 'DE89370400440532013000' } }],
    notes: FRENCH_NOTES,
    vatBreakdown: [breakdown('K', '0.00', '300.00', '0.00', ['VATEX-EU-IC', 'Exonération de TVA, article 262 ter I du CGI'])],
    lines: [line({ quantity: '2.5000', unitCode: 'KGM', netPrice: '120.0000', netAmount: '300.00', vatCategory: 'K', vatRate: '0.00', name: 'Placage chêne' })],
  };
}

/** Goods to a Swiss business, which has no EU VAT number nor routing address. */
function exportInvoice(): EInvoice {
  return {
    ...reverseChargeInvoice(),
    number: 'F-2026-000143',
    billingMode: 'B1',
    flow: 'B2BINT',
    buyer: { ...BUYER, name: 'Schreinerei Keller AG', legalId: null, identifiers: [], vatNumber: null, electronicAddress: null, address: { line1: 'Bahnhofstrasse 10', line2: null, city: 'Zürich', postalCode: '8001', country: 'CH' } },
    notes: FRENCH_NOTES,
    vatBreakdown: [breakdown('G', '0.00', '300.00', '0.00', ['VATEX-EU-G', 'Exonération de TVA, article 262 I du CGI'])],
    lines: [line({ netPrice: '300.0000', netAmount: '300.00', vatCategory: 'G', vatRate: '0.00', name: 'Escalier en kit' })],
  };
}

/** Outside the scope of VAT (O): EN 16931 then wants no VAT number on either side (BR-O-02) and no rate (BR-O-05). */
function notSubjectInvoice(): EInvoice {
  return {
    ...franchiseInvoice(),
    number: 'F-2026-000144',
    buyer: { ...BUYER, vatNumber: null },
    notes: FRENCH_NOTES,
    vatBreakdown: [breakdown('O', '0.00', '300.00', '0.00', ['VATEX-EU-O', 'Non soumis à la TVA'])],
    lines: [line({ netPrice: '300.0000', netAmount: '300.00', vatCategory: 'O', vatRate: '0.00', name: 'Débours : frais de dossier' })],
  };
}
