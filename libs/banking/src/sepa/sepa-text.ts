/**
 * Text as the SEPA rulebook's Latin character set allows it (a–z A–Z 0–9 / - ? : ( ) . , ' + and
 * space): accents are dropped (é → e), anything else becomes a space, and the result is cut to the
 * element's maximum length. Banks reject files with other characters.
 */
export function sepaText(value: string, maxLength: number): string {
  const latin = value
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^A-Za-z0-9/\-?:().,'+ ]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return latin.slice(0, maxLength).trim() || '-';
}
