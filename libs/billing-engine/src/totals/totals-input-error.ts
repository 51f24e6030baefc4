/**
 * Invalid input to computeTotals: `path` names the offending field (`lines[2].quantity`) and `message` says
 * what it must be, without the path, ready for a problem+json field error or a form field.
 */
export class TotalsInputError extends Error {
  constructor(
    readonly path: string,
    message: string,
  ) {
    super(message);
    this.name = 'TotalsInputError';
  }
}
