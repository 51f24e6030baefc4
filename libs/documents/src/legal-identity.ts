import { formatMoney } from './format';
import { PrintableAddress, PrintableParty } from './printable-document';

export function addressLines(address: PrintableAddress | null | undefined): string[] {
  if (!address) return [];
  return [address.line1, address.line2, `${address.postalCode} ${address.city}`, address.country === 'FR' ? null : address.country].filter((line): line is string => !!line?.trim());
}

/**
 * The seller's legal identity printed at the foot of every page: name, legal form and capital, head office, SIREN,
 * RCS registration and VAT number (C. com. R. 123-237, CGI 242 nonies A).
 */
export function sellerLegalIdentity(seller: PrintableParty, currency: string): string {
  const parts = [
    seller.name,
    [seller.legalForm, seller.shareCapital ? `au capital de ${formatMoney(seller.shareCapital, currency)}` : null].filter(Boolean).join(' '),
    seller.address ? `Siège social : ${addressLines(seller.address).join(', ')}` : null,
    seller.siren || seller.siret ? `SIREN ${seller.siren ?? seller.siret!.slice(0, 9)}` : null,
    seller.rcs ? (/^RCS\b/i.test(seller.rcs) ? seller.rcs : `RCS ${seller.rcs}`) : null,
    seller.vatNumber ? `N° TVA ${seller.vatNumber}` : null,
  ];
  return parts.filter((part): part is string => !!part).join(' – ');
}
