/**
 * What a user types in an amount field ("1 234,5", "12.50") as the API's decimal string ("1234.5"),
 * or the text unchanged when it is not a number (the server then names the field).
 */
export function toDecimalInput(text: string): string {
  const compact = text.replace(/[\s\u00a0\u202f]/g, '').replace(',', '.');
  return /^-?\d*\.?\d*$/.test(compact) && compact !== '' && compact !== '.' && compact !== '-' ? compact : text.trim();
}

/** True for a plain decimal string the engine accepts. */
export function isDecimal(value: string): boolean {
  return /^-?\d+(\.\d+)?$/.test(value);
}
