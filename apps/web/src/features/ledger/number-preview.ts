import type { Sequence } from './ledger-types';

/**
 * The number a pattern gives for a date and counter, as the server formats it (tokens {yyyy}, {yy},
 * {mm} from the date, then the counter padded to the width): a live preview while editing.
 */
export function formatNumberPreview(pattern: string, counterWidth: number, date: string, counter: number): string {
  const prefix = pattern.replace(/\{yyyy\}|\{yy\}|\{mm\}/g, (token) => (token === '{yyyy}' ? date.slice(0, 4) : token === '{yy}' ? date.slice(2, 4) : date.slice(5, 7)));
  return prefix + String(counter).padStart(Math.max(1, Math.min(12, counterWidth || 1)), '0');
}

/** The counter the server's preview shows for the next document (its trailing digits), 1 for an unused series. */
export function nextCounter(sequence: Sequence): number {
  if (!sequence.usedAt) return 1;
  const digits = /(\d+)$/.exec(sequence.preview)?.[1];
  return digits ? Number(digits.slice(-Math.max(sequence.counterWidth, 1))) || 1 : 1;
}
