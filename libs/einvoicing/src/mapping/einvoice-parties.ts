import { formatMoney, type EInvoice, type EInvoiceAddress, type EInvoiceParty, type EInvoiceSeller } from '@comptoir/documents';
import type { EInvoiceSnapshotSection } from '../completeness/einvoice-section';
import type { SealedAddress, SealedSnapshot } from './sealed-snapshot';

/** ISO 6523 schemes of the French identifiers (BR-FR-10, BR-FR-09). */
const SIREN_SCHEME = '0002';
const SIRET_SCHEME = '0009';

/**
 * BG-4. BT-33 is the legal form, capital and RCS registration. A seller without a VAT number (293 B
 * franchise) is identified for tax purposes by its SIREN (BT-32), which an exempt invoice needs (BR-E-02).
 */
export function seller(snapshot: SealedSnapshot, section: EInvoiceSnapshotSection, franchise: boolean): EInvoiceSeller {
  const s = snapshot.seller;
  const legalInfo = [[s.legalForm, s.shareCapital ? `au capital de ${formatMoney(s.shareCapital, snapshot.currency)}` : null].filter(Boolean).join(' '), s.rcs ? (/^RCS\b/i.test(s.rcs) ? s.rcs : `RCS ${s.rcs}`) : null]
    .filter(Boolean)
    .join(' – ');
  return {
    name: s.name,
    // BT-28: the company has no trading name of record (an establishment's name is "Siège", "Atelier de Lyon"…).
    tradingName: null,
    legalId: s.siren ? { value: s.siren, scheme: SIREN_SCHEME } : null,
    identifiers: siretOf(s.establishment.siret, s.siren),
    vatNumber: section.seller.vatNumber,
    electronicAddress: section.seller.electronicAddress,
    address: address(s.address, section.seller.country),
    contact: null,
    legalInfo: legalInfo || null,
    taxRegistration: franchise && !section.seller.vatNumber ? s.siren : null,
  };
}

/** BG-7 with BG-9 (the document's contact, the account's phone). */
export function buyer(snapshot: SealedSnapshot, section: EInvoiceSnapshotSection): EInvoiceParty {
  const b = snapshot.buyer;
  const email = b.contact?.email ?? b.email;
  return {
    name: b.name,
    tradingName: null,
    legalId: b.siren ? { value: b.siren, scheme: SIREN_SCHEME } : null,
    identifiers: siretOf(b.siret, b.siren),
    vatNumber: section.buyer.vatNumber,
    electronicAddress: section.buyer.electronicAddress,
    address: address(b.address, section.buyer.country),
    contact: b.contact || email || b.phone ? { name: b.contact?.name ?? null, phone: b.phone, email } : null,
  };
}

/**
 * BG-13: the date of supply (BT-72) and the delivery address when it differs from the billing address
 * (BG-15, a reform mention for goods). An intra-EU supply must state where the goods go (BR-IC-12): the
 * billing address when no other is given.
 */
export function delivery(snapshot: SealedSnapshot, buyerParty: EInvoiceParty, intraEu: boolean): EInvoice['delivery'] {
  const elsewhere = snapshot.deliveryAddress && !sameAddress(snapshot.deliveryAddress, snapshot.buyer.address) ? address(snapshot.deliveryAddress, buyerParty.address.country) : null;
  const deliverTo = elsewhere ?? (intraEu ? buyerParty.address : null);
  if (!snapshot.deliveryDate && !deliverTo) return null;
  return { date: snapshot.deliveryDate, address: deliverTo, partyName: deliverTo ? (snapshot.deliveryAttention ?? buyerParty.name) : null };
}

/** BT-29 / BT-46: a SIRET is only given with the SIREN it starts with (BR-FR-09). */
function siretOf(siret: string | null, siren: string | null): EInvoiceParty['identifiers'] {
  return siret && siren && siret.startsWith(siren) ? [{ value: siret, scheme: SIRET_SCHEME }] : [];
}

function address(source: SealedAddress | null, country: string): EInvoiceAddress {
  return {
    line1: source?.line1 || null,
    line2: source?.line2 || null,
    city: source?.city || null,
    postalCode: source?.postalCode || null,
    country: source?.country || country,
  };
}

function sameAddress(a: SealedAddress, b: SealedAddress | null): boolean {
  return !!b && (['line1', 'line2', 'postalCode', 'city', 'country'] as const).every((key) => (a[key] ?? '') === (b[key] ?? ''));
}
