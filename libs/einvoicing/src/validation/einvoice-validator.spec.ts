import { readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { STANDARDS_DIR, standardsFile, standardsSuiteTitle } from '@comptoir/platform/standards';
import { DEFAULT_SEF_CACHE_DIR } from './compiled-stylesheets';
import { EInvoiceValidator } from './einvoice-validator';
import { StandardsUnavailableError } from './standards-unavailable.error';
import { ValidationOptions, ValidationReport } from './validation-report';

const EN16931: ValidationOptions = { syntax: 'cii', profile: 'EN16931', frenchRules: false };
const B2B: ValidationOptions = { ...EN16931, frenchRules: true };
const UBL: ValidationOptions = { syntax: 'ubl', profile: 'EN16931', frenchRules: false };

/** CEN examples that also meet Factur-X EN16931's own restrictions (the others use elements Factur-X marks "not used"). */
const FACTURX_CONFORMANT_CII = ['CII_example1', 'CII_example2', 'CII_example3', 'CII_example4', 'CII_example6', 'CII_example7', 'CII_example8', 'CII_example9', 'CII_business_example_01'];
const OTHER_CII = ['CII_example5', 'CII_business_example_02', 'CII_business_example_Z', 'CII-BR-CO-10-RoundingIssue', 'XRechnung-O', 'huf_example_cii'];
const UBL_EXAMPLES = ['ubl-tc434-example1', 'ubl-tc434-example2', 'ubl-tc434-example5', 'ubl-tc434-example10', 'ubl-tc434-creditnote1'];

const example = (...parts: string[]): string => readFileSync(join(STANDARDS_DIR, ...parts), 'utf8');
const fatalIds = (report: ValidationReport): string[] => [...new Set(report.checks.flatMap((c) => c.issues.filter((i) => i.flag === 'fatal').map((i) => i.id)))].sort();
const check = (report: ValidationReport, name: string) => report.checks.find((c) => c.name === name);

const present = standardsFile('en16931-cii', 'examples', 'CII_example1.xml');

(present ? describe : describe.skip)(standardsSuiteTitle('EInvoiceValidator over the official examples', present, 'en16931-cii', 'examples', 'CII_example1.xml'), () => {
  // Cold SEF cache: every schematron compiles once (in parallel child processes) before the first run.
  const validator = new EInvoiceValidator(STANDARDS_DIR);
  beforeAll(async () => {
    await validator.validate(example('facturx', 'examples-akretion', 'factur-x-en16931.xml'), B2B);
    await validator.validate(example('en16931-ubl', 'examples', 'ubl-tc434-example1.xml'), UBL);
  }, 180_000);

  it.each(FACTURX_CONFORMANT_CII)('%s is a valid EN 16931 CII invoice (XSD, EN 16931 and Factur-X EN16931 schematrons)', async (name) => {
    const report = await validator.validate(example('en16931-cii', 'examples', `${name}.xml`), EN16931);
    expect(fatalIds(report)).toEqual([]);
    expect(report).toMatchObject({ valid: true, syntax: 'cii', profile: 'EN16931' });
    expect(report.checks.map((c) => [c.kind, c.artefact])).toEqual([
      ['xsd', 'facturx/fnfe-france-rfe/FNFE_RFE_INVOICE/Factur-X/EN16931/1xsd/Factur-X_EN16931.xsd'],
      ['schematron', 'en16931-cii/xslt/EN16931-CII-validation.xslt'],
      ['schematron', 'facturx/fnfe-france-rfe/FNFE_RFE_INVOICE/Factur-X/EN16931/2xslt/FACTUR-X_EN16931.xslt'],
    ]);
  });

  it.each(OTHER_CII)('%s passes the XSD and the EN 16931 CII rules, and only Factur-X restrictions fail', async (name) => {
    const report = await validator.validate(example('en16931-cii', 'examples', `${name}.xml`), EN16931);
    expect(check(report, 'Factur-X EN16931 XSD')?.fatal).toBe(0);
    expect(check(report, 'EN 16931 CII schematron')?.fatal).toBe(0);
    expect(check(report, 'Factur-X EN16931 schematron')?.fatal).toBeGreaterThan(0);
    expect(report.valid).toBe(false);
  });

  it('the akretion Factur-X EN16931 example meets the French rules (BR-FR Flux 2)', async () => {
    const report = await validator.validate(example('facturx', 'examples-akretion', 'factur-x-en16931.xml'), B2B);
    expect(fatalIds(report)).toEqual([]);
    expect(report.valid).toBe(true);
    expect(report.checks.at(-1)).toMatchObject({ kind: 'schematron', artefact: 'facturx/fnfe-france-rfe/FNFE_RFE_INVOICE/CII/EN16931/2xslt/BR-FR-Flux2-Schematron-CII.xslt', fatal: 0 });
  });

  it('a CEN example is not a French B2B e-invoice: BR-FR names the missing notes, framework, SIREN, addresses', async () => {
    const report = await validator.validate(example('en16931-cii', 'examples', 'CII_example1.xml'), B2B);
    expect(report.valid).toBe(false);
    const brFr = check(report, 'BR-FR Flux 2 (French CTC rules)');
    const ids = brFr?.issues.map((issue) => issue.id) ?? [];
    for (const rule of ['BR-FR-05', 'BR-FR-08', 'BR-FR-10', 'BR-FR-12', 'BR-FR-13']) expect(ids.some((id) => id.startsWith(rule))).toBe(true);
    expect(brFr?.fatal).toBe(brFr?.issues.filter((issue) => issue.flag === 'fatal').length);
    expect(brFr?.issues[0]).toMatchObject({ flag: 'fatal', location: expect.stringContaining('CrossIndustryInvoice'), message: expect.stringMatching(/\S/) });
  });

  it('the negative CII sample fails BR-CO-15 / BR-CO-16 (totals)', async () => {
    const report = await validator.validate(example('en16931-cii', 'negative', 'CII_example1_bad_grandtotal.xml'), EN16931);
    expect(report.valid).toBe(false);
    expect(check(report, 'EN 16931 CII schematron')?.issues.map((i) => i.id).sort()).toEqual(['BR-CO-15', 'BR-CO-16']);
    expect(check(report, 'EN 16931 CII schematron')?.issues[0]?.test).toMatch(/GrandTotalAmount/);
  });

  it('an element the schema does not allow is a fatal XSD issue', async () => {
    const mutated = example('en16931-cii', 'examples', 'CII_example1.xml').replace('<ram:TypeCode>380', '<ram:Bogus/><ram:TypeCode>380');
    const report = await validator.validate(mutated, EN16931);
    expect(report.valid).toBe(false);
    expect(check(report, 'Factur-X EN16931 XSD')).toMatchObject({ fatal: 1, issues: [{ id: 'xsd', flag: 'fatal', message: expect.stringContaining('Bogus') }] });
  });

  it('XML that is not well-formed is refused by every check, without throwing', async () => {
    const report = await validator.validate('<rsm:CrossIndustryInvoice', EN16931);
    expect(report.valid).toBe(false);
    expect(report.checks.every((c) => c.fatal > 0)).toBe(true);
  });

  it.each(UBL_EXAMPLES)('%s is a valid UBL invoice / credit note (UBL 2.1 XSD, EN 16931 UBL schematron)', async (name) => {
    const report = await validator.validate(example('en16931-ubl', 'examples', `${name}.xml`), UBL);
    expect(fatalIds(report)).toEqual([]);
    expect(report.valid).toBe(true);
    const xsd = name.includes('creditnote') ? 'UBL-CreditNote-2.1.xsd' : 'UBL-Invoice-2.1.xsd';
    expect(report.checks.map((c) => c.artefact)).toEqual([`en16931-ubl/xsd/maindoc/${xsd}`, 'en16931-ubl/xslt/EN16931-UBL-validation.xslt']);
  });

  it('the negative UBL sample fails BR-CO-16 (amount due)', async () => {
    const report = await validator.validate(example('en16931-ubl', 'negative', 'ubl-tc434-example1_bad_payable.xml'), UBL);
    expect(fatalIds(report)).toEqual(['BR-CO-16']);
  });

  it('keeps the compiled schematrons on disk outside the repository, one SEF per stylesheet', () => {
    const sefs = readdirSync(DEFAULT_SEF_CACHE_DIR).filter((name) => /^[0-9a-f]{64}\.sef\.json$/.test(name));
    // EN 16931 CII, Factur-X EN16931, BR-FR and EN 16931 UBL at least (the beforeAll ran all four).
    expect(sefs.length).toBeGreaterThanOrEqual(4);
    expect(DEFAULT_SEF_CACHE_DIR.startsWith(process.cwd())).toBe(false);
  });

  it('EXTENDED-CTC-FR runs the CII D22B XSD, the EXTENDED-CTC-FR rules and BR-FR', async () => {
    const report = await validator.validate(example('facturx', 'examples-akretion', 'factur-x-extended.xml'), { syntax: 'cii', profile: 'EXTENDED-CTC-FR', frenchRules: true });
    expect(report.checks.map((c) => c.name)).toEqual(['CII D22B XSD', 'EXTENDED-CTC-FR schematron', 'BR-FR Flux 2 (French CTC rules)']);
    expect(fatalIds(report)).toEqual([]);
  }, 120_000);
});

describe('EInvoiceValidator without the standards', () => {
  const validator = new EInvoiceValidator(join(tmpdir(), 'comptoir-no-standards-here'));

  it('throws StandardsUnavailableError naming the missing artefact', async () => {
    await expect(validator.validate('<x/>', EN16931)).rejects.toThrow(StandardsUnavailableError);
    await expect(validator.validate('<x/>', EN16931)).rejects.toMatchObject({ code: 'standards_unavailable', status: 501, missing: expect.stringContaining('Factur-X_EN16931.xsd') });
    expect(() => validator.assertAvailable()).toThrow(StandardsUnavailableError);
  });
});
