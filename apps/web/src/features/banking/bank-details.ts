import { electronicFormatIBAN, isValidBIC, validateIBAN } from 'ibantools';

/**
 * Live checks of the bank fields while typing (the server checks again and has the last word): the
 * IBAN's checksum and country format, the BIC's structure and country.
 */
export function ibanHint(value: string): 'ok' | 'invalid' | null {
  const iban = electronicFormatIBAN(value) ?? '';
  if (iban.length < 5) return null;
  return validateIBAN(iban).valid ? 'ok' : 'invalid';
}

export function bicHint(value: string, iban: string): 'ok' | 'invalid' | 'country' | null {
  const bic = value.trim().toUpperCase();
  if (!bic) return null;
  if (!/^[A-Z]{4}[A-Z]{2}[A-Z0-9]{2}([A-Z0-9]{3})?$/.test(bic) || !isValidBIC(bic)) return 'invalid';
  const country = (electronicFormatIBAN(iban) ?? '').slice(0, 2);
  return country.length === 2 && bic.slice(4, 6) !== country && country !== 'MC' ? 'country' : 'ok';
}

/** "FR76 3000 6000 …": the paper format, easier to read back. */
export function friendlyIban(iban: string): string {
  return iban.replace(/(.{4})/g, '$1 ').trim();
}
