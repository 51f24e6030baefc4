import { ValidationFailedError } from '@comptoir/platform/kernel';

/** Keyset cursor: the sort value and id of the last row served, opaque to clients. */
export interface Cursor {
  value: string | null;
  id: string;
}

export function encodeCursor(cursor: Cursor): string {
  return Buffer.from(JSON.stringify([cursor.value, cursor.id])).toString('base64url');
}

export function decodeCursor(raw: string): Cursor {
  try {
    const parsed = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8')) as unknown;
    if (Array.isArray(parsed) && parsed.length === 2 && (typeof parsed[0] === 'string' || parsed[0] === null) && typeof parsed[1] === 'string' && /^[0-9a-f-]{36}$/.test(parsed[1])) {
      return { value: parsed[0], id: parsed[1] };
    }
  } catch {
    // falls through to the validation error below
  }
  throw new ValidationFailedError([{ path: 'cursor', message: 'cursor is not a cursor returned by this API' }]);
}

export interface Page<T> {
  data: T[];
  nextCursor: string | null;
}
