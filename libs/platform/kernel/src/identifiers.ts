/**
 * French and EU business identifiers. Pure functions, checked against the vectors in
 * shared/standards/identifiers (see identifiers.spec.ts).
 */

const LA_POSTE_SIREN = '356000000';

/** Luhn checksum over a string of digits (doubling every second digit from the right). */
export function luhnValid(digits: string): boolean {
  if (!/^\d+$/.test(digits)) return false;
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = digits.charCodeAt(digits.length - 1 - i) - 48;
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}

export function isValidSiren(value: string): boolean {
  return /^\d{9}$/.test(value) && luhnValid(value);
}

/** SIRET = SIREN + NIC (5 digits), Luhn; La Poste's establishments use "sum of digits multiple of 5". */
export function isValidSiret(value: string): boolean {
  if (!/^\d{14}$/.test(value)) return false;
  if (value.startsWith(LA_POSTE_SIREN)) {
    const sum = [...value].reduce((acc, c) => acc + Number(c), 0);
    return sum % 5 === 0;
  }
  return luhnValid(value);
}

/** French VAT key: (12 + 3 × (SIREN mod 97)) mod 97, two digits. */
export function frenchVatKey(siren: string): string {
  const key = (12 + 3 * Number(BigInt(siren) % 97n)) % 97;
  return String(key).padStart(2, '0');
}

export function frenchVatNumber(siren: string): string {
  return `FR${frenchVatKey(siren)}${siren}`;
}

/** National formats of intra-EU VAT numbers (VIES), after the two-letter prefix. */
const EU_VAT_FORMATS: Record<string, RegExp> = {
  AT: /^U\d{8}$/,
  BE: /^[01]\d{9}$/,
  BG: /^\d{9,10}$/,
  CY: /^\d{8}[A-Z]$/,
  CZ: /^\d{8,10}$/,
  DE: /^\d{9}$/,
  DK: /^\d{8}$/,
  EE: /^\d{9}$/,
  EL: /^\d{9}$/,
  ES: /^[A-Z0-9]\d{7}[A-Z0-9]$/,
  FI: /^\d{8}$/,
  FR: /^[A-HJ-NP-Z0-9]{2}\d{9}$/,
  HR: /^\d{11}$/,
  HU: /^\d{8}$/,
  IE: /^\d[A-Z0-9+*]\d{5}[A-Z]{1,2}$/,
  IT: /^\d{11}$/,
  LT: /^(\d{9}|\d{12})$/,
  LU: /^\d{8}$/,
  LV: /^\d{11}$/,
  MT: /^\d{8}$/,
  NL: /^\d{9}B\d{2}$/,
  PL: /^\d{10}$/,
  PT: /^\d{9}$/,
  RO: /^\d{2,10}$/,
  SE: /^\d{12}$/,
  SI: /^\d{8}$/,
  SK: /^\d{10}$/,
  XI: /^(\d{9}|\d{12}|GD\d{3}|HA\d{3})$/,
};

/** Check-digit rules for the member states whose key is public and simple. */
const EU_VAT_KEYS: Record<string, (body: string) => boolean> = {
  FR: (body) => {
    const key = body.slice(0, 2);
    const siren = body.slice(2);
    // Numeric keys are derived from the SIREN; alphabetic keys (new-style) cannot be checked offline.
    return /^\d{2}$/.test(key) ? isValidSiren(siren) && frenchVatKey(siren) === key : true;
  },
  BE: (body) => 97 - (Number(body.slice(0, 8)) % 97) === Number(body.slice(8)),
  IT: (body) => luhnValid(body) && Number(body.slice(7, 10)) > 0,
  LU: (body) => Number(body.slice(0, 6)) % 89 === Number(body.slice(6)),
};

/** Normalises spacing and case: "fr 40 303 265 045" → "FR40303265045". */
export function normaliseVatNumber(value: string): string {
  return value.replace(/[\s.-]/g, '').toUpperCase();
}

export function isValidEuVatNumber(value: string): boolean {
  const vat = normaliseVatNumber(value);
  const country = vat.slice(0, 2);
  const body = vat.slice(2);
  const format = EU_VAT_FORMATS[country];
  if (!format || !format.test(body)) return false;
  const key = EU_VAT_KEYS[country];
  return key ? key(body) : true;
}
