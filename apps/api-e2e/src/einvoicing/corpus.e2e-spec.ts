import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { writeCii, writeUbl, type EInvoice } from '@comptoir/documents';
import { EInvoiceValidator, toEInvoice, type ValidationOptions, type ValidationReport } from '@comptoir/einvoicing';
import { STANDARDS_DIR, standardsFile, standardsSuiteTitle, validateAgainstXsd } from '@comptoir/platform/standards';
import { parisToday } from '../billing/billing-fixtures';
import { signupOrganization } from '../support/fixtures';
import { createTestApp, TestApp } from '../support/test-app';
import { CorpusCompany, CorpusDocument, WORDING } from './corpus-cases';

/** One XML of one document and the checks it must pass. */
interface Rendition {
  syntax: string;
  /** File name suffix when the corpus is kept (EINVOICE_CORPUS_DIR). */
  suffix: string;
  xml: string;
  options: ValidationOptions;
}

/** Every syntax the e-invoicing module writes: CII in both profiles, UBL. BR-FR applies to domestic B2B flows only. */
function renditions(invoice: EInvoice): Rendition[] {
  const frenchRules = invoice.flow === 'B2B';
  return [
    { syntax: 'CII EN16931', suffix: 'cii-en16931.xml', xml: writeCii({ ...invoice, profile: 'EN16931' }), options: { syntax: 'cii', profile: 'EN16931', frenchRules } },
    { syntax: 'CII EXTENDED-CTC-FR', suffix: 'cii-extended-ctc-fr.xml', xml: writeCii({ ...invoice, profile: 'EXTENDED-CTC-FR' }), options: { syntax: 'cii', profile: 'EXTENDED-CTC-FR', frenchRules } },
    { syntax: 'UBL 2.1', suffix: 'ubl.xml', xml: writeUbl(invoice), options: { syntax: 'ubl', profile: 'EN16931', frenchRules: false } },
  ];
}

const fatalIssues = (report: ValidationReport) =>
  report.checks.flatMap((check) => check.issues.filter((issue) => issue.flag === 'fatal').map((issue) => `${check.name}: ${issue.id} ${issue.location} ${issue.message}`));

const SCHEMATRON = ['en16931-cii', 'xslt', 'EN16931-CII-validation.xslt'] as const;
const present = standardsFile(...SCHEMATRON);
/** CONTRACTS §3 also wants the EN16931 CII valid against the plain UN/CEFACT D16B schema, which the validator does not run. */
const D16B_XSD = ['en16931-cii', 'schema', 'D16B SCRDM (Subset)', 'uncoupled clm', 'CII', 'uncefact', 'data', 'standard', 'CrossIndustryInvoice_100pD16B.xsd'] as const;

/**
 * THE corpus of issue 5: about thirty invoices, deposit invoices and credit notes created and validated
 * through the API by companies with e-invoicing enabled, covering every VAT case, discounts and charges,
 * deposits, credit notes, B2B/B2BINT/B2C flows and payment means. Each sealed snapshot goes through
 * toEInvoice, then writeCii (EN16931 and EXTENDED-CTC-FR) and writeUbl, and every XML through the XSD
 * and the schematrons of its syntax in this one process: no fatal assertion anywhere.
 */
