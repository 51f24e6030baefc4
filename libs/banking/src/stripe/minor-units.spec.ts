import fc from 'fast-check';
import { fromMinorUnits, toMinorUnits } from './minor-units';

describe('minor units (cents) for Stripe', () => {
  it('converts amounts exactly, both ways', () => {
    expect(toMinorUnits('1234.50')).toBe(123450);
    expect(toMinorUnits('0.10')).toBe(10);
    expect(toMinorUnits('0.29')).toBe(29); // 0.29 * 100 is 28.999999999999996 in floating point
    expect(fromMinorUnits(123450)).toBe('1234.50');
    expect(fromMinorUnits(1)).toBe('0.01');
  });

  it('round-trips every amount of two decimals', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: 10n ** 15n }), (raw) => {
        const amount = `${raw / 100n}.${String(raw % 100n).padStart(2, '0')}`;
        const cents = toMinorUnits(amount);
        expect(BigInt(cents)).toBe(raw);
        expect(fromMinorUnits(cents)).toBe(amount);
      }),
    );
  });

  it('refuses sub-cent amounts and non-integer cents instead of rounding them', () => {
    expect(() => toMinorUnits('1.005')).toThrow(/two decimals/);
    expect(() => fromMinorUnits(1.5)).toThrow(/whole number/);
  });
});
