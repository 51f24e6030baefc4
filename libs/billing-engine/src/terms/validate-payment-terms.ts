import type { InstallmentInput, TermsProblem } from './terms.types';

/** Problems of a payment terms list; [] = valid. */
export function validatePaymentTerms(_installments: InstallmentInput[]): TermsProblem[] {
  throw new Error('not implemented');
}
