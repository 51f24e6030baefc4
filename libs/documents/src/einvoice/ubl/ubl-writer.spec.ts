import { create } from 'xmlbuilder2';
import { standardsFile, standardsSuiteTitle, validateAgainstXsd } from '@comptoir/platform/standards';
import { sampleEInvoice as sample, sampleEInvoices, type SampleEInvoiceName } from '../sample-einvoices';
import { writeUbl } from './ubl-writer';

type XmlObject = { [key: string]: XmlValue };
type XmlValue = string | XmlObject | XmlValue[];

/** The document as xmlbuilder2's object form: `{ 'cbc:ID': '…', 'cac:Party': {…} }`, repeated elements as arrays. */
function parse(xml: string): { root: string; doc: XmlObject } {
  const parsed = create(xml).end({ format: 'object' }) as XmlObject;
  const [root = ''] = Object.keys(parsed);
  return { root, doc: parsed[root] as XmlObject };
}

/** Every value at a slash-separated path of element names, flattening repetitions; `#` is an element's text when it has attributes. */
function at(node: XmlValue | undefined, path: string): XmlValue[] {
  const [head, ...rest] = path.split('/');
  const values = (Array.isArray(node) ? node : node === undefined ? [] : [node]).flatMap((n) => (typeof n === 'object' && !Array.isArray(n) && head ? toArray(n[head]) : []));
  return rest.length ? values.flatMap((v) => at(v, rest.join('/'))) : values;
}
const toArray = (value: XmlValue | undefined): XmlValue[] => (value === undefined ? [] : Array.isArray(value) ? value : [value]);
const texts = (node: XmlValue | undefined, path: string): string[] => at(node, path).map((v) => (typeof v === 'string' ? v : String((v as XmlObject)['#'])));
/** The element names directly under the root, in document order. */
const topLevelOrder = (xml: string): string[] => [...xml.matchAll(/^ {2}<([a-z]+:[A-Za-z]+)[\s>/]/gm)].map((m) => m[1] ?? '');

