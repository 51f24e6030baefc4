import { ValidationFailedError } from '@comptoir/platform/kernel';

/** One path segment: letters, digits, dot, dash, underscore; never "." or "..". */
const SEGMENT = /^[A-Za-z0-9._-]+$/;
const MAX_KEY_LENGTH = 512;

/**
 * Checks a store key before it is turned into a path: relative, `/`-separated segments only, so a key can never
 * escape the store's root (no `..`, no absolute path, no backslash, no empty segment). Returns the segments.
 */
export function parseFileKey(key: string): string[] {
  const segments = typeof key === 'string' && key.length > 0 && key.length <= MAX_KEY_LENGTH ? key.split('/') : [];
  const valid = segments.length > 0 && segments.every((s) => SEGMENT.test(s) && s !== '.' && s !== '..');
  if (!valid) throw new ValidationFailedError([{ path: 'key', message: 'must be a relative path of [A-Za-z0-9._-] segments separated by "/" (no "..")' }], `Invalid file key "${String(key)}"`);
  return segments;
}
