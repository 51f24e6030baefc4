import { createHash } from 'node:crypto';
import { ValidateBy, ValidationOptions } from 'class-validator';

/** The largest logo accepted, decoded: a print-quality PNG or JPEG fits; it is read on every PDF rendering. */
export const LOGO_MAX_BYTES = 300_000;

/**
 * PNG and JPEG only, checked on their first bytes: an SVG is a document that can carry scripts and
 * external references, and sanitising one is harder than asking for a bitmap.
 */
const FORMATS: { mime: string; magic: Buffer }[] = [
  { mime: 'image/png', magic: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]) },
  { mime: 'image/jpeg', magic: Buffer.from([0xff, 0xd8, 0xff]) },
];

const DATA_URL = /^data:(image\/(?:png|jpeg));base64,([A-Za-z0-9+/]+={0,2})$/;

/** Why a logo data URL is refused, or null when it is a PNG or JPEG of at most LOGO_MAX_BYTES. */
export function logoProblem(value: unknown): string | null {
  const match = typeof value === 'string' ? DATA_URL.exec(value) : null;
  if (!match) return 'must be a data:image/png;base64,… or data:image/jpeg;base64,… URL';
  const bytes = Buffer.from(match[2]!, 'base64');
  if (bytes.length > LOGO_MAX_BYTES) return `must be an image of at most ${LOGO_MAX_BYTES / 1000} kB`;
  const format = FORMATS.find((f) => f.mime === match[1])!;
  if (!bytes.subarray(0, format.magic.length).equals(format.magic)) return `is not a ${format.mime} image`;
  return null;
}

export const IsLogoDataUrl = (options?: ValidationOptions) =>
  ValidateBy({ name: 'isLogoDataUrl', validator: { validate: (v) => logoProblem(v) === null, defaultMessage: (a) => `${a?.property} ${logoProblem(a?.value)}` } }, options);

/** What the audit log keeps of a logo: a fingerprint, not 300 kB of base64. */
export const logoFingerprint = (logo: string | null | undefined): string | null => (logo ? `sha256:${createHash('sha256').update(logo).digest('hex')}` : null);
