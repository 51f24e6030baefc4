import { writeCii, writeUbl } from '@comptoir/documents';
import { STANDARDS_DIR, standardsFile, standardsSuiteTitle } from '@comptoir/platform/standards';
import { toEInvoice } from '../mapping/to-einvoice';
import { sealedSnapshot } from '../mapping/sealed-snapshot.fixtures';
import { EInvoiceValidator } from './einvoice-validator';
import { ValidationReport } from './validation-report';

type Case = Parameters<typeof sealedSnapshot>[0];

const standard = { quantity: '2', unitPrice: '150.00', vatRate: '20.00' };
const frenchSeller = { electronicAddress: { value: '732829320', scheme: '0225' }, vatNumber: 'FR44732829320', country: 'FR' };
const franchiseSeller = { ...frenchSeller, vatNumber: null };
const belgianBuyer = { electronicAddress: { value: '0123456749', scheme: '0208' }, vatNumber: 'BE0123456749', country: 'BE' };
const person = { electronicAddress: null, vatNumber: null, country: 'FR' };
const intraEu = { ...belgianBuyer, vatNumber: 'BE0123456749' };

/**
 * Snapshots as billing seals them, mapped by toEInvoice and written by the real writers: every VAT case,
 * discounts and charges, deposits, final invoices and credit notes, several rates, the three flows and
 * both profiles. Each must pass every check of its set with 0 fatal assertions.
 */
const CORPUS: Record<string, Case> = {
  'standard rate, one line': { lines: [standard] },
  'three rates with line discounts and units': {
    lines: [
      { quantity: '3.0000', unit: 'hour', unitPrice: '45.0000', discountPercent: '10.00', vatRate: '20.00' },
      { quantity: '1.0000', unit: 'piece', unitPrice: '33.3300', discountPercent: '12.50', vatRate: '10.00' },
      { quantity: '2.0000', unitPrice: '5.0000', vatRate: '5.50' },
    ],
    einvoice: { billingMode: 'M1' },
  },
  'general discount, shipping and an other tax': {
    lines: [
      { quantity: '1', unitPrice: '200', vatRate: '20.00', otherTaxes: [{ label: 'Éco-participation', mode: 'fixed', value: '2.00', vatRate: '20.00' }] },
      { quantity: '1', unitPrice: '100', vatRate: '5.50' },
    ],
    generalDiscount: { mode: 'percent', base: 'net', value: '10' },
    shipping: { amount: '12.00', vatRate: '20.00' },
    einvoice: { billingMode: 'B1' },
  },
  'VAT franchise (293 B), seller without VAT number': {
    lines: [{ quantity: '1', unitPrice: '100', vatRate: '0.00', vatCategory: 'E', vatExemptionReason: 'TVA non applicable, art. 293 B du CGI' }],
    einvoice: { seller: franchiseSeller },
  },
  'exempt (261-4-4°)': { lines: [{ quantity: '1', unitPrice: '100', vatRate: '0.00', vatCategory: 'E', vatExemptionReason: 'Exonération de TVA, article 261-4-4° du CGI' }] },
  'reverse charge (AE)': { lines: [{ quantity: '1', unitPrice: '100', vatRate: '0.00', vatCategory: 'AE' }] },
  'zero rated (Z) beside a standard rate': { lines: [standard, { quantity: '1', unitPrice: '40', vatRate: '0.00', vatCategory: 'Z' }] },
  'VAT on debits': { lines: [standard], over: { legal: { vatOnDebits: true } } },
  'deposit invoice': { lines: [{ quantity: '1', unitPrice: '300.00', vatRate: '20.00' }], kind: 'deposit' },
  'final invoice deducting a deposit': {
    lines: [
      { quantity: '1.0000', unitPrice: '1000.0000', vatRate: '20.00' },
      { quantity: '-1.0000', unitPrice: '300.0000', vatRate: '20.00', description: 'Acompte n° FA-3 du 01/10/2026', depositInvoiceId: 'dep-1' },
    ],
    einvoice: { billingMode: 'S4', precedingInvoices: [{ id: 'dep-1', number: 'FA-3', issueDate: '2026-10-01' }] },
  },
  'credit note': { lines: [standard], kind: 'credit_note', einvoice: { precedingInvoices: [{ id: 'i', number: 'F-2026-000041', issueDate: '2026-11-01' }] } },
  'delivery date and address': { lines: [standard], over: { deliveryDate: '2026-11-20', deliveryAddress: { line1: 'Chantier', postalCode: '69007', city: 'Lyon', country: 'FR' } } },
  'B2C (e-reporting)': { lines: [standard], einvoice: { flow: 'B2C', inScope: false, buyer: person, notes: { PMD: 'Pénalités de retard : 3 fois le taux légal', PMT: null, AAB: "Pas d'escompte pour paiement anticipé", TXD: null } } },
  'intra-EU supply of goods (K), B2BINT': {
    lines: [{ quantity: '1', unitPrice: '100', vatRate: '0.00', vatCategory: 'K' }],
    over: { deliveryDate: '2026-11-20' },
    einvoice: { flow: 'B2BINT', inScope: false, buyer: intraEu, billingMode: 'B1' },
  },
  'export outside the EU (G), B2BINT': {
    lines: [{ quantity: '1', unitPrice: '100', vatRate: '0.00', vatCategory: 'G', vatExemptionReason: 'Export hors UE' }],
    einvoice: { flow: 'B2BINT', inScope: false, buyer: { electronicAddress: null, vatNumber: null, country: 'CH' }, billingMode: 'B1' },
  },
  'EXTENDED-CTC-FR profile': { lines: [standard], einvoice: { profile: 'EXTENDED-CTC-FR' } },
};

