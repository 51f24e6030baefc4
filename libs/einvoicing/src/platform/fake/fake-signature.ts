import { createHmac, timingSafeEqual } from 'node:crypto';

/** The header the fake platform signs its callbacks in: `sha256=<hex HMAC-SHA-256 of the raw body>`. */
export const FAKE_SIGNATURE_HEADER = 'x-fake-platform-signature';

export function signBody(secret: string, body: Buffer): string {
  return `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;
}

/** The reason the signature does not verify, or null when it does (constant-time comparison). */
export function signatureProblem(secret: string, body: Buffer, header: string | string[] | undefined): string | null {
  if (typeof header !== 'string' || !header) return `the ${FAKE_SIGNATURE_HEADER} header is missing or repeated`;
  const expected = Buffer.from(signBody(secret, body));
  const given = Buffer.from(header);
  return given.length === expected.length && timingSafeEqual(given, expected) ? null : 'the HMAC does not match the body';
}
