import { srgbIccProfile, srgbToLinear } from './srgb-icc';

/** Reads the profile back the way a colour engine does: header, tag table, tag data. */
function readProfile(profile: Uint8Array) {
  const view = new DataView(profile.buffer, profile.byteOffset, profile.byteLength);
  const ascii = (offset: number) => String.fromCharCode(...profile.subarray(offset, offset + 4));
  const fixed = (offset: number) => view.getInt32(offset) / 0x10000;
  const tags = new Map<string, { offset: number; size: number }>();
  for (let i = 0; i < view.getUint32(128); i++) {
    const entry = 132 + i * 12;
    tags.set(ascii(entry), { offset: view.getUint32(entry + 4), size: view.getUint32(entry + 8) });
  }
  const xyz = (signature: string) => {
    const { offset } = tags.get(signature)!;
    expect(ascii(offset)).toBe('XYZ ');
    return [fixed(offset + 8), fixed(offset + 12), fixed(offset + 16)];
  };
  return { view, ascii, fixed, tags, xyz };
}

describe('generated sRGB ICC profile', () => {
  const profile = srgbIccProfile();
  const { view, ascii, fixed, tags, xyz } = readProfile(profile);

  it('has a v2 display-class RGB → XYZ header whose size is the file size', () => {
    expect(view.getUint32(0)).toBe(profile.length);
    expect(view.getUint32(8)).toBe(0x02100000);
    expect([ascii(12), ascii(16), ascii(20), ascii(36)]).toEqual(['mntr', 'RGB ', 'XYZ ', 'acsp']);
    expect([fixed(68), fixed(72), fixed(76)].map((v) => v.toFixed(4))).toEqual(['0.9642', '1.0000', '0.8249']);
  });

  it('has every tag a matrix/TRC RGB profile requires, each inside the file and 4-byte aligned', () => {
    expect([...tags.keys()].sort()).toEqual(['bTRC', 'bXYZ', 'cprt', 'desc', 'gTRC', 'gXYZ', 'rTRC', 'rXYZ', 'wtpt']);
    for (const { offset, size } of tags.values()) {
      expect(offset % 4).toBe(0);
      expect(offset + size).toBeLessThanOrEqual(profile.length);
    }
    expect(ascii(tags.get('desc')!.offset)).toBe('desc');
    expect(ascii(tags.get('cprt')!.offset)).toBe('text');
  });

  it('maps RGB white to the D50 white point: the three colorants add up to it', () => {
    const [r, g, b] = [xyz('rXYZ'), xyz('gXYZ'), xyz('bXYZ')];
    const white = xyz('wtpt');
    for (let axis = 0; axis < 3; axis++) expect(Math.abs(r[axis]! + g[axis]! + b[axis]! - white[axis]!)).toBeLessThan(0.0005);
    expect(r[1]! + g[1]! + b[1]!).toBeCloseTo(1, 3);
  });

  it('samples the sRGB transfer curve: linear toe, 2.4 power above it', () => {
    const { offset } = tags.get('rTRC')!;
    expect(ascii(offset)).toBe('curv');
    const points = view.getUint32(offset + 8);
    expect(points).toBe(1024);
    const at = (i: number) => view.getUint16(offset + 12 + i * 2) / 0xffff;
    expect(at(0)).toBe(0);
    expect(at(points - 1)).toBe(1);
    expect(at(511)).toBeCloseTo(0.2140, 3); // sRGB 50 % grey is 21.4 % linear light
    expect(srgbToLinear(0.04)).toBeCloseTo(0.04 / 12.92, 6);
    for (let i = 1; i < points; i++) expect(at(i)).toBeGreaterThanOrEqual(at(i - 1));
    expect(tags.get('gTRC')!.offset).toBe(offset);
    expect(tags.get('bTRC')!.offset).toBe(offset);
  });
});
