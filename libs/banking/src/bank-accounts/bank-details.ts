import { electronicFormatIBAN, extractIBAN, isSEPACountry, isValidBIC, validateIBAN, ValidationErrorsIBAN } from 'ibantools';

/**
 * IBAN and BIC rules, pure (no Nest): the API validates with them and SEPA batches re-check the stored
 * values with them before writing a file.
 */

/** Electronic format (upper case, no spaces): the only form stored and written to SEPA files. */
export function normaliseIban(value: string): string {
  return electronicFormatIBAN(value) ?? '';
}

/** Upper case, trimmed; a space inside is an error, not a format (ISO 9362 has none). */
export function normaliseBic(value: string): string {
  return value.trim().toUpperCase();
}

const IBAN_REASONS: Partial<Record<ValidationErrorsIBAN, string>> = {
  [ValidationErrorsIBAN.NoIBANProvided]: 'is empty',
  [ValidationErrorsIBAN.NoIBANCountry]: 'has an unknown country code',
  [ValidationErrorsIBAN.WrongBBANLength]: 'has the wrong length for its country',
  [ValidationErrorsIBAN.WrongBBANFormat]: 'does not match the account format of its country',
  [ValidationErrorsIBAN.ChecksumNotNumber]: 'has non-numeric check digits',
  [ValidationErrorsIBAN.WrongIBANChecksum]: 'has wrong check digits',
  [ValidationErrorsIBAN.WrongAccountBankBranchChecksum]: 'has a wrong national (RIB) key',
  [ValidationErrorsIBAN.QRIBANNotAllowed]: 'is a QR-IBAN',
};

/** Why an IBAN (electronic format) is not valid, or null when it is. */
export function ibanProblem(iban: string): string | null {
  const result = validateIBAN(iban);
  if (result.valid) return null;
  const code = result.errorCodes[0];
  return `IBAN ${(code !== undefined && IBAN_REASONS[code]) || 'is not valid'}`;
}

/** Whether SEPA direct debits can reach the IBAN's country. */
export function isSepaIban(iban: string): boolean {
  return isSEPACountry(iban.slice(0, 2));
}

/**
 * Why a BIC (normalised) is not valid for the account, or null. The BIC's country (characters 5–6) must
 * be the IBAN's, except for the territories that bank under another country's BIC (e.g. Monaco under FR).
 */
export function bicProblem(bic: string, iban: string): string | null {
  if (!/^[A-Z]{4}[A-Z]{2}[A-Z0-9]{2}([A-Z0-9]{3})?$/.test(bic) || !isValidBIC(bic)) return 'BIC must be 8 or 11 characters: bank (4 letters), country (2 letters), location (2) and optional branch (3)';
  const bicCountry = bic.slice(4, 6);
  const ibanCountry = iban.slice(0, 2);
  if (bicCountry !== ibanCountry && !(SHARED_BIC_COUNTRIES[ibanCountry] ?? []).includes(bicCountry)) {
    return `BIC country ${bicCountry} does not match the IBAN country ${ibanCountry}`;
  }
  return null;
}

/** Territories whose banks may carry another country's BIC. */
const SHARED_BIC_COUNTRIES: Record<string, string[]> = {
  MC: ['FR'],
  GF: ['FR'],
  GP: ['FR'],
  MQ: ['FR'],
  RE: ['FR'],
  PM: ['FR'],
  YT: ['FR'],
  BL: ['FR'],
  MF: ['FR'],
  SM: ['IT'],
  VA: ['IT'],
  JE: ['GB'],
  GG: ['GB'],
  IM: ['GB'],
};

/** The bank identifier inside an IBAN (French bank code, German BLZ…): a change of it is a change of debtor bank. */
export function ibanBankId(iban: string): string {
  const parts = extractIBAN(iban);
  return parts.bankIdentifier ?? parts.bban?.slice(0, 5) ?? iban.slice(4, 9);
}

/** The IBAN with only its last four characters shown, for screens and emails. */
export function maskIban(iban: string): string {
  return `${iban.slice(0, 4)}${'•'.repeat(Math.max(iban.length - 8, 0))}${iban.slice(-4)}`;
}
