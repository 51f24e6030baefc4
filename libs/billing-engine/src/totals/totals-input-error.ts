/** Invalid input to computeTotals: `path` names the offending field (`lines[2].quantity`). */
export class TotalsInputError extends Error {
  constructor(
    readonly path: string,
    message: string,
  ) {
    super(`${path}: ${message}`);
    this.name = 'TotalsInputError';
  }
}
