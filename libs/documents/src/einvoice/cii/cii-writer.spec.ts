import { standardsFile, standardsSuiteTitle, validateAgainstXsd } from '@comptoir/platform/testing';
import type { EInvoice } from '../einvoice.model';
import { sampleEInvoice as sample, sampleEInvoices } from '../sample-einvoices';
import { writeCii } from './cii-writer';

/** The XML without the pretty-print whitespace between elements, to assert on element sequences. */
const compact = (invoice: EInvoice) => writeCii(invoice).replace(/>\s+</g, '><');

describe('writeCii', () => {
  it('claims the profile in BT-24 and the billing mode in BT-23', () => {
    expect(compact(sample('standard'))).toContain(
      '<rsm:ExchangedDocumentContext><ram:BusinessProcessSpecifiedDocumentContextParameter><ram:ID>M1</ram:ID></ram:BusinessProcessSpecifiedDocumentContextParameter>' +
        '<ram:GuidelineSpecifiedDocumentContextParameter><ram:ID>urn:cen.eu:en16931:2017</ram:ID></ram:GuidelineSpecifiedDocumentContextParameter></rsm:ExchangedDocumentContext>',
    );
    expect(compact({ ...sample('standard'), profile: 'EXTENDED-CTC-FR' })).toContain(
      '<ram:ID>urn:cen.eu:en16931:2017#conformant#urn.cpro.gouv.fr:1p0:extended-ctc-fr</ram:ID>',
    );
  });

  it('writes the BAR note (the flow) first, then the French notes with their subject codes', () => {
    const xml = compact({ ...sample('standard'), flow: 'B2C' });
    expect(xml).toContain(
      '<ram:IssueDateTime><udt:DateTimeString format="102">20261124</udt:DateTimeString></ram:IssueDateTime>' +
        '<ram:IncludedNote><ram:Content>B2C</ram:Content><ram:SubjectCode>BAR</ram:SubjectCode></ram:IncludedNote>' +
        '<ram:IncludedNote><ram:Content>Pénalités de retard : trois fois le taux d’intérêt légal.</ram:Content><ram:SubjectCode>PMD</ram:SubjectCode></ram:IncludedNote>',
    );
    expect(xml).toContain('<ram:SubjectCode>PMT</ram:SubjectCode>');
    expect(xml).toContain('<ram:SubjectCode>AAB</ram:SubjectCode>');
  });

  it('escapes text and writes amounts exactly as the model holds them', () => {
    const xml = compact(sample('standard'));
    expect(xml).toContain('<ram:Description>Porte « Atelier » 83 × 204 &amp; quincaillerie</ram:Description>');
    expect(xml).toContain(
      '<ram:SpecifiedTradeSettlementHeaderMonetarySummation><ram:LineTotalAmount>772.00</ram:LineTotalAmount><ram:ChargeTotalAmount>30.00</ram:ChargeTotalAmount>' +
        '<ram:AllowanceTotalAmount>18.00</ram:AllowanceTotalAmount><ram:TaxBasisTotalAmount>784.00</ram:TaxBasisTotalAmount>' +
        '<ram:TaxTotalAmount currencyID="EUR">104.35</ram:TaxTotalAmount><ram:GrandTotalAmount>888.35</ram:GrandTotalAmount>' +
        '<ram:TotalPrepaidAmount>0.00</ram:TotalPrepaidAmount><ram:DuePayableAmount>888.35</ram:DuePayableAmount></ram:SpecifiedTradeSettlementHeaderMonetarySummation>',
    );
  });

  it('writes a discounted line with its gross price and the discount per unit (BT-148, BT-147), then the net price', () => {
    expect(compact(sample('standard'))).toContain(
      '<ram:SpecifiedLineTradeAgreement><ram:GrossPriceProductTradePrice><ram:ChargeAmount>150.0000</ram:ChargeAmount>' +
        '<ram:AppliedTradeAllowanceCharge><ram:ChargeIndicator><udt:Indicator>false</udt:Indicator></ram:ChargeIndicator><ram:ActualAmount>30.0000</ram:ActualAmount></ram:AppliedTradeAllowanceCharge>' +
        '</ram:GrossPriceProductTradePrice><ram:NetPriceProductTradePrice><ram:ChargeAmount>120.0000</ram:ChargeAmount></ram:NetPriceProductTradePrice></ram:SpecifiedLineTradeAgreement>' +
        '<ram:SpecifiedLineTradeDelivery><ram:BilledQuantity unitCode="C62">3.0000</ram:BilledQuantity></ram:SpecifiedLineTradeDelivery>',
    );
  });

  it('writes document allowances then charges, each with its VAT category and rate', () => {
    expect(compact(sample('standard'))).toContain(
      '<ram:SpecifiedTradeAllowanceCharge><ram:ChargeIndicator><udt:Indicator>false</udt:Indicator></ram:ChargeIndicator><ram:CalculationPercent>5.00</ram:CalculationPercent>' +
        '<ram:BasisAmount>360.00</ram:BasisAmount><ram:ActualAmount>18.00</ram:ActualAmount><ram:ReasonCode>95</ram:ReasonCode><ram:Reason>Remise fidélité</ram:Reason>' +
        '<ram:CategoryTradeTax><ram:TypeCode>VAT</ram:TypeCode><ram:CategoryCode>S</ram:CategoryCode><ram:RateApplicablePercent>20.00</ram:RateApplicablePercent></ram:CategoryTradeTax></ram:SpecifiedTradeAllowanceCharge>' +
        '<ram:SpecifiedTradeAllowanceCharge><ram:ChargeIndicator><udt:Indicator>true</udt:Indicator></ram:ChargeIndicator><ram:ActualAmount>30.00</ram:ActualAmount><ram:ReasonCode>FC</ram:ReasonCode>',
    );
  });

  it('refers a credit note to its invoice (BG-3)', () => {
    // Without a due date a credit note has no payment terms to write.
    const xml = compact({ ...sample('creditNote'), dueDate: null });
    expect(xml).toContain('<ram:TypeCode>381</ram:TypeCode>');
    expect(xml).toContain(
      '<ram:InvoiceReferencedDocument><ram:IssuerAssignedID>F-2026-000101</ram:IssuerAssignedID>' +
        '<ram:FormattedIssueDateTime><qdt:DateTimeString format="102">20261124</qdt:DateTimeString></ram:FormattedIssueDateTime></ram:InvoiceReferencedDocument>',
    );
    expect(xml).not.toContain('<ram:SpecifiedTradePaymentTerms>');
  });

  it('refers a deposit deduction line to the deposit invoice: BT-128 in EN 16931, the line preceding invoice in EXTENDED-CTC-FR', () => {
    expect(compact(sample('finalAfterDeposits'))).toContain(
      '<ram:LineTotalAmount>-300.00</ram:LineTotalAmount></ram:SpecifiedTradeSettlementLineMonetarySummation>' +
        '<ram:AdditionalReferencedDocument><ram:IssuerAssignedID>FA-2026-000003</ram:IssuerAssignedID><ram:TypeCode>130</ram:TypeCode></ram:AdditionalReferencedDocument>',
    );
    expect(compact({ ...sample('finalAfterDeposits'), profile: 'EXTENDED-CTC-FR' })).toContain(
      '<ram:InvoiceReferencedDocument><ram:IssuerAssignedID>FA-2026-000003</ram:IssuerAssignedID><ram:TypeCode>386</ram:TypeCode>' +
        '<ram:FormattedIssueDateTime><qdt:DateTimeString format="102">20261001</qdt:DateTimeString></ram:FormattedIssueDateTime></ram:InvoiceReferencedDocument>',
    );
  });

  it('names one preceding invoice in the header in EN16931 (D16B allows one), all of them in EXTENDED-CTC-FR', () => {
    const twoDeposits = { precedingInvoices: [{ number: 'FA-1', issueDate: '2026-09-01' }, { number: 'FA-2', issueDate: '2026-10-01' }] };
    const references = (xml: string) => [...xml.matchAll(/<ram:ApplicableHeaderTradeSettlement>.*?<\/ram:ApplicableHeaderTradeSettlement>/g)].join('').match(/<ram:InvoiceReferencedDocument><ram:IssuerAssignedID>[^<]+/g);
    expect(references(compact({ ...sample('finalAfterDeposits'), ...twoDeposits }))).toEqual(['<ram:InvoiceReferencedDocument><ram:IssuerAssignedID>FA-1']);
    expect(references(compact({ ...sample('finalAfterDeposits'), profile: 'EXTENDED-CTC-FR', ...twoDeposits }))).toEqual([
      '<ram:InvoiceReferencedDocument><ram:IssuerAssignedID>FA-1',
      '<ram:InvoiceReferencedDocument><ram:IssuerAssignedID>FA-2',
    ]);
  });

  it('writes the exemption reason and its VATEX code, and the seller tax registration when there is no VAT number', () => {
    const xml = compact(sample('franchise'));
    expect(xml).toContain(
      '<ram:ApplicableTradeTax><ram:CalculatedAmount>0.00</ram:CalculatedAmount><ram:TypeCode>VAT</ram:TypeCode><ram:ExemptionReason>TVA non applicable, art. 293 B du CGI</ram:ExemptionReason>' +
        '<ram:BasisAmount>300.00</ram:BasisAmount><ram:CategoryCode>E</ram:CategoryCode><ram:ExemptionReasonCode>VATEX-FR-FRANCHISE</ram:ExemptionReasonCode><ram:RateApplicablePercent>0.00</ram:RateApplicablePercent></ram:ApplicableTradeTax>',
    );
    expect(xml).toContain('<ram:SpecifiedTaxRegistration><ram:ID schemeID="FC">443061841</ram:ID></ram:SpecifiedTaxRegistration>');
    expect(xml).not.toMatch(/<ram:SellerTradeParty>.*schemeID="VA".*<\/ram:SellerTradeParty>/);
  });

  it('repeats the exemption reason on lines and allowances in EXTENDED-CTC-FR only (BR-FXEXT-E-08), not in EN 16931', () => {
    const lineTax = (xml: string) => /<ram:SpecifiedLineTradeSettlement><ram:ApplicableTradeTax>(.*?)<\/ram:ApplicableTradeTax>/.exec(xml)?.[1];
    expect(lineTax(compact({ ...sample('franchise'), profile: 'EXTENDED-CTC-FR' }))).toBe(
      '<ram:TypeCode>VAT</ram:TypeCode><ram:ExemptionReason>TVA non applicable, art. 293 B du CGI</ram:ExemptionReason><ram:CategoryCode>E</ram:CategoryCode>' +
        '<ram:ExemptionReasonCode>VATEX-FR-FRANCHISE</ram:ExemptionReasonCode><ram:RateApplicablePercent>0.00</ram:RateApplicablePercent>',
    );
    expect(lineTax(compact(sample('franchise')))).toBe('<ram:TypeCode>VAT</ram:TypeCode><ram:CategoryCode>E</ram:CategoryCode><ram:RateApplicablePercent>0.00</ram:RateApplicablePercent>');
    expect(lineTax(compact({ ...sample('standard'), profile: 'EXTENDED-CTC-FR' }))).not.toContain('Exemption');
  });

  it('writes a direct debit: creditor id first in the settlement, debited account, mandate in the payment terms', () => {
    const xml = compact(sample('intraEuDirectDebit'));
    expect(xml).toContain(
      '<ram:ApplicableHeaderTradeSettlement><ram:CreditorReferenceID>FR72ZZZ123456</ram:CreditorReferenceID><ram:PaymentReference>F-2026-000142</ram:PaymentReference><ram:InvoiceCurrencyCode>EUR</ram:InvoiceCurrencyCode>',
    );
    expect(xml).toContain('<ram:TypeCode>59</ram:TypeCode><ram:Information>Prélèvement SEPA</ram:Information><ram:PayerPartyDebtorFinancialAccount><ram:IBANID>DE89370400440532013000</ram:IBANID>');
    expect(xml).toContain('<ram:DirectDebitMandateID>RUM-2026-0007</ram:DirectDebitMandateID></ram:SpecifiedTradePaymentTerms>');
  });

  it('writes the delivery address and date (BG-13/BG-15)', () => {
    expect(compact(sample('standard'))).toContain(
      '<ram:ApplicableHeaderTradeDelivery><ram:ShipToTradeParty><ram:Name>Hôtel des Voyageurs</ram:Name><ram:PostalTradeAddress><ram:PostcodeCode>49000</ram:PostcodeCode>' +
        '<ram:LineOne>1 place du Marché</ram:LineOne><ram:LineTwo>Entrée de service</ram:LineTwo><ram:CityName>Angers</ram:CityName><ram:CountryID>FR</ram:CountryID></ram:PostalTradeAddress></ram:ShipToTradeParty>' +
        '<ram:ActualDeliverySupplyChainEvent><ram:OccurrenceDateTime><udt:DateTimeString format="102">20261120</udt:DateTimeString></ram:OccurrenceDateTime></ram:ActualDeliverySupplyChainEvent></ram:ApplicableHeaderTradeDelivery>',
    );
    expect(compact({ ...sample('standard'), delivery: null })).toContain('<ram:ApplicableHeaderTradeDelivery/>');
  });

  it('writes the VAT point date instead of its type code (BR-CO-03), and no rate on a "not subject to VAT" line', () => {
    const standard = sample('standard');
    const debits = { ...standard, vatBreakdown: standard.vatBreakdown.map((group) => ({ ...group, dueDateTypeCode: '5' as const })) };
    expect(compact(debits)).toContain('<ram:DueDateTypeCode>5</ram:DueDateTypeCode><ram:RateApplicablePercent>20.00</ram:RateApplicablePercent>');
    const dated = compact({ ...debits, vatPointDate: '2026-11-20' });
    expect(dated).toContain('<ram:TaxPointDate><udt:DateString format="102">20261120</udt:DateString></ram:TaxPointDate><ram:RateApplicablePercent>');
    expect(dated).not.toContain('DueDateTypeCode');
    expect(compact(sample('notSubject'))).toContain(
      '<ram:ApplicableTradeTax><ram:TypeCode>VAT</ram:TypeCode><ram:CategoryCode>O</ram:CategoryCode></ram:ApplicableTradeTax>',
    );
  });

  it('refuses a date that is not an ISO calendar date rather than writing a wrong one', () => {
    expect(() => writeCii({ ...sample('standard'), issueDate: '24/11/2026' })).toThrow('not an ISO calendar date');
  });
});

