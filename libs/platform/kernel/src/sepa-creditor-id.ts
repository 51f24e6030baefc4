/**
 * SEPA creditor identifier (ICS in France), EPC262-08: country (2 letters), check digits (2), creditor
 * business code (3 alphanumerics, free, excluded from the check), national identifier (up to 28
 * alphanumerics). The check is ISO 7064 MOD 97-10 over national id + country + check digits.
 */

/** National identifier lengths the scheme fixes; other countries only have the overall 35-char limit. */
const NATIONAL_ID_LENGTH: Record<string, number> = { FR: 6 };

/** Upper case without spaces, the form stored and printed in SEPA files. */
export function normaliseSepaCreditorId(value: string): string {
  return value.replace(/\s+/g, '').toUpperCase();
}

/** MOD 97 of an alphanumeric string read with A=10 … Z=35, chunked so it never leaves safe integers. */
function mod97(alphanumeric: string): number {
  let remainder = 0;
  for (const char of alphanumeric) {
    const digits = /\d/.test(char) ? char : String(char.charCodeAt(0) - 55);
    for (const digit of digits) remainder = (remainder * 10 + Number(digit)) % 97;
  }
  return remainder;
}

export function isValidSepaCreditorId(value: string): boolean {
  const match = /^([A-Z]{2})(\d{2})[A-Z0-9]{3}([A-Z0-9]{1,28})$/.exec(value);
  if (!match || value.length > 35) return false;
  const [, country = '', check = '', nationalId = ''] = match;
  const expectedLength = NATIONAL_ID_LENGTH[country];
  if (expectedLength !== undefined && nationalId.length !== expectedLength) return false;
  return mod97(`${nationalId}${country}${check}`) === 1;
}
