import type { SequenceReset } from './numbering.types';

/**
 * Pure rules of number patterns. A number is the pattern with its date tokens replaced, followed by
 * the counter padded to the counter width. A counter that outgrows the width gets more digits (never
 * truncated, never refused: refusing would block invoicing); the number stays unique because the
 * tokens have a fixed width, so every number of a period starts with the same fixed-length prefix.
 */
export const PATTERN_TOKENS = ['{yyyy}', '{yy}', '{mm}'] as const;
const PATTERN_SYNTAX = /^(?:[A-Za-z0-9_./-]|\{yyyy\}|\{yy\}|\{mm\})*$/;
export const PATTERN_MAX_LENGTH = 40;
export const COUNTER_WIDTH_MIN = 1;
export const COUNTER_WIDTH_MAX = 12;

export interface SequenceFormat {
  pattern: string;
  counterWidth: number;
  reset: SequenceReset;
}

/** Why a pattern cannot be used with its reset frequency, or null when it can. */
export function patternProblem(pattern: string, reset: SequenceReset): string | null {
  if (pattern.length > PATTERN_MAX_LENGTH || !PATTERN_SYNTAX.test(pattern)) {
    return `pattern may hold letters, digits, "-", "_", ".", "/" and the tokens {yyyy}, {yy}, {mm} (at most ${PATTERN_MAX_LENGTH} characters)`;
  }
  const hasYear = pattern.includes('{yyyy}') || pattern.includes('{yy}');
  // A counter that restarts must be told apart by the period in the number, or numbers would repeat.
  if (reset === 'yearly' && !hasYear) return 'a yearly reset needs {yyyy} or {yy} in the pattern';
  if (reset === 'monthly' && !(hasYear && pattern.includes('{mm}'))) return 'a monthly reset needs {yyyy} or {yy} and {mm} in the pattern';
  return null;
}

/** The counter's period for a date (YYYY-MM-DD): '' (never reset), '2026' or '2026-03'. */
export function periodKey(reset: SequenceReset, date: string): string {
  if (reset === 'yearly') return date.slice(0, 4);
  if (reset === 'monthly') return date.slice(0, 7);
  return '';
}

/** The number given to `counter` (1-based) for a document dated `date`. */
export function formatNumber(format: SequenceFormat, date: string, counter: number): string {
  if (!Number.isSafeInteger(counter) || counter < 1) throw new RangeError(`counter must be a positive integer, got ${counter}`);
  const prefix = format.pattern.replace(/\{yyyy\}|\{yy\}|\{mm\}/g, (token) =>
    token === '{yyyy}' ? date.slice(0, 4) : token === '{yy}' ? date.slice(2, 4) : date.slice(5, 7),
  );
  return prefix + String(counter).padStart(format.counterWidth, '0');
}

/** The pattern with every digit it can print reduced to "9". */
export function patternSkeleton(pattern: string): string {
  return pattern.replace(/\{yyyy\}/g, '9999').replace(/\{yy\}|\{mm\}/g, '99').replace(/[0-9]/g, '9');
}

/**
 * Whether two series could print the same number: when one skeleton extends the other by digits only,
 * the shorter series' counter can spell the difference (e.g. "FA" + "20001" and "FA2" + "0001").
 */
export function patternsMayCollide(a: string, b: string): boolean {
  const [x, y] = [patternSkeleton(a), patternSkeleton(b)].sort((p, q) => q.length - p.length) as [string, string];
  return x.startsWith(y) && /^9*$/.test(x.slice(y.length));
}
