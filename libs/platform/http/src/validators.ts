import { ValidateBy, ValidationOptions } from 'class-validator';
import { isValidEuVatNumber, isValidSiren, isValidSiret } from '@comptoir/platform/kernel';

export const IsSiren = (options?: ValidationOptions) =>
  ValidateBy({ name: 'isSiren', validator: { validate: (v) => typeof v === 'string' && isValidSiren(v), defaultMessage: (a) => `${a?.property} must be 9 digits with a valid Luhn key` } }, options);

export const IsSiret = (options?: ValidationOptions) =>
  ValidateBy({ name: 'isSiret', validator: { validate: (v) => typeof v === 'string' && isValidSiret(v), defaultMessage: (a) => `${a?.property} must be 14 digits with a valid key` } }, options);

export const IsEuVatNumber = (options?: ValidationOptions) =>
  ValidateBy({ name: 'isEuVatNumber', validator: { validate: (v) => typeof v === 'string' && isValidEuVatNumber(v), defaultMessage: (a) => `${a?.property} must be an intra-EU VAT number with a valid key` } }, options);

/** A decimal string with at most `scale` fraction digits ("1234.50"): money never travels as a float. */
export const IsDecimalString = (scale: number, options?: ValidationOptions) =>
  ValidateBy(
    {
      name: 'isDecimalString',
      validator: {
        validate: (v) => typeof v === 'string' && new RegExp(`^-?\\d{1,15}(\\.\\d{1,${scale}})?$`).test(v),
        defaultMessage: (a) => `${a?.property} must be a decimal string with at most ${scale} decimals, e.g. "1234.50"`,
      },
    },
    options,
  );
