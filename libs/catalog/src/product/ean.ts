import { ValidateBy, ValidationOptions } from 'class-validator';

/**
 * EAN-13 or EAN-8 (GS1) with a valid check digit: digits weighted 3, 1, 3… from the right, the check
 * digit bringing the sum to a multiple of 10.
 */
export function isValidEan(value: string): boolean {
  return /^(\d{8}|\d{13})$/.test(value) && eanCheckDigit(value.slice(0, -1)) === Number(value.slice(-1));
}

/** The check digit that completes an EAN stem (7 or 12 digits). */
export function eanCheckDigit(stem: string): number {
  const sum = [...stem].reverse().reduce((acc, d, i) => acc + Number(d) * (i % 2 === 0 ? 3 : 1), 0);
  return (10 - (sum % 10)) % 10;
}

export const IsEan = (options?: ValidationOptions) =>
  ValidateBy(
    { name: 'isEan', validator: { validate: (v) => typeof v === 'string' && isValidEan(v), defaultMessage: (a) => `${a?.property} must be an EAN-13 or EAN-8 with a valid check digit` } },
    options,
  );
