import type { TermsProblem } from './terms.types';

/** Thrown by computeSchedule when the terms are invalid; `problems` are validatePaymentTerms' findings. */
export class PaymentTermsError extends Error {
  constructor(readonly problems: TermsProblem[]) {
    super(`invalid payment terms: ${problems.map((problem) => `${problem.path}: ${problem.message}`).join('; ')}`);
    this.name = 'PaymentTermsError';
  }
}