const fatal = (report: ValidationReport) => report.checks.flatMap((c) => c.issues.filter((i) => i.flag === 'fatal').map((i) => `${c.name}: ${i.id} ${i.message}`));
const present = standardsFile('en16931-cii', 'xslt', 'EN16931-CII-validation.xslt');

(present ? describe : describe.skip)(standardsSuiteTitle('Generated e-invoices against the official XSDs and schematrons', present, 'en16931-cii', 'xslt', 'EN16931-CII-validation.xslt'), () => {
  const validator = new EInvoiceValidator(STANDARDS_DIR);
  // A cold SEF cache compiles the schematrons first (in parallel child processes).
  beforeAll(async () => {
    const invoice = toEInvoice(sealedSnapshot({ lines: [standard] }));
    await validator.validate(writeCii(invoice), { syntax: 'cii', profile: 'EN16931', frenchRules: true });
    await validator.validate(writeCii({ ...invoice, profile: 'EXTENDED-CTC-FR' }), { syntax: 'cii', profile: 'EXTENDED-CTC-FR', frenchRules: true });
    await validator.validate(writeUbl(invoice), { syntax: 'ubl', profile: 'EN16931', frenchRules: false });
  }, 240_000);

  it.each(Object.entries(CORPUS))('%s: CII (BR-FR for B2B) and UBL with 0 fatal assertions', async (_name, input) => {
    const invoice = toEInvoice(sealedSnapshot(input));
    const cii = await validator.validate(writeCii(invoice), { syntax: 'cii', profile: invoice.profile, frenchRules: invoice.flow === 'B2B' });
    const ubl = await validator.validate(writeUbl(invoice), { syntax: 'ubl', profile: 'EN16931', frenchRules: false });
    expect({ cii: fatal(cii), ubl: fatal(ubl) }).toEqual({ cii: [], ubl: [] });
    expect(cii.checks.length).toBe(invoice.profile === 'EXTENDED-CTC-FR' ? 2 + Number(invoice.flow === 'B2B') : 3 + Number(invoice.flow === 'B2B'));
  });
});
