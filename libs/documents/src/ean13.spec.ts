import { ean13Svg } from './ean13';

describe('ean13Svg', () => {
  it('draws 95 modules with the guard patterns for a valid code', () => {
    const svg = ean13Svg('4006381333931')!;
    const widths = [...svg.matchAll(/<rect x="(\d+)" y="0" width="(\d+)"/g)].map((m) => [Number(m[1]), Number(m[2])]);
    expect(widths[0]).toEqual([0, 1]);
    expect(widths.at(-1)).toEqual([94, 1]);
    // 30 bars: 2 per digit (12 encoded digits) + 3 guards of 2 bars.
    expect(widths).toHaveLength(30);
  });

  it('refuses a wrong check digit or a non-EAN value', () => {
    expect(ean13Svg('4006381333932')).toBeNull();
    expect(ean13Svg('ABC')).toBeNull();
  });
});