describe('writeUbl', () => {
  it('writes an Invoice-2 claiming EN 16931, with the billing mode as ProfileID and the dates, currency and references', () => {
    const { root, doc } = parse(writeUbl(sample('standard')));
    expect(root).toBe('Invoice');
    expect(doc['@xmlns']).toBe('urn:oasis:names:specification:ubl:schema:xsd:Invoice-2');
    expect(texts(doc, 'cbc:CustomizationID')).toEqual(['urn:cen.eu:en16931:2017']);
    expect(texts(doc, 'cbc:ProfileID')).toEqual(['M1']);
    expect(texts(doc, 'cbc:InvoiceTypeCode')).toEqual(['380']);
    expect(texts(doc, 'cbc:DueDate')).toEqual(['2026-12-24']);
    expect(texts(doc, 'cbc:BuyerReference')).toEqual(['Chantier 17']);
    expect(texts(doc, 'cac:OrderReference/cbc:ID')).toEqual(['BC-2026-118']);
    expect(texts(doc, 'cac:InvoicePeriod/cbc:StartDate')).toEqual(['2026-11-01']);
  });

  it('claims EN 16931 for an EXTENDED-CTC-FR invoice too: UBL has no extended flavour here, the CII carries it', () => {
    const { doc } = parse(writeUbl({ ...sample('finalAfterDeposits'), profile: 'EXTENDED-CTC-FR' }));
    expect(texts(doc, 'cbc:CustomizationID')).toEqual(['urn:cen.eu:en16931:2017']);
  });

  it('writes the flow as a BAR note first, then the notes, coded ones prefixed with #CODE#', () => {
    const { doc } = parse(writeUbl(sample('standard')));
    expect(texts(doc, 'cbc:Note')).toEqual([
      '#BAR#B2B',
      '#PMD#Pénalités de retard : trois fois le taux d’intérêt légal.',
      '#PMT#Indemnité forfaitaire pour frais de recouvrement : 40 €.',
      '#AAB#Pas d’escompte pour paiement anticipé.',
      'Merci de votre confiance.',
    ]);
  });

  it('identifies the parties with their schemes: routing address, SIRET, SIREN 0002, VAT id, legal form, and the BT-32 registration of a seller without VAT id', () => {
    const { doc } = parse(writeUbl(sample('standard')));
    const seller = at(doc, 'cac:AccountingSupplierParty/cac:Party')[0];
    expect(at(seller, 'cbc:EndpointID')).toEqual([{ '@schemeID': '0225', '#': '443061841' }]);
    expect(at(seller, 'cac:PartyIdentification/cbc:ID')).toEqual([{ '@schemeID': '0009', '#': '44306184100013' }]);
    expect(texts(seller, 'cac:PartyName/cbc:Name')).toEqual(['Lambert Bois']);
    expect(texts(seller, 'cac:PartyTaxScheme/cbc:CompanyID')).toEqual(['FR64443061841']);
    expect(at(seller, 'cac:PartyLegalEntity/cbc:CompanyID')).toEqual([{ '@schemeID': '0002', '#': '443061841' }]);
    expect(texts(seller, 'cac:PartyLegalEntity/cbc:CompanyLegalForm')).toEqual(['SARL au capital de 20 000 € – RCS Nantes 443 061 841']);
    const buyer = at(doc, 'cac:AccountingCustomerParty/cac:Party')[0];
    expect(texts(buyer, 'cac:PartyLegalEntity/cbc:RegistrationName')).toEqual(['Hôtel des Voyageurs SAS']);
    expect(texts(buyer, 'cac:Contact/cbc:ElectronicMail')).toEqual(['factures@hotel-voyageurs.test']);

    const franchiseSeller = at(parse(writeUbl(sample('franchise'))).doc, 'cac:AccountingSupplierParty/cac:Party')[0];
    expect(at(franchiseSeller, 'cac:PartyTaxScheme')).toEqual([{ 'cbc:CompanyID': '443061841', 'cac:TaxScheme': { 'cbc:ID': 'FC' } }]);
  });

  it('writes amounts as the model’s decimal strings with their currency, allowances before charges, and the monetary totals', () => {
    const { doc } = parse(writeUbl(sample('standard')));
    expect(at(doc, 'cac:AllowanceCharge').map((a) => texts(a, 'cbc:ChargeIndicator')[0])).toEqual(['false', 'true']);
    expect(at(doc, 'cac:AllowanceCharge/cbc:Amount')).toEqual([
      { '@currencyID': 'EUR', '#': '18.00' },
      { '@currencyID': 'EUR', '#': '30.00' },
    ]);
    expect(texts(doc, 'cac:AllowanceCharge/cbc:MultiplierFactorNumeric')).toEqual(['5.00']);
    expect(texts(doc, 'cac:TaxTotal/cbc:TaxAmount')).toEqual(['104.35']);
    expect(texts(doc, 'cac:TaxTotal/cac:TaxSubtotal/cac:TaxCategory/cbc:Percent')).toEqual(['20.00', '5.50', '10.00']);
    const totals = at(doc, 'cac:LegalMonetaryTotal')[0];
    expect(Object.keys(totals as XmlObject)).toEqual(['cbc:LineExtensionAmount', 'cbc:TaxExclusiveAmount', 'cbc:TaxInclusiveAmount', 'cbc:AllowanceTotalAmount', 'cbc:ChargeTotalAmount', 'cbc:PayableAmount']);
    expect(texts(totals, 'cbc:PayableAmount')).toEqual(['888.35']);
  });

  it('writes prepaid and rounding amounts only when not zero', () => {
    const corrective = at(parse(writeUbl(sample('corrective'))).doc, 'cac:LegalMonetaryTotal')[0];
    expect(texts(corrective, 'cbc:PrepaidAmount')).toEqual(['100.00']);
    expect(texts(corrective, 'cbc:PayableRoundingAmount')).toEqual(['0.01']);
    expect(texts(corrective, 'cbc:PayableAmount')).toEqual(['260.01']);
    const deposit = at(parse(writeUbl(sample('deposit'))).doc, 'cac:LegalMonetaryTotal')[0];
    expect(texts(deposit, 'cbc:PrepaidAmount')).toEqual([]);
    expect(texts(deposit, 'cbc:PayableRoundingAmount')).toEqual([]);
  });

  it('writes the line discount as the gross price with its per-unit allowance, and line allowances and periods', () => {
    const lines = at(parse(writeUbl(sample('standard'))).doc, 'cac:InvoiceLine');
    expect(at(lines[0], 'cac:Price')).toEqual([
      {
        'cbc:PriceAmount': { '@currencyID': 'EUR', '#': '120.0000' },
        'cac:AllowanceCharge': { 'cbc:ChargeIndicator': 'false', 'cbc:Amount': { '@currencyID': 'EUR', '#': '30.0000' }, 'cbc:BaseAmount': { '@currencyID': 'EUR', '#': '150.0000' } },
      },
    ]);
    expect(at(lines[0], 'cbc:InvoicedQuantity')).toEqual([{ '@unitCode': 'C62', '#': '3.0000' }]);
    expect(texts(lines[1], 'cbc:Note')).toEqual(['Logement de plus de deux ans']);
    expect(texts(lines[2], 'cac:AllowanceCharge/cbc:AllowanceChargeReason')).toEqual(['Remise chantier']);
    expect(texts(lines[2], 'cac:InvoicePeriod/cbc:EndDate')).toEqual(['2026-11-20']);
  });

  it('writes a credit note as a CreditNote-2: CreditNoteTypeCode, CreditNoteLine/CreditedQuantity, BT-9 on the payment means, the credited invoice as BillingReference', () => {
    const xml = writeUbl(sample('creditNote'));
    const { root, doc } = parse(xml);
    expect(root).toBe('CreditNote');
    expect(doc['@xmlns']).toBe('urn:oasis:names:specification:ubl:schema:xsd:CreditNote-2');
    expect(texts(doc, 'cbc:CreditNoteTypeCode')).toEqual(['381']);
    expect(texts(doc, 'cbc:DueDate')).toEqual([]);
    expect(texts(doc, 'cac:PaymentMeans/cbc:PaymentDueDate')).toEqual(['2026-12-24']);
    expect(at(doc, 'cac:BillingReference/cac:InvoiceDocumentReference')).toEqual([{ 'cbc:ID': 'F-2026-000101', 'cbc:IssueDate': '2026-11-24' }]);
    expect(at(doc, 'cac:CreditNoteLine/cbc:CreditedQuantity')).toEqual([{ '@unitCode': 'MTK', '#': '4.0000' }]);
    expect(at(doc, 'cac:InvoiceLine')).toEqual([]);
  });

  it('puts the VAT point date before the type code in a credit note and after the notes in an invoice, as each XSD wants', () => {
    const datesAndCodes = (name: SampleEInvoiceName) =>
      topLevelOrder(writeUbl({ ...sample(name), vatPointDate: '2026-11-20' })).filter((n) => /Date$|TypeCode$/.test(n));
    expect(datesAndCodes('creditNote')).toEqual(['cbc:IssueDate', 'cbc:TaxPointDate', 'cbc:CreditNoteTypeCode']);
    expect(datesAndCodes('standard')).toEqual(['cbc:IssueDate', 'cbc:DueDate', 'cbc:InvoiceTypeCode', 'cbc:TaxPointDate']);
  });

  it('writes BT-8 with UBL’s own codes (CII 5/29/72 → 3/35/432), and not when BT-7 is given (BR-CO-03)', () => {
    const onPayment = sample('standard');
    onPayment.vatBreakdown = onPayment.vatBreakdown.map((b) => ({ ...b, dueDateTypeCode: '72' }));
    expect(texts(parse(writeUbl(onPayment)).doc, 'cac:InvoicePeriod/cbc:DescriptionCode')).toEqual(['432']);
    expect(texts(parse(writeUbl({ ...onPayment, period: null })).doc, 'cac:InvoicePeriod/cbc:DescriptionCode')).toEqual(['432']);
    expect(texts(parse(writeUbl({ ...onPayment, vatPointDate: '2026-11-20' })).doc, 'cac:InvoicePeriod/cbc:DescriptionCode')).toEqual([]);
  });

  it('refers a final invoice to its deposit invoices: one BillingReference each and the deducting lines’ object identifiers', () => {
    const { doc } = parse(writeUbl(sample('finalAfterDeposits')));
    expect(texts(doc, 'cbc:ProfileID')).toEqual(['S4']);
    expect(texts(doc, 'cac:BillingReference/cac:InvoiceDocumentReference/cbc:ID')).toEqual(['FA-2026-000003', 'FA-2026-000005']);
    const lines = at(doc, 'cac:InvoiceLine');
    expect(at(lines[1], 'cac:DocumentReference')).toEqual([{ 'cbc:ID': 'FA-2026-000003', 'cbc:DocumentTypeCode': '130' }]);
    expect(texts(lines[2], 'cbc:LineExtensionAmount')).toEqual(['-200.00']);
  });

  it('writes a deposit invoice with type code 386', () => {
    expect(texts(parse(writeUbl(sample('deposit'))).doc, 'cbc:InvoiceTypeCode')).toEqual(['386']);
  });

  it.each<[SampleEInvoiceName, string, string, string, string]>([
    ['franchise', 'E', 'VATEX-FR-FRANCHISE', 'TVA non applicable, art. 293 B du CGI', '0.00'],
    ['reverseCharge', 'AE', 'VATEX-EU-AE', 'Autoliquidation', '0.00'],
    ['intraEuDirectDebit', 'K', 'VATEX-EU-IC', 'Exonération de TVA, article 262 ter I du CGI', '0.00'],
    ['export', 'G', 'VATEX-EU-G', 'Exonération de TVA, article 262 I du CGI', '0.00'],
  ])('%s: the breakdown carries category %s with its exemption code and reason', (name, category, code, reason, rate) => {
    const { doc } = parse(writeUbl(sample(name)));
    expect(at(doc, 'cac:TaxTotal/cac:TaxSubtotal/cac:TaxCategory')).toEqual([
      { 'cbc:ID': category, 'cbc:Percent': rate, 'cbc:TaxExemptionReasonCode': code, 'cbc:TaxExemptionReason': reason, 'cac:TaxScheme': { 'cbc:ID': 'VAT' } },
    ]);
    expect(texts(doc, 'cac:InvoiceLine/cac:Item/cac:ClassifiedTaxCategory/cbc:ID')).toEqual([category]);
  });

  it('writes no rate for a category O (not subject to VAT) line, breakdown or allowance', () => {
    const notSubject = sample('notSubject');
    notSubject.allowances = [{ amount: '0.00', baseAmount: null, percent: null, vatCategory: 'O', vatRate: '0.00', reason: 'Geste commercial', reasonCode: null }];
    const xml = writeUbl(notSubject);
    expect(xml).not.toContain('<cbc:Percent>');
    expect(texts(parse(xml).doc, 'cac:TaxTotal/cac:TaxSubtotal/cac:TaxCategory/cbc:TaxExemptionReasonCode')).toEqual(['VATEX-EU-O']);
  });

  it('writes the buyer’s address as deliver-to address of an intra-EU supply when the model leaves it out (BR-IC-12)', () => {
    const { doc } = parse(writeUbl(sample('intraEuDirectDebit')));
    expect(texts(doc, 'cac:Delivery/cbc:ActualDeliveryDate')).toEqual(['2026-11-20']);
    expect(texts(doc, 'cac:Delivery/cac:DeliveryLocation/cac:Address/cac:Country/cbc:IdentificationCode')).toEqual(['DE']);
    expect(texts(parse(writeUbl({ ...sample('standard'), delivery: { date: '2026-11-20', address: null, partyName: null } })).doc, 'cac:Delivery/cac:DeliveryLocation')).toEqual([]);
  });

  it('writes a SEPA direct debit as code 59 with the mandate and debited account, and the creditor id as the seller’s SEPA identifier', () => {
    const { doc } = parse(writeUbl(sample('intraEuDirectDebit')));
    expect(at(doc, 'cac:PaymentMeans')).toEqual([
      {
        'cbc:PaymentMeansCode': { '@name': 'Prélèvement SEPA', '#': '59' },
        'cbc:PaymentID': 'F-2026-000142',
        'cac:PaymentMandate': { 'cbc:ID': 'RUM-2026-0007', 'cac:PayerFinancialAccount': { 'cbc:ID': 'DE89370400440532013000' } },
      },
    ]);
    expect(at(doc, 'cac:AccountingSupplierParty/cac:Party/cac:PartyIdentification/cbc:ID')).toEqual([
      { '@schemeID': '0009', '#': '44306184100013' },
      { '@schemeID': 'SEPA', '#': 'FR72ZZZ123456' },
    ]);
  });

  it('writes a credit transfer with IBAN, account name and BIC; further accounts only under the first means’ code (UBL-SR-47)', () => {
    const standard = sample('standard');
    const [transfer] = standard.paymentMeans;
    if (!transfer) throw new Error('the standard sample pays by transfer');
    const secondAccount = { ...transfer, text: null, remittance: null, creditTransfer: { iban: 'FR7610107001011234567890129', accountName: null, bic: null } };
    const cheque = { ...transfer, code: '20' as const, creditTransfer: null };
    const { doc } = parse(writeUbl({ ...standard, paymentMeans: [transfer, secondAccount, cheque] }));
    expect(at(doc, 'cac:PaymentMeans')).toEqual([
      {
        'cbc:PaymentMeansCode': { '@name': 'Virement SEPA', '#': '58' },
        'cbc:PaymentID': 'F-2026-000101',
        'cac:PayeeFinancialAccount': { 'cbc:ID': 'FR7630006000011234567890189', 'cbc:Name': 'Menuiserie Lambert SARL', 'cac:FinancialInstitutionBranch': { 'cbc:ID': 'AGRIFRPP' } },
      },
      { 'cbc:PaymentMeansCode': '58', 'cac:PayeeFinancialAccount': { 'cbc:ID': 'FR7610107001011234567890129' } },
    ]);
    expect(texts(doc, 'cac:PaymentTerms/cbc:Note')).toEqual(['Paiement à 30 jours fin de mois']);
  });

  it('escapes text and gives the same bytes for the same invoice', () => {
    const xml = writeUbl(sample('standard'));
    expect(xml).toContain('<cbc:Description>Porte « Atelier » 83 × 204 &amp; quincaillerie</cbc:Description>');
    expect(writeUbl(sample('standard'))).toBe(xml);
  });
});

