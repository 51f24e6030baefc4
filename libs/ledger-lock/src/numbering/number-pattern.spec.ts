import fc from 'fast-check';
import { formatNumber, patternProblem, patternsMayCollide, periodKey, SequenceFormat } from './number-pattern';
import { SEQUENCE_RESETS } from './numbering.types';

const date = fc.date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2099-12-31T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
const literal = fc.stringMatching(/^[A-Z0-9_./-]{0,6}$/);
const token = fc.constantFrom('{yyyy}', '{yy}', '{mm}', '');
/** Any pattern a series may hold with its reset (invalid combinations filtered out). */
const format: fc.Arbitrary<SequenceFormat> = fc
  .record({ parts: fc.array(fc.tuple(literal, token), { minLength: 1, maxLength: 3 }), counterWidth: fc.integer({ min: 1, max: 8 }), reset: fc.constantFrom(...SEQUENCE_RESETS) })
  .map(({ parts, counterWidth, reset }) => ({ pattern: parts.map(([l, t]) => l + t).join(''), counterWidth, reset }))
  .filter((f) => patternProblem(f.pattern, f.reset) === null);

describe('number patterns', () => {
  it('formats the default invoice series', () => {
    expect(formatNumber({ pattern: 'FA{yyyy}-', counterWidth: 5, reset: 'yearly' }, '2026-03-14', 1)).toBe('FA2026-00001');
    expect(formatNumber({ pattern: 'F{yy}{mm}/', counterWidth: 3, reset: 'monthly' }, '2026-03-14', 42)).toBe('F2603/042');
  });

  it('grows the counter past its width instead of truncating it', () => {
    const f: SequenceFormat = { pattern: 'FA{yyyy}-', counterWidth: 5, reset: 'yearly' };
    expect(formatNumber(f, '2026-01-01', 99_999)).toBe('FA2026-99999');
    expect(formatNumber(f, '2026-01-01', 100_000)).toBe('FA2026-100000');
    expect(() => formatNumber(f, '2026-01-01', 0)).toThrow(RangeError);
  });

  it('keys counters by reset period', () => {
    expect(periodKey('never', '2026-03-14')).toBe('');
    expect(periodKey('yearly', '2026-03-14')).toBe('2026');
    expect(periodKey('monthly', '2026-03-14')).toBe('2026-03');
  });

  it('refuses resets the pattern cannot tell apart, and foreign characters', () => {
    expect(patternProblem('FA-', 'yearly')).toMatch(/yearly/);
    expect(patternProblem('FA{yyyy}-', 'monthly')).toMatch(/monthly/);
    expect(patternProblem('FA{yyyy}{mm}-', 'monthly')).toBeNull();
    expect(patternProblem('FA-', 'never')).toBeNull();
    expect(patternProblem('FA {yyyy}', 'yearly')).not.toBeNull();
    expect(patternProblem('FA{dd}', 'never')).not.toBeNull();
  });

  it('never prints the same number for two different (period, counter) pairs of a series', () => {
    fc.assert(
      fc.property(format, date, date, fc.integer({ min: 1, max: 10_000_000 }), fc.integer({ min: 1, max: 10_000_000 }), (f, d1, d2, c1, c2) => {
        fc.pre(periodKey(f.reset, d1) !== periodKey(f.reset, d2) || c1 !== c2);
        expect(formatNumber(f, d1, c1)).not.toBe(formatNumber(f, d2, c2));
      }),
      { numRuns: 20_000 },
    );
  });

  it('flags two series that could print the same number, and only those', () => {
    expect(patternsMayCollide('FA', 'FA2')).toBe(true);
    expect(patternsMayCollide('FA{yy}', 'FA2')).toBe(true);
    expect(patternsMayCollide('FA{yyyy}-', 'FA{yyyy}-')).toBe(true);
    expect(patternsMayCollide('FA{yyyy}-', 'AV{yyyy}-')).toBe(false);
    expect(patternsMayCollide('FA', 'FAX')).toBe(false);
    fc.assert(
      fc.property(format, format, date, date, fc.integer({ min: 1, max: 10_000_000 }), fc.integer({ min: 1, max: 10_000_000 }), (a, b, d1, d2, c1, c2) => {
        if (formatNumber(a, d1, c1) === formatNumber(b, d2, c2)) expect(patternsMayCollide(a.pattern, b.pattern)).toBe(true);
      }),
      { numRuns: 20_000 },
    );
  });
});
