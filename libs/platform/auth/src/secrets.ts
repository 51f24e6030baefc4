import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * Tokens and API-key secrets are stored as HMAC-SHA-256 digests keyed by AUTH_SECRET: fast enough to
 * check on every request, useless to whoever reads the database without the key.
 */
export function digestSecret(key: string, secret: string): string {
  return createHmac('sha256', key).update(secret).digest('hex');
}

export function randomToken(bytes = 32): string {
  return randomBytes(bytes).toString('base64url');
}

export function sameDigest(a: string, b: string): boolean {
  const left = Buffer.from(a, 'hex');
  const right = Buffer.from(b, 'hex');
  return left.length === right.length && timingSafeEqual(left, right);
}
