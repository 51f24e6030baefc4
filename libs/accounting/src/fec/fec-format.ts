import { Dec } from '@comptoir/platform/kernel';

/** The 18 fields of art. A 47 A-1 (BIC/IS, commercial accounting), in their legal order (standards/fec/FEC.md). */
export const FEC_COLUMNS = [
  'JournalCode',
  'JournalLib',
  'EcritureNum',
  'EcritureDate',
  'CompteNum',
  'CompteLib',
  'CompAuxNum',
  'CompAuxLib',
  'PieceRef',
  'PieceDate',
  'EcritureLib',
  'Debit',
  'Credit',
  'EcritureLet',
  'DateLet',
  'ValidDate',
  'Montantdevise',
  'Idevise',
] as const;

/** Pipe, the separator the DGFiP tool tries after tab; never left inside a value (see `fecText`). */
export const FEC_SEPARATOR = '|';
export const FEC_EOL = '\r\n';

/** "1234.5" → "1234,50": comma decimal, no thousands separator, no sign for the positive amounts we write. */
export function fecAmount(value: Dec): string {
  // Every FEC line has one zero side: skip decimal.js's formatting for it (its toFixed writes -0 as 0.00 too).
  return value.isZero() ? ZERO_AMOUNT : value.toFixed(2).replace('.', ',');
}

const ZERO_AMOUNT = '0,00';

/** "2026-03-15" → "20260315"; empty stays empty (optional dates). */
export function fecDate(isoDate: string | null | undefined): string {
  return isoDate ? isoDate.slice(0, 4) + isoDate.slice(5, 7) + isoDate.slice(8, 10) : '';
}

/** A label made safe for one field: no separator, tab or line break inside, trimmed, bounded. */
export function fecText(value: string | null | undefined, max = 200): string {
  if (!value) return '';
  // Most values (account numbers, codes, clean names) need nothing: skip the replace on them.
  const clean = UNSAFE.test(value) ? value.replace(/\s*[|\t\r\n]+\s*/g, ' ') : value;
  return clean.length > max || clean !== clean.trim() ? clean.trim().slice(0, max) : clean;
}

const UNSAFE = /[|\t\r\n]/;

/** `<SIREN>FEC<YYYYMMDD>.txt`, the date being the fiscal year's closing date (the DGFiP tool refuses any other name). */
export function fecFileName(siren: string, fiscalYearEnd: string): string {
  return `${siren}FEC${fecDate(fiscalYearEnd)}.txt`;
}

// ISO-8859-15 differs from ISO-8859-1 at eight code points: these characters get its bytes, and the
// Latin-1 characters it replaced there cannot be written (they become "?").
const LATIN9_SPECIAL = new Map<string, number>([
  ['€', 0xa4], ['Š', 0xa6], ['š', 0xa8], ['Ž', 0xb4], ['ž', 0xb8], ['Œ', 0xbc], ['œ', 0xbd], ['Ÿ', 0xbe],
]);
/** A character Latin-1 and Latin-9 do not write with the same byte. */
const NOT_LATIN1_ALIKE = /[\u00a4\u00a6\u00a8\u00b4\u00b8\u00bc-\u00be\u0100-\uffff]/;

/**
 * Text to ISO-8859-15, the charset FEC.md calls the safe choice. The common case (plain Latin-1 text)
 * takes Node's native encoder; only text with € or other Latin-9 letters goes character by character.
 */
export function encodeLatin9(text: string): Buffer {
  if (!NOT_LATIN1_ALIKE.test(text)) return Buffer.from(text, 'latin1');
  const bytes = Buffer.alloc(text.length);
  let length = 0;
  for (const char of text) {
    const code = char.codePointAt(0)!;
    const special = LATIN9_SPECIAL.get(char);
    bytes[length++] = special ?? (NOT_LATIN1_ALIKE.test(char) ? 0x3f : code);
  }
  return bytes.subarray(0, length);
}