(present ? describe : describe.skip)(standardsSuiteTitle('E-invoicing corpus: every document × every check, 0 fatal', present, ...SCHEMATRON), () => {
  let t: TestApp;
  /** Each validated document with the e-invoice its sealed snapshot maps to. */
  const corpus: (CorpusDocument & { invoice: EInvoice })[] = [];
  const today = parisToday();

  beforeAll(async () => {
    t = await createTestApp();
    for (const doc of [...(await normalCompanyDocuments(t, today)), ...(await franchiseCompanyDocuments(t))]) {
      const [row] = await t.sql<{ snapshot: Record<string, unknown> }>('SELECT snapshot FROM sales_documents WHERE id = $1', [doc.id]);
      corpus.push({ ...doc, invoice: toEInvoice(row!.snapshot) });
    }
  }, 240_000);

  afterAll(async () => {
    await t?.close();
  });

  it('covers every VAT case, rate, document type, flow, billing mode and payment means it is meant to', () => {
    const all = <T>(pick: (invoice: EInvoice) => T[]) => new Set(corpus.flatMap(({ invoice }) => pick(invoice)));
    expect(corpus.length).toBeGreaterThanOrEqual(30);
    expect(all((i) => i.vatBreakdown.map((g) => g.category))).toEqual(new Set(['S', 'Z', 'E', 'AE', 'K', 'G']));
    expect(all((i) => i.vatBreakdown.map((g) => g.rate))).toEqual(new Set(['20.00', '10.00', '5.50', '2.10', '0.00']));
    expect(all((i) => i.vatBreakdown.map((g) => g.exemptionReasonCode))).toEqual(new Set([null, 'VATEX-FR-FRANCHISE', 'VATEX-EU-AE', 'VATEX-EU-IC', 'VATEX-EU-G']));
    expect(all((i) => [i.typeCode])).toEqual(new Set(['380', '381', '386']));
    expect(all((i) => [i.flow])).toEqual(new Set(['B2B', 'B2BINT', 'B2C']));
    expect([...all((i) => [i.billingMode])]).toEqual(expect.arrayContaining(['S1', 'B1', 'M1', 'S4', 'B4', 'M4']));
    expect(all((i) => i.paymentMeans.map((m) => m.code))).toEqual(new Set(['58', '59']));
    expect(corpus.some(({ invoice }) => invoice.allowances.length > 1 && invoice.charges.length > 0)).toBe(true);
    expect(corpus.some(({ invoice }) => invoice.charges.length > 1)).toBe(true);
    expect(corpus.some(({ invoice }) => invoice.lines.some((l) => l.priceDiscount !== null))).toBe(true);
    expect(corpus.some(({ invoice }) => invoice.lines.some((l) => l.referencedDocument?.typeCode === '386'))).toBe(true);
    expect(corpus.some(({ invoice }) => invoice.vatBreakdown.some((g) => g.dueDateTypeCode === '5'))).toBe(true);
    expect(corpus.some(({ invoice }) => invoice.seller.vatNumber === null && invoice.seller.taxRegistration === invoice.seller.legalId?.value)).toBe(true);
    expect(corpus.some(({ invoice }) => invoice.paymentTermsText?.includes(' ; '))).toBe(true);
  });

  it('writes every document in every syntax with no fatal assertion from any XSD or schematron', async () => {
    const validator = new EInvoiceValidator(STANDARDS_DIR);
    // Set EINVOICE_CORPUS_DIR to keep every XML for a look or another validator.
    const keepIn = process.env['EINVOICE_CORPUS_DIR'];
    if (keepIn) mkdirSync(keepIn, { recursive: true });
    const failures: string[] = [];
    const summary = new Map<string, { documents: number; fatal: number; warnings: number }>();
    const tally = (key: string, fatal: number, warnings: number) => {
      const line = summary.get(key) ?? { documents: 0, fatal: 0, warnings: 0 };
      summary.set(key, { documents: line.documents + 1, fatal: line.fatal + fatal, warnings: line.warnings + warnings });
    };
    for (const [index, { label, invoice }] of corpus.entries()) {
      for (const rendition of renditions(invoice)) {
        if (keepIn) writeFileSync(join(keepIn, `${String(index + 1).padStart(2, '0')}-${invoice.number}.${rendition.suffix}`), rendition.xml);
        const report = await validator.validate(rendition.xml, rendition.options);
        for (const check of report.checks) tally(`${rendition.syntax} | ${check.name}`, check.fatal, check.warnings);
        failures.push(...fatalIssues(report).map((issue) => `${label} (${invoice.number}) ${rendition.syntax} — ${issue}`));
        if (rendition.options.syntax === 'cii' && rendition.options.profile === 'EN16931') {
          const d16b = await validateAgainstXsd(rendition.xml, standardsFile(...D16B_XSD)!);
          tally(`${rendition.syntax} | CII D16B XSD`, d16b.errors.length, 0);
          failures.push(...d16b.errors.map((error) => `${label} (${invoice.number}) ${rendition.syntax} — CII D16B XSD: ${error}`));
        }
      }
    }
    const kinds = new Map<string, number>();
    for (const { invoice } of corpus) {
      const kind = `${invoice.flow} ${invoice.typeCode} ${invoice.billingMode}`;
      kinds.set(kind, (kinds.get(kind) ?? 0) + 1);
    }
    const rows = [...summary].map(([check, line]) => `${check.padEnd(72)} ${String(line.documents).padStart(4)} ${String(line.fatal).padStart(6)} ${String(line.warnings).padStart(9)}`);
    // The figures the closing note of issue 5 reports (straight to stdout: the lint keeps console for warnings).
    process.stdout.write(
      `${[`E-invoicing corpus: ${corpus.length} documents (${[...kinds].map(([k, n]) => `${k} ×${n}`).join(', ')})`, `${'syntax | check'.padEnd(72)} docs  fatal  warnings`, ...rows].join('\n')}\n`,
    );
    expect(failures).toEqual([]);

    // The same checks do see a broken document: a due amount off by everything fails BR-CO-16.
    const broken = { ...corpus[0]!.invoice, totals: { ...corpus[0]!.invoice.totals, due: '1.00' } };
    const report = await validator.validate(writeCii(broken), { syntax: 'cii', profile: 'EN16931', frenchRules: true });
    expect(fatalIssues(report).some((issue) => issue.includes('BR-CO-16'))).toBe(true);
  }, 900_000);
});

