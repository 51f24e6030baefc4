/**
 * The sRGB (IEC 61966-2-1) ICC profile that a PDF/A OutputIntent needs as /DestOutputProfile, built here rather
 * than shipped as a binary or taken from another package (see ADR 0015): an ICC v2.1 display-class matrix/TRC
 * profile — media white point, the three Bradford-adapted (D65 → D50) sRGB colorants that every published sRGB
 * profile carries, and the sRGB transfer curve sampled at 1024 points, as the ICC's own sRGB2014 profile does.
 */
export const SRGB_OUTPUT_CONDITION = 'sRGB IEC61966-2.1';

const PROFILE_DESCRIPTION = 'sRGB IEC61966-2.1';
const PROFILE_COPYRIGHT = 'No copyright, use freely';
const D50 = [0.9642, 1.0, 0.8249] as const;
const COLORANTS = {
  rXYZ: [0.4361, 0.2225, 0.0139],
  gXYZ: [0.3851, 0.7169, 0.0971],
  bXYZ: [0.1431, 0.0606, 0.7141],
} as const;
const CURVE_POINTS = 1024;
const HEADER_SIZE = 128;
/** A fixed creation date keeps the profile, and so every Factur-X file, byte-for-byte reproducible. */
const PROFILE_DATE = [2026, 1, 1, 0, 0, 0] as const;

let cached: Uint8Array | null = null;

export function srgbIccProfile(): Uint8Array {
  cached ??= buildProfile();
  return cached;
}

/** IEC 61966-2-1 decoding: encoded value (0..1) → linear light. */
export function srgbToLinear(encoded: number): number {
  return encoded <= 0.04045 ? encoded / 12.92 : ((encoded + 0.055) / 1.055) ** 2.4;
}

function buildProfile(): Uint8Array {
  const curve = curveTag();
  const tags: [string, Uint8Array][] = [
    ['desc', descriptionTag(PROFILE_DESCRIPTION)],
    ['cprt', textTag(PROFILE_COPYRIGHT)],
    ['wtpt', xyzTag(D50)],
    ['rXYZ', xyzTag(COLORANTS.rXYZ)],
    ['gXYZ', xyzTag(COLORANTS.gXYZ)],
    ['bXYZ', xyzTag(COLORANTS.bXYZ)],
    ['rTRC', curve],
    ['gTRC', curve],
    ['bTRC', curve],
  ];
  const tableSize = 4 + tags.length * 12;
  // Tags sharing the same data (the three TRCs) point at one copy, as the ICC specification allows.
  const offsets = new Map<Uint8Array, number>();
  let end = HEADER_SIZE + tableSize;
  for (const [, data] of tags) {
    if (offsets.has(data)) continue;
    offsets.set(data, end);
    end = align4(end + data.length);
  }
  const profile = new Uint8Array(end);
  const view = new DataView(profile.buffer);
  writeHeader(view, end);
  view.setUint32(HEADER_SIZE, tags.length);
  tags.forEach(([signature, data], i) => {
    const entry = HEADER_SIZE + 4 + i * 12;
    writeAscii(profile, entry, signature);
    view.setUint32(entry + 4, offsets.get(data)!);
    view.setUint32(entry + 8, data.length);
  });
  for (const [data, offset] of offsets) profile.set(data, offset);
  return profile;
}

function writeHeader(view: DataView, size: number): void {
  const bytes = new Uint8Array(view.buffer);
  view.setUint32(0, size);
  view.setUint32(8, 0x02100000); // version 2.1.0
  writeAscii(bytes, 12, 'mntr'); // display device class
  writeAscii(bytes, 16, 'RGB ');
  writeAscii(bytes, 20, 'XYZ '); // profile connection space
  PROFILE_DATE.forEach((part, i) => view.setUint16(24 + i * 2, part));
  writeAscii(bytes, 36, 'acsp');
  view.setUint32(64, 0); // perceptual rendering intent
  D50.forEach((value, i) => view.setInt32(68 + i * 4, s15Fixed16(value)));
}

function xyzTag([x, y, z]: readonly [number, number, number]): Uint8Array {
  const tag = new Uint8Array(20);
  const view = new DataView(tag.buffer);
  writeAscii(tag, 0, 'XYZ ');
  [x, y, z].forEach((value, i) => view.setInt32(8 + i * 4, s15Fixed16(value)));
  return tag;
}

function curveTag(): Uint8Array {
  const tag = new Uint8Array(12 + CURVE_POINTS * 2);
  const view = new DataView(tag.buffer);
  writeAscii(tag, 0, 'curv');
  view.setUint32(8, CURVE_POINTS);
  for (let i = 0; i < CURVE_POINTS; i++) view.setUint16(12 + i * 2, Math.round(srgbToLinear(i / (CURVE_POINTS - 1)) * 0xffff));
  return tag;
}

/** ICC v2 textDescriptionType: the ASCII description, with empty Unicode and ScriptCode parts. */
function descriptionTag(text: string): Uint8Array {
  const ascii = text.length + 1;
  const tag = new Uint8Array(12 + ascii + 4 + 4 + 2 + 1 + 67);
  const view = new DataView(tag.buffer);
  writeAscii(tag, 0, 'desc');
  view.setUint32(8, ascii);
  writeAscii(tag, 12, text);
  return tag;
}

function textTag(text: string): Uint8Array {
  const tag = new Uint8Array(8 + text.length + 1);
  writeAscii(tag, 0, 'text');
  writeAscii(tag, 8, text);
  return tag;
}

function s15Fixed16(value: number): number {
  return Math.round(value * 0x10000);
}

function align4(offset: number): number {
  return (offset + 3) & ~3;
}

function writeAscii(target: Uint8Array, offset: number, text: string): void {
  for (let i = 0; i < text.length; i++) target[offset + i] = text.charCodeAt(i);
}
