import type { EInvoice, EInvoiceLine } from '../einvoice.model';

/**
 * Hand-built e-invoices for the writers' unit tests: one B2B domestic invoice with what EN 16931 can
 * carry (two rates, a discounted line with its gross price, a general discount per rate, shipping, a
 * credit transfer, the French notes) and variants of it. Totals are consistent (BR-CO-10…16).
 */
export function sampleLine(over: Partial<EInvoiceLine> = {}): EInvoiceLine {
  return {
    id: '1',
    note: null,
    referencedDocument: null,
    quantity: '2.0000',
    unitCode: 'HUR',
    netAmount: '200.00',
    netPrice: '100.0000',
    grossPrice: null,
    priceDiscount: null,
    allowances: [],
    vatCategory: 'S',
    vatRate: '20.00',
    name: 'Développement',
    description: 'Intégration « sur mesure » & tests',
    sellerItemId: 'DEV-01',
    period: null,
    ...over,
  };
}

export function sampleInvoice(over: Partial<EInvoice> = {}): EInvoice {
  return {
    number: 'F-2026-000042',
    issueDate: '2026-11-24',
    typeCode: '380',
    currency: 'EUR',
    dueDate: '2026-12-24',
    vatPointDate: null,
    vatOnDebits: false,
    buyerReference: null,
    purchaseOrderReference: 'BC-778',
    billingMode: 'M1',
    profile: 'EN16931',
    flow: 'B2B',
    notes: [
      { subject: 'PMD', text: 'Pénalités de retard : trois fois le taux d’intérêt légal.' },
      { subject: 'PMT', text: 'Indemnité forfaitaire pour frais de recouvrement : 40 €.' },
      { subject: 'AAB', text: 'Pas d’escompte pour paiement anticipé.' },
    ],
    precedingInvoices: [],
    seller: {
      name: 'Atelier Dupont SAS',
      tradingName: null,
      legalId: { value: '732829320', scheme: '0002' },
      identifiers: [{ value: '73282932000074', scheme: '0009' }],
      vatNumber: 'FR44732829320',
      electronicAddress: { value: '732829320', scheme: '0225' },
      address: { line1: '12 rue de la Paix', line2: null, city: 'Paris', postalCode: '75002', country: 'FR' },
      contact: { name: 'Claire Dupont', phone: '01 02 03 04 05', email: 'claire@atelier.test' },
      legalInfo: 'SAS au capital de 10 000 € – RCS Paris 732 829 320',
    },
    buyer: {
      name: 'Boulangerie Martin',
      tradingName: null,
      legalId: { value: '552100554', scheme: '0002' },
      identifiers: [],
      vatNumber: 'FR12552100554',
      electronicAddress: { value: '552100554', scheme: '0225' },
      address: { line1: '3 rue des Lilas', line2: 'Bâtiment B', city: 'Lyon', postalCode: '69003', country: 'FR' },
      contact: null,
    },
    delivery: { date: '2026-11-20', address: null, partyName: null },
    period: null,
    paymentMeans: [
      {
        code: '58',
        text: 'Virement SEPA',
        remittance: 'F-2026-000042',
        creditTransfer: { iban: 'FR7630006000011234567890189', accountName: 'Atelier Dupont SAS', bic: 'AGRIFRPP' },
        directDebit: null,
      },
    ],
    paymentTermsText: 'Paiement à 30 jours',
    allowances: [
      { amount: '17.00', baseAmount: '340.00', percent: '5.00', vatCategory: 'S', vatRate: '20.00', reason: 'Remise', reasonCode: '95' },
      { amount: '2.50', baseAmount: '50.00', percent: '5.00', vatCategory: 'S', vatRate: '10.00', reason: 'Remise', reasonCode: '95' },
    ],
    charges: [{ amount: '15.00', baseAmount: null, percent: null, vatCategory: 'S', vatRate: '20.00', reason: 'Frais de port', reasonCode: 'FC' }],
    totals: {
      lineNetTotal: '390.00',
      allowanceTotal: '19.50',
      chargeTotal: '15.00',
      netTotal: '385.50',
      vatTotal: '72.35',
      grossTotal: '457.85',
      prepaid: '0.00',
      rounding: '0.00',
      due: '457.85',
    },
    vatBreakdown: [
      // 20 %: 200 + 140 − 17 + 15 = 338.00 → 67.60; 10 %: 50 − 2.50 = 47.50 → 4.75.
      { category: 'S', rate: '20.00', taxableAmount: '338.00', taxAmount: '67.60', exemptionReason: null, exemptionReasonCode: null, dueDateTypeCode: null },
      { category: 'S', rate: '10.00', taxableAmount: '47.50', taxAmount: '4.75', exemptionReason: null, exemptionReasonCode: null, dueDateTypeCode: null },
    ],
    lines: [
      sampleLine(),
      // A 30 % line discount: gross 50, 15 off per unit, net 35 × 4 = 140.
      sampleLine({ id: '2', quantity: '4.0000', unitCode: 'C62', netPrice: '35.0000', grossPrice: '50.0000', priceDiscount: '15.0000', netAmount: '140.00', name: 'Étagère', description: null, sellerItemId: null }),
      sampleLine({ id: '3', quantity: '1.0000', unitCode: 'C62', netPrice: '50.0000', netAmount: '50.00', vatRate: '10.00', name: 'Livre', description: null, sellerItemId: null }),
    ],
    ...over,
  };
}

