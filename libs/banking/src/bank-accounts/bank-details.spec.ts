import { readFileSync } from 'node:fs';
import { standardsFile, standardsSuiteTitle } from '@comptoir/platform/testing';
import { bicProblem, ibanBankId, ibanProblem, maskIban, normaliseBic, normaliseIban } from './bank-details';

const IBANS = ['identifiers', 'iban.json'];
const BICS = ['identifiers', 'bic.json'];
const ibanPath = standardsFile(...IBANS);
const bicPath = standardsFile(...BICS);
const FRENCH_IBAN = 'FR1420041010050500013M02606';
const load = <T>(path: string | null): T => JSON.parse(readFileSync(path ?? '', 'utf8')) as T;

interface IbanVectors {
  valid: { iban: string; country: string }[];
  invalid: { iban: string; reason: string }[];
  formatting: { input: string; electronic: string }[];
}
interface BicVectors {
  valid: { bic: string }[];
  invalid: { bic: string; reason: string }[];
  needs_normalisation: { bic: string }[];
}

(ibanPath ? describe : describe.skip)(standardsSuiteTitle('IBAN against the shared vectors', ibanPath, ...IBANS), () => {
  const vectors = load<IbanVectors>(ibanPath);

  it.each(vectors.valid.map((v) => v.iban))('accepts %s', (iban) => {
    expect(ibanProblem(normaliseIban(iban))).toBeNull();
  });

  it.each(vectors.invalid.map((v) => [v.iban, v.reason]))('rejects %j (%s)', (iban) => {
    expect(ibanProblem(normaliseIban(iban))).toMatch(/^IBAN /);
  });

  it.each(vectors.formatting.map((v) => [v.input, v.electronic]))('normalises %j to %s', (input, electronic) => {
    expect(normaliseIban(input)).toBe(electronic);
    expect(ibanProblem(normaliseIban(input))).toBeNull();
  });
});

(bicPath ? describe : describe.skip)(standardsSuiteTitle('BIC against the shared vectors', bicPath, ...BICS), () => {
  const vectors = load<BicVectors>(bicPath);
  /** A valid IBAN of the BIC's own country, so that only the BIC's structure is under test. */
  const ibanOf: Record<string, string | undefined> = { FR: 'FR1420041010050500013M02606', DE: 'DE89370400440532013000', NL: 'NL91ABNA0417164300', BE: 'BE68539007547034', GB: 'GB29NWBK60161331926819', IT: 'IT60X0542811101000000123456', ES: 'ES9121000418450200051332', CH: 'CH9300762011623852957', LU: 'LU280019400644750000', AT: 'AT611904300234573201' };

  it.each(vectors.valid.map((v) => v.bic))('accepts %s', (bic) => {
    const iban = ibanOf[bic.slice(4, 6)] ?? 'missing';
    expect(bicProblem(bic, iban)).toBeNull();
  });

  it.each(vectors.invalid.map((v) => [v.bic, v.reason]))('rejects %j (%s)', (bic) => {
    expect(bicProblem(normaliseBic(bic), FRENCH_IBAN)).not.toBeNull();
  });

  it.each(vectors.needs_normalisation.map((v) => v.bic))('accepts %s once upper-cased', (bic) => {
    expect(bicProblem(normaliseBic(bic), FRENCH_IBAN)).toBeNull();
  });
});

describe('bank details', () => {
  it('rejects a BIC of another country than the IBAN', () => {
    expect(bicProblem('DEUTDEFF', 'FR1420041010050500013M02606')).toBe('BIC country DE does not match the IBAN country FR');
  });

  it('accepts a French BIC for a Monaco IBAN', () => {
    expect(bicProblem('BNPAFRPP', 'MC5811222000010123456789030')).toBeNull();
  });

  it('reads the bank identifier of an IBAN', () => {
    expect(ibanBankId('FR1420041010050500013M02606')).toBe('20041');
    expect(ibanBankId('NL91ABNA0417164300')).toBe('ABNA');
  });

  it('masks all but the country, check digits and last four characters', () => {
    expect(maskIban('FR1420041010050500013M02606')).toBe('FR14•••••••••••••••••••2606');
  });
});
