import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { standardsFile, STANDARDS_DIR } from '@comptoir/platform/standards';
import { frenchVatKey, frenchVatNumber, isValidEuVatNumber, isValidSiren, isValidSiret, luhnValid, normaliseVatNumber } from './identifiers';

/**
 * Checked against the shared test vectors (shared/standards/identifiers, found through
 * COMPTOIR_STANDARDS_DIR or ../shared/standards beside the repository).
 */
const VECTORS = join(STANDARDS_DIR, 'identifiers');
const present = standardsFile('identifiers', 'siren-siret.json') !== null && standardsFile('identifiers', 'fr-vat.json') !== null;

interface Invalid {
  reason: string;
}
interface SirenSiretVectors {
  siren: { valid: { siren: string }[]; invalid: ({ siren: string } & Invalid)[] };
  siret: { valid: { siret: string; siren: string }[]; invalid: ({ siret: string } & Invalid)[] };
}
interface VatVectors {
  valid: { vat: string; siren: string; key: string }[];
  invalid: ({ vat: string } & Invalid)[];
}

const load = <T>(file: string): T => JSON.parse(readFileSync(join(VECTORS, file), 'utf8')) as T;
/** Vectors that are wrong only in their written form (spaces, case): the API normalises those. */
const onlyNeedsNormalising = (v: Invalid) => /normali[sz]ation/i.test(v.reason);

(present ? describe : describe.skip)(`identifiers against the shared vectors${present ? '' : ` (SKIPPED: standards are missing at ${VECTORS}; set COMPTOIR_STANDARDS_DIR)`}`, () => {
  const ids = present ? load<SirenSiretVectors>('siren-siret.json') : null;
  const vat = present ? load<VatVectors>('fr-vat.json') : null;

  describe('SIREN', () => {
    it.each((ids?.siren.valid ?? []).map((v) => [v.siren]))('accepts %s', (siren) => {
      expect(isValidSiren(siren)).toBe(true);
    });
    it.each((ids?.siren.invalid ?? []).map((v) => [v.siren, v.reason]))('refuses %p (%s)', (siren) => {
      expect(isValidSiren(siren)).toBe(false);
    });
    it('accepts the space-separated forms once the spaces are removed', () => {
      for (const v of (ids?.siren.invalid ?? []).filter(onlyNeedsNormalising)) expect(isValidSiren(v.siren.replace(/\s/g, ''))).toBe(true);
    });
  });

  describe('SIRET (with the La Poste rule)', () => {
    it.each((ids?.siret.valid ?? []).map((v) => [v.siret, v.siren]))('accepts %s of SIREN %s', (siret, siren) => {
      expect(isValidSiret(siret)).toBe(true);
      expect(siret.startsWith(siren)).toBe(true);
      expect(isValidSiren(siren)).toBe(true);
    });
    it.each((ids?.siret.invalid ?? []).map((v) => [v.siret, v.reason]))('refuses %p (%s)', (siret) => {
      expect(isValidSiret(siret)).toBe(false);
    });
  });

  describe('French VAT numbers', () => {
    it.each((vat?.valid ?? []).map((v) => [v.vat, v.siren, v.key]))('accepts %s and derives it from SIREN %s (key %s)', (number, siren, key) => {
      expect(isValidEuVatNumber(number)).toBe(true);
      expect(frenchVatKey(siren)).toBe(key);
      expect(frenchVatNumber(siren)).toBe(number);
    });
    it.each((vat?.invalid ?? []).filter((v) => !onlyNeedsNormalising(v)).map((v) => [v.vat, v.reason]))('refuses %p (%s)', (number) => {
      expect(isValidEuVatNumber(number)).toBe(false);
    });
    it.each((vat?.invalid ?? []).filter(onlyNeedsNormalising).map((v) => [v.vat, v.reason]))('accepts %p only as its normalised form (%s)', (number) => {
      const normalised = normaliseVatNumber(number);
      expect(normalised).not.toBe(number);
      expect(isValidEuVatNumber(normalised)).toBe(true);
    });
  });
});

describe('identifiers (properties)', () => {
  const stem = fc.stringMatching(/^\d{8}$/);

  it('gives every 8-digit stem exactly one SIREN key, and its VAT number is valid', () => {
    fc.assert(
      fc.property(stem, (s) => {
        const keys = Array.from({ length: 10 }, (_, k) => `${s}${k}`).filter(isValidSiren);
        expect(keys).toHaveLength(1);
        expect(isValidEuVatNumber(frenchVatNumber(keys[0]!))).toBe(true);
      }),
    );
  });

  it('detects every single-digit error in a SIREN (Luhn)', () => {
    fc.assert(
      fc.property(stem, fc.integer({ min: 0, max: 8 }), fc.integer({ min: 1, max: 9 }), (s, position, delta) => {
        const siren = Array.from({ length: 10 }, (_, k) => `${s}${k}`).find(isValidSiren)!;
        const digits = [...siren];
        digits[position] = String((Number(digits[position]) + delta) % 10);
        expect(isValidSiren(digits.join(''))).toBe(false);
      }),
    );
  });

  it('refuses anything that is not only digits', () => {
    fc.assert(fc.property(fc.string().filter((s) => !/^\d+$/.test(s)), (s) => expect(luhnValid(s)).toBe(false)));
  });

  it('normalises spacing, dots, dashes and case of VAT numbers', () => {
    expect(normaliseVatNumber('fr 40 303-265.045')).toBe('FR40303265045');
  });
});