/** A French SAS with a VAT number: every VAT case, discounts, charges, payment means, deposits, credit notes. */
async function normalCompanyDocuments(t: TestApp, today: string): Promise<CorpusDocument[]> {
  const org = await signupOrganization(t.http(), 'Corpus');
  const c = await CorpusCompany.enable(() => t.http(), org);
  const client = await c.frenchBusiness('Boulangerie Martin');
  const other = await c.frenchBusiness('Menuiserie Leroy');
  const debtor = await c.debtor('Garage Petit');
  const consumer = await c.person('Jeanne Durand');
  const german = await c.foreignBusiness('Bäckerei Müller GmbH', { line1: 'Hauptstraße 5', postalCode: '10115', city: 'Berlin', country: 'DE' }, 'DE123456789');
  const american = await c.foreignBusiness('Acme Corp', { line1: '1 Main Street', postalCode: '10001', city: 'New York', country: 'US' });
  const shelf = await c.product({ reference: 'ETA-01', name: 'Étagère chêne', unit: 'piece', unitPrice: '149.90', vatRate: '20.00', type: 'goods' });
  const flour = await c.product({ reference: 'FAR-25', name: 'Farine T65', unit: 'kg', unitPrice: '1.2500', vatRate: '5.50', type: 'goods' });
  const paper = await c.product({ reference: 'JRN-01', name: 'Journal professionnel', unit: 'piece', unitPrice: '4.50', vatRate: '2.10', type: 'goods' });
  const line = (description: string, quantity: string, unitPrice: string, vatRate: string, extra: object = {}) => ({ description, quantity, unitPrice, vatRate, ...extra });

  const plain = await c.invoice('services at 20 %', client, { lines: [line('Développement', '3', '450.00', '20.00', { unit: 'day' })] });
  await c.invoice('services at 10 %', client, { lines: [line('Travaux de rénovation', '1', '1250.00', '10.00', { unit: 'lump_sum' })] });
  await c.invoice('goods at 5.5 % by the kilogram', client, { lines: [{ productId: flour, quantity: '250' }] });
  await c.invoice('press at 2.1 %', client, { lines: [{ productId: paper, quantity: '12' }] });
  const mixed = await c.invoice('multi-rate goods and services (M1)', other, {
    lines: [{ productId: shelf, quantity: '2' }, { productId: flour, quantity: '10.5' }, line('Pose', '2.5', '55.00', '20.00', { unit: 'hour' }), line('Déplacement', '42', '0.60', '10.00', { unit: 'km' })],
  });
  await c.invoice('zero-rated (Z)', client, { lines: [line('Livraison de biens à taux zéro', '1', '300.00', '0.00', { vatCategory: 'Z' })] });
  await c.invoice('exempt (E) with its reason', client, { lines: [line('Formation professionnelle continue', '2', '700.00', '0.00', { vatCategory: 'E', vatExemptionReason: WORDING.training })] });
  await c.invoice('reverse charge (AE) to an EU business', german, {
    buyerVatNumber: 'DE123456789',
    lines: [line('Conseil en architecture logicielle', '4', '800.00', '0.00', { vatCategory: 'AE', vatExemptionReason: WORDING.reverseCharge, unit: 'day' })],
  });
  await c.invoice('intra-EU supply (K) with delivery date and address', german, {
    buyerVatNumber: 'DE123456789',
    deliveryDate: today,
    deliveryAddress: { line1: 'Lagerweg 1', postalCode: '10117', city: 'Berlin', country: 'DE' },
    lines: [{ productId: shelf, quantity: '10', vatCategory: 'K', vatRate: '0.00', vatExemptionReason: WORDING.intraEu }],
  });
  await c.invoice('export outside the EU (G)', american, { lines: [{ productId: shelf, quantity: '4', vatCategory: 'G', vatRate: '0.00', vatExemptionReason: WORDING.export }] });
  await c.invoice('line discounts (net vs gross price)', client, {
    lines: [{ productId: shelf, quantity: '3', discountPercent: '10' }, line('Maintenance', '1', '333.33', '20.00', { discountPercent: '12.5' })],
  });
  await c.invoice('general discount on net, multi-rate', client, {
    generalDiscount: { mode: 'percent', base: 'net', value: '5' },
    lines: [line('Audit', '1', '1200.00', '20.00'), line('Travaux', '1', '800.00', '10.00'), { productId: flour, quantity: '40' }],
  });
  await c.invoice('general discount on gross, multi-rate, with shipping', client, {
    generalDiscount: { mode: 'amount', base: 'gross', value: '100.00' },
    shipping: { amount: '15.00', vatRate: '20.00' },
    lines: [line('Audit', '1', '1200.00', '20.00'), { productId: flour, quantity: '40' }],
  });
  await c.invoice('shipping charge', client, { shipping: { amount: '19.90', vatRate: '20.00' }, lines: [{ productId: shelf, quantity: '1' }] });
  await c.invoice('other taxes (eco-contribution) and shipping', other, {
    shipping: { amount: '25.00', vatRate: '20.00' },
    lines: [{ productId: shelf, quantity: '2', otherTaxes: [{ label: 'Éco-participation', mode: 'fixed', value: '1.50', vatRate: '20.00' }] }],
  });
  await c.invoice('SEPA direct debit', debtor, { paymentMethod: 'direct_debit', lines: [line('Abonnement maintenance', '1', '39.90', '20.00', { unit: 'month' })] });
  await c.invoice('B2C sale to a consumer', consumer, { lines: [line('Dépannage à domicile', '1', '89.00', '20.00'), { productId: shelf, quantity: '1' }] });
  await c.invoice('delivery elsewhere than the billing address', other, {
    deliveryDate: today,
    deliveryAddress: { line1: 'ZI des Forges', postalCode: '69800', city: 'Saint-Priest', country: 'FR' },
    deliveryAttention: 'Quai 3',
    lines: [{ productId: shelf, quantity: '6' }],
  });
  await c.invoice('payment in two installments', client, {
    paymentTerms: [
      { percent: '50', kind: 'payment', rule: { type: 'days', days: 30 } },
      { percent: '50', kind: 'payment', rule: { type: 'days', days: 60 } },
    ],
    lines: [line('Refonte du site', '1', '4800.00', '20.00')],
  });
  await c.invoice('early-payment discount offered', client, { earlyPaymentDiscount: { percent: '2.00', withinDays: 10 }, lines: [line('Prestation', '1', '640.00', '20.00')] });
  await c.billingSettings({ vatOnDebits: true });
  await c.invoice('VAT on debits', client, { lines: [line('Conseil', '2', '500.00', '20.00', { unit: 'day' })] });
  await c.billingSettings({ vatOnDebits: false });

  const servicesOrder = await c.orderWithDeposit('deposit invoice (386), services', client, { lines: [line('Développement', '10', '600.00', '20.00', { unit: 'day' })] }, '30');
  await c.depositPayment('deposit received (386)', servicesOrder, '1200.00', today);
  const finalServices = await c.finalInvoice('final invoice deducting two deposits (S4)', servicesOrder);
  const goodsOrder = await c.orderWithDeposit('deposit invoice (386), goods at two rates', other, { lines: [{ productId: shelf, quantity: '5' }, { productId: flour, quantity: '100' }] }, '40');
  await c.finalInvoice('final invoice deducting a deposit (B4)', goodsOrder);
  const mixedOrder = await c.orderWithDeposit('deposit invoice (386), mixed', client, { lines: [{ productId: shelf, quantity: '2' }, line('Pose', '3', '55.00', '20.00', { unit: 'hour' })] }, '20');
  await c.finalInvoice('final invoice deducting a deposit (M4)', mixedOrder);

  await c.creditNote('full credit note', plain.id);
  await c.creditNote('partial credit note', mixed.id, [{ sourceLineId: mixed.lines[0]!.id, quantity: '1' }]);
  await c.creditNote('credit note of a final invoice (deposit lines)', finalServices.id);
  return c.documents;
}

/** A micro-business under the 293 B franchise: no VAT, the legal wording on every line. */
async function franchiseCompanyDocuments(t: TestApp): Promise<CorpusDocument[]> {
  const org = await signupOrganization(t.http(), 'Franchise');
  const c = await CorpusCompany.enable(() => t.http(), org, { franchise: true });
  const client = await c.frenchBusiness('Café des Arts');
  const consumer = await c.person('Paul Bernard');
  const exempt = { vatCategory: 'E', vatRate: '0.00', vatExemptionReason: WORDING.franchise };
  const invoice = await c.invoice('franchise en base (293 B)', client, { lines: [{ description: 'Création graphique', quantity: '1', unitPrice: '850.00', ...exempt }] });
  await c.invoice('franchise en base, B2C', consumer, { lines: [{ description: 'Cours particulier', quantity: '2', unit: 'hour', unitPrice: '35.00', ...exempt }] });
  await c.creditNote('franchise credit note', invoice.id);
  return c.documents;
}