/** A company under the 293 B franchise (no VAT number: tax registration FC instead), one exempt line. */
export function franchiseInvoice(): EInvoice {
  const base = sampleInvoice();
  return sampleInvoice({
    billingMode: 'S1',
    seller: { ...base.seller, vatNumber: null, taxRegistration: '732829320' },
    notes: [...base.notes, { subject: 'TXD', text: 'TVA non applicable, art. 293 B du CGI' }],
    allowances: [],
    charges: [],
    lines: [sampleLine({ vatCategory: 'E', vatRate: '0.00' })],
    totals: { lineNetTotal: '200.00', allowanceTotal: '0.00', chargeTotal: '0.00', netTotal: '200.00', vatTotal: '0.00', grossTotal: '200.00', prepaid: '0.00', rounding: '0.00', due: '200.00' },
    vatBreakdown: [
      { category: 'E', rate: '0.00', taxableAmount: '200.00', taxAmount: '0.00', exemptionReason: 'TVA non applicable, art. 293 B du CGI', exemptionReasonCode: 'VATEX-FR-FRANCHISE', dueDateTypeCode: null },
    ],
  });
}

/** A credit note (381, positive amounts) for one line of the sample invoice, referring to it (BG-3). */
export function creditNote(): EInvoice {
  return sampleInvoice({
    number: 'A-2026-000007',
    typeCode: '381',
    billingMode: 'S1',
    dueDate: null,
    paymentTermsText: null,
    precedingInvoices: [{ number: 'F-2026-000042', issueDate: '2026-11-24' }],
    allowances: [],
    charges: [],
    lines: [sampleLine()],
    totals: { lineNetTotal: '200.00', allowanceTotal: '0.00', chargeTotal: '0.00', netTotal: '200.00', vatTotal: '40.00', grossTotal: '240.00', prepaid: '0.00', rounding: '0.00', due: '240.00' },
    vatBreakdown: [{ category: 'S', rate: '20.00', taxableAmount: '200.00', taxAmount: '40.00', exemptionReason: null, exemptionReasonCode: null, dueDateTypeCode: null }],
  });
}

/** A final invoice (S4) deducting a 30 % deposit invoice: a negative-quantity line referring to it. */
export function finalInvoiceAfterDeposit(profile: EInvoice['profile'] = 'EN16931'): EInvoice {
  return sampleInvoice({
    profile,
    billingMode: 'S4',
    precedingInvoices: [{ number: 'FA-2026-000003', issueDate: '2026-10-01' }],
    allowances: [],
    charges: [],
    lines: [
      sampleLine({ quantity: '10.0000', netAmount: '1000.00' }),
      sampleLine({
        id: '2',
        quantity: '-1.0000',
        unitCode: 'C62',
        netPrice: '300.0000',
        netAmount: '-300.00',
        name: 'Acompte FA-2026-000003',
        description: null,
        sellerItemId: null,
        referencedDocument: { number: 'FA-2026-000003', issueDate: '2026-10-01', typeCode: '386' },
      }),
    ],
    totals: { lineNetTotal: '700.00', allowanceTotal: '0.00', chargeTotal: '0.00', netTotal: '700.00', vatTotal: '140.00', grossTotal: '840.00', prepaid: '0.00', rounding: '0.00', due: '840.00' },
    vatBreakdown: [{ category: 'S', rate: '20.00', taxableAmount: '700.00', taxAmount: '140.00', exemptionReason: null, exemptionReasonCode: null, dueDateTypeCode: null }],
  });
}

/** Intra-EU supply of goods (K) to a German business paying by SEPA direct debit, VAT on debits. */
export function intraEuDirectDebitInvoice(): EInvoice {
  const base = sampleInvoice();
  return sampleInvoice({
    billingMode: 'B1',
    flow: 'B2BINT',
    buyer: {
      ...base.buyer,
      name: 'Bäckerei Müller GmbH',
      legalId: null,
      vatNumber: 'DE123456789',
      electronicAddress: { value: 'einkauf@mueller.test', scheme: 'EM' },
      address: { line1: 'Hauptstraße 5', line2: null, city: 'Berlin', postalCode: '10115', country: 'DE' },
    },
    delivery: { date: '2026-11-20', address: { line1: 'Lagerweg 1', line2: null, city: 'Berlin', postalCode: '10117', country: 'DE' }, partyName: 'Lager Müller' },
    paymentMeans: [
      { code: '59', text: 'Prélèvement SEPA', remittance: null, creditTransfer: null, directDebit: { mandateReference: 'RUM-2026-0001', creditorId: 'FR72ZZZ123456', debitedIban: 'DE89370400440532013000' } },
    ],
    allowances: [],
    charges: [],
    lines: [sampleLine({ vatCategory: 'K', vatRate: '0.00', unitCode: 'KGM', quantity: '2.5000', netPrice: '80.0000', netAmount: '200.00' })],
    totals: { lineNetTotal: '200.00', allowanceTotal: '0.00', chargeTotal: '0.00', netTotal: '200.00', vatTotal: '0.00', grossTotal: '200.00', prepaid: '0.00', rounding: '0.00', due: '200.00' },
    vatBreakdown: [
      { category: 'K', rate: '0.00', taxableAmount: '200.00', taxAmount: '0.00', exemptionReason: 'Exonération de TVA, article 262 ter I du CGI', exemptionReasonCode: 'VATEX-EU-IC', dueDateTypeCode: null },
    ],
  });
}