const invoiceXsd = standardsFile('en16931-ubl', 'xsd', 'maindoc', 'UBL-Invoice-2.1.xsd');
const creditNoteXsd = standardsFile('en16931-ubl', 'xsd', 'maindoc', 'UBL-CreditNote-2.1.xsd');

(invoiceXsd && creditNoteXsd ? describe : describe.skip)(standardsSuiteTitle('writeUbl against the OASIS UBL 2.1 XSD', invoiceXsd && creditNoteXsd, 'en16931-ubl', 'xsd', 'maindoc'), () => {
  it.each(Object.entries(sampleEInvoices()))('%s is valid against its UBL 2.1 schema (element order included)', async (_name, invoice) => {
    const xsd = invoice.typeCode === '381' ? creditNoteXsd : invoiceXsd;
    const result = await validateAgainstXsd(writeUbl(invoice), xsd ?? '');
    expect(result.errors).toEqual([]);
    expect(result.valid).toBe(true);
  });

  it('refuses an element out of the schema’s sequence (the check can fail)', async () => {
    const misplaced = writeUbl(sample('standard')).replace(/(<cbc:DocumentCurrencyCode>EUR<\/cbc:DocumentCurrencyCode>)/, '<cbc:BuyerReference>x</cbc:BuyerReference>$1');
    expect((await validateAgainstXsd(misplaced, invoiceXsd ?? '')).valid).toBe(false);
  });
});
