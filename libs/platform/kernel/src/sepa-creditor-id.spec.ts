import { readFileSync } from 'node:fs';
import { standardsFile, standardsSuiteTitle } from '@comptoir/platform/standards';
import { isValidSepaCreditorId, normaliseSepaCreditorId } from './sepa-creditor-id';

const VECTORS = ['identifiers', 'sepa-creditor-id.json'];
const path = standardsFile(...VECTORS);

interface Vectors {
  valid: { ci: string }[];
  invalid: { ci: string; reason: string }[];
}

(path ? describe : describe.skip)(standardsSuiteTitle('SEPA creditor identifier against the shared vectors', path, ...VECTORS), () => {
  const vectors = JSON.parse(readFileSync(path ?? '', 'utf8')) as Vectors;

  it.each(vectors.valid.map((v) => v.ci))('accepts %s', (ci) => {
    expect(isValidSepaCreditorId(ci)).toBe(true);
  });

  it.each(vectors.invalid.map((v) => [v.ci, v.reason]))('rejects %s (%s)', (ci) => {
    expect(isValidSepaCreditorId(ci)).toBe(false);
  });
});

describe('normaliseSepaCreditorId', () => {
  it('upper-cases and strips spaces, after which the id checks', () => {
    expect(normaliseSepaCreditorId(' fr72 zzz 123456 ')).toBe('FR72ZZZ123456');
    expect(isValidSepaCreditorId(normaliseSepaCreditorId('fr72zzz123456'))).toBe(true);
  });
});
