import { ValidateBy, ValidationOptions } from 'class-validator';

/**
 * EAN-13 or EAN-8 (GS1) with a valid check digit: digits weighted 3, 1, 3… from the right, the check
 * digit bringing the sum to a multiple of 10.
 */
export function isValidEan(value: string): boolean {
  if (!/^(\d{8}|\d{13})$/.test(value)) return false;
  const digits = [...value].map(Number);
  const check = digits.pop()!;
  const sum = digits.reverse().reduce((acc, d, i) => acc + d * (i % 2 === 0 ? 3 : 1), 0);
  return (10 - (sum % 10)) % 10 === check;
}

export const IsEan = (options?: ValidationOptions) =>
  ValidateBy(
    { name: 'isEan', validator: { validate: (v) => typeof v === 'string' && isValidEan(v), defaultMessage: (a) => `${a?.property} must be an EAN-13 or EAN-8 with a valid check digit` } },
    options,
  );
