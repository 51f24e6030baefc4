const LETTERS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';

/**
 * The lettering code of the n-th (0-based) settled invoice of a customer: AA, AB, … ZZ, then AAA, …
 * Codes are per customer auxiliary account, as accountants letter a customer's account; the same
 * number always gives the same code, so the sales and bank passes agree without sharing memory.
 */
export function letterCode(index: number): string {
  let width = 2;
  let first = 0;
  while (index - first >= LETTERS.length ** width) {
    first += LETTERS.length ** width;
    width += 1;
  }
  let rest = index - first;
  let code = '';
  for (let i = 0; i < width; i++) {
    code = LETTERS[rest % LETTERS.length]! + code;
    rest = Math.floor(rest / LETTERS.length);
  }
  return code;
}
