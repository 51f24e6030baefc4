import { sampleEInvoice, sampleEInvoices, writeUbl } from '@comptoir/documents';
import { STANDARDS_DIR, standardsFile, standardsSuiteTitle } from '@comptoir/platform/standards';
import { EInvoiceValidator } from './einvoice-validator';
import type { ValidationOptions, ValidationReport } from './validation-report';

const UBL: ValidationOptions = { syntax: 'ubl', profile: 'EN16931', frenchRules: false };
const SCHEMATRON = ['en16931-ubl', 'xslt', 'EN16931-UBL-validation.xslt'] as const;

const issues = (report: ValidationReport, flag: 'fatal' | 'warning') =>
  report.checks.flatMap((check) => check.issues.filter((issue) => issue.flag === flag).map((issue) => `${issue.id} ${issue.location}: ${issue.message}`));

const present = standardsFile(...SCHEMATRON);

/**
 * The writers' hand-built cases (every VAT case, discounts and charges, deposits and credit notes,
 * multi-rate) through the UBL 2.1 XSD and the EN 16931 UBL schematron: no fatal assertion, and no
 * warning either (the UBL-CR "should not include" rules flag elements EN 16931 does not use).
 */
(present ? describe : describe.skip)(standardsSuiteTitle('writeUbl through the UBL 2.1 XSD and the EN 16931 UBL schematron', present, ...SCHEMATRON), () => {
  const validator = new EInvoiceValidator(STANDARDS_DIR);

  it.each(Object.entries(sampleEInvoices()))('%s: 0 fatal, 0 warning', async (_name, invoice) => {
    const report = await validator.validate(writeUbl(invoice), UBL);
    expect(report.checks.map((check) => check.kind)).toEqual(['xsd', 'schematron']);
    expect(issues(report, 'fatal')).toEqual([]);
    expect(issues(report, 'warning')).toEqual([]);
    expect(report.valid).toBe(true);
  }, 180_000);

  it('reports an inconsistent total as BR-CO-16 (the check can fail)', async () => {
    const standard = sampleEInvoice('standard');
    const report = await validator.validate(writeUbl({ ...standard, totals: { ...standard.totals, due: '1.00' } }), UBL);
    expect(report.valid).toBe(false);
    expect(issues(report, 'fatal').map((issue) => issue.split(' ')[0])).toEqual(['BR-CO-16']);
  }, 180_000);
});