const FACTURX_EN16931_XSD = ['facturx', 'fnfe-france-rfe', 'FNFE_RFE_INVOICE', 'Factur-X', 'EN16931', '1xsd', 'Factur-X_EN16931.xsd'];
const CII_D22B_XSD = ['facturx', 'fnfe-france-rfe', 'FNFE_RFE_INVOICE', 'CII', '1xsd-CII_D22B_uncoupled', 'CrossIndustryInvoice_100pD22B.xsd'];
const CII_D16B_XSD = ['en16931-cii', 'schema', 'D16B SCRDM (Subset)', 'uncoupled clm', 'CII', 'uncefact', 'data', 'standard', 'CrossIndustryInvoice_100pD16B.xsd'];
const en16931Xsd = standardsFile(...FACTURX_EN16931_XSD);
const d16bXsd = standardsFile(...CII_D16B_XSD);
const d22bXsd = standardsFile(...CII_D22B_XSD);

(en16931Xsd ? describe : describe.skip)(standardsSuiteTitle('writeCii EN16931 against the Factur-X EN16931 XSD', en16931Xsd, ...FACTURX_EN16931_XSD), () => {
  it.each(Object.entries(sampleEInvoices()))('%s is valid', async (_name, invoice) => {
    expect(await validateAgainstXsd(writeCii(invoice), en16931Xsd!)).toEqual({ valid: true, errors: [] });
  });

  it('the XSD check fails on a misplaced element (the test can fail)', async () => {
    const xml = writeCii(sample('standard'));
    const misplaced = xml.replace('<ram:ID>F-2026-000101</ram:ID>', '').replace('<ram:TypeCode>380</ram:TypeCode>', '<ram:TypeCode>380</ram:TypeCode><ram:ID>F-2026-000101</ram:ID>');
    expect(misplaced).not.toBe(xml);
    expect((await validateAgainstXsd(misplaced, en16931Xsd!)).valid).toBe(false);
  });
});

(d22bXsd ? describe : describe.skip)(standardsSuiteTitle('writeCii EXTENDED-CTC-FR against the CII D22B XSD', d22bXsd, ...CII_D22B_XSD), () => {
  it.each(Object.entries(sampleEInvoices()))('%s is valid', async (_name, invoice) => {
    expect(await validateAgainstXsd(writeCii({ ...invoice, profile: 'EXTENDED-CTC-FR' }), d22bXsd!)).toEqual({ valid: true, errors: [] });
  });
});

(d16bXsd ? describe : describe.skip)(standardsSuiteTitle('writeCii EN16931 against the UN/CEFACT CII D16B XSD', d16bXsd, ...CII_D16B_XSD), () => {
  it.each(Object.entries(sampleEInvoices()))('%s is valid', async (_name, invoice) => {
    expect(await validateAgainstXsd(writeCii(invoice), d16bXsd!)).toEqual({ valid: true, errors: [] });
  });
});
