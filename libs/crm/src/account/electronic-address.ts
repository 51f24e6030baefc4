import { ValidateBy, ValidationArguments } from 'class-validator';

/** BT-49 (and the seller's BT-34): at most 125 characters, the directory's limit. */
export const ELECTRONIC_ADDRESS_MAX_LENGTH = 125;
/** BR-FR-23: an address in the French directory (and any other scheme but e-mail) uses these characters only. */
export const DIRECTORY_ADDRESS_PATTERN = /^[A-Za-z0-9+\-_.]+$/;
/** ISO 6523 ICD codes are 4 digits (0225 French directory, 0002 SIREN, 0009 SIRET); EM is the e-mail scheme. */
export const ELECTRONIC_ADDRESS_SCHEME_PATTERN = /^(\d{4}|EM)$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/**
 * An electronic address valid for the scheme given in the sibling property `schemeProperty`: an e-mail
 * for EM, else the directory's characters (BR-FR-23); at most 125 characters either way.
 */
export const IsElectronicAddress = (schemeProperty: string) =>
  ValidateBy({
    name: 'isElectronicAddress',
    validator: {
      validate: (value: unknown, args?: ValidationArguments) => {
        if (typeof value !== 'string' || !value.length || value.length > ELECTRONIC_ADDRESS_MAX_LENGTH) return false;
        const scheme = (args?.object as Record<string, unknown> | undefined)?.[schemeProperty];
        return scheme === 'EM' ? EMAIL.test(value) : DIRECTORY_ADDRESS_PATTERN.test(value);
      },
      defaultMessage: (args?: ValidationArguments) =>
        `${args?.property ?? 'electronicAddress'} must be at most ${ELECTRONIC_ADDRESS_MAX_LENGTH} letters, digits or + - _ . (an e-mail address with scheme EM)`,
    },
  });
