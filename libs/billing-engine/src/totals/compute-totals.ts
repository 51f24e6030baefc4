import type { DocumentInput, DocumentTotals } from './totals.types';

/** EN 16931 totals of a sales document; throws TotalsInputError on invalid numbers. */
export function computeTotals(_input: DocumentInput): DocumentTotals {
  throw new Error('not implemented');
}
