/** PostgreSQL SQLSTATE codes the problem filter translates into client errors (never the raw message). */
export const PG_UNIQUE_VIOLATION = '23505';
export const PG_FOREIGN_KEY_VIOLATION = '23503';
export const PG_INVALID_TEXT_REPRESENTATION = '22P02';
export const PG_NUMERIC_OUT_OF_RANGE = '22003';
export const PG_STRING_TOO_LONG = '22001';
export const PG_NOT_NULL_VIOLATION = '23502';
/** A NUL character in text (or a character the server encoding lacks). */
export const PG_CHARACTER_NOT_IN_REPERTOIRE = '22021';
export const PG_UNTRANSLATABLE_CHARACTER = '22P05';

export function pgErrorCode(error: unknown): string | undefined {
  const e = error as { code?: unknown; driverError?: { code?: unknown } };
  const code = e?.driverError?.code ?? e?.code;
  return typeof code === 'string' ? code : undefined;
}

export function pgConstraint(error: unknown): string | undefined {
  const e = error as { constraint?: unknown; driverError?: { constraint?: unknown } };
  const c = e?.driverError?.constraint ?? e?.constraint;
  return typeof c === 'string' ? c : undefined;
}

export function pgColumn(error: unknown): string | undefined {
  const e = error as { column?: unknown; driverError?: { column?: unknown } };
  const c = e?.driverError?.column ?? e?.column;
  return typeof c === 'string' ? c : undefined;
}
