import { readFileSync } from 'node:fs';
import { standardsFile, standardsSuiteTitle } from './standards';
import { validateAgainstXsd } from './xsd';

const XSD = ['sepa', 'xsd', 'pain.008.001.02.xsd'];
const xsd = standardsFile(...XSD);
const sample = standardsFile('sepa', 'samples-php-sepa-xml', 'pain.008.001.02.xml');
const negative = standardsFile('sepa', 'negative', 'pain.008.001.02_missing-ReqdColltnDt_bad-IBAN.xml');

(xsd && sample && negative ? describe : describe.skip)(standardsSuiteTitle('validateAgainstXsd', xsd && sample && negative, ...XSD), () => {
  it('accepts the official sample, given as a string or as a file', async () => {
    await expect(validateAgainstXsd(readFileSync(sample ?? '', 'utf8'), xsd ?? '')).resolves.toEqual({ valid: true, errors: [] });
    await expect(validateAgainstXsd({ file: sample ?? '' }, xsd ?? '')).resolves.toEqual({ valid: true, errors: [] });
  });

  it('rejects the negative sample and says which elements are wrong', async () => {
    const result = await validateAgainstXsd({ file: negative ?? '' }, xsd ?? '');
    expect(result.valid).toBe(false);
    expect(result.errors.join('\n')).toMatch(/IBAN|ReqdColltnDt/);
  });
});
