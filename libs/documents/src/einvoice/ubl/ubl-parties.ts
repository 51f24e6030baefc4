import type { XMLBuilder } from 'xmlbuilder2/lib/interfaces';
import type { EInvoice, EInvoiceParty } from '../einvoice.model';
import { address, aggregate, basic, identifier } from './ubl-xml';

/**
 * AccountingSupplierParty (BG-4). The SEPA creditor id of a direct debit (BT-90) is, in UBL, a seller
 * PartyIdentification with scheme "SEPA" (at most one, UBL-SR-29); it belongs to the payment
 * instruction, which is the first payment means (see ubl-payment.ts).
 */
export function writeSeller(parent: XMLBuilder, invoice: EInvoice): void {
  const creditorId = invoice.paymentMeans[0]?.directDebit?.creditorId ?? null;
  const ids = [...invoice.seller.identifiers, ...(creditorId ? [{ value: creditorId, scheme: 'SEPA' }] : [])];
  const sellerOnly = { legalForm: invoice.seller.legalInfo, taxRegistration: invoice.seller.taxRegistration ?? null };
  writeParty(aggregate(parent, 'AccountingSupplierParty'), invoice.seller, ids, sellerOnly);
}

/** AccountingCustomerParty (BG-7): EN 16931 has one buyer identifier (BT-46, UBL-SR-16). */
export function writeBuyer(parent: XMLBuilder, invoice: EInvoice): void {
  writeParty(aggregate(parent, 'AccountingCustomerParty'), invoice.buyer, invoice.buyer.identifiers.slice(0, 1), { legalForm: null, taxRegistration: null });
}

/** What only the seller has: legal form and capital (BT-33), tax registration id (BT-32). */
interface SellerOnly {
  legalForm: string | null;
  taxRegistration: string | null;
}

/**
 * Party, in the XSD's order: EndpointID, PartyIdentification, PartyName, PostalAddress, PartyTaxScheme
 * (VAT id BT-31/BT-48, then the tax registration BT-32 under a non-VAT scheme, « FC » as in CII),
 * PartyLegalEntity, Contact.
 */
function writeParty(parent: XMLBuilder, party: EInvoiceParty, ids: EInvoiceParty['identifiers'], sellerOnly: SellerOnly): void {
  const node = aggregate(parent, 'Party');
  if (party.electronicAddress) identifier(node, 'EndpointID', party.electronicAddress.value, party.electronicAddress.scheme);
  for (const id of ids) identifier(aggregate(node, 'PartyIdentification'), 'ID', id.value, id.scheme);
  if (party.tradingName) basic(aggregate(node, 'PartyName'), 'Name', party.tradingName);
  address(node, 'PostalAddress', party.address);
  writeTaxScheme(node, party.vatNumber, 'VAT');
  writeTaxScheme(node, sellerOnly.taxRegistration, 'FC');
  const legalEntity = aggregate(node, 'PartyLegalEntity');
  basic(legalEntity, 'RegistrationName', party.name);
  if (party.legalId) identifier(legalEntity, 'CompanyID', party.legalId.value, party.legalId.scheme);
  basic(legalEntity, 'CompanyLegalForm', sellerOnly.legalForm);
  const contact = party.contact;
  if (contact && (contact.name || contact.phone || contact.email)) {
    const contactNode = aggregate(node, 'Contact');
    basic(contactNode, 'Name', contact.name);
    basic(contactNode, 'Telephone', contact.phone);
    basic(contactNode, 'ElectronicMail', contact.email);
  }
}

function writeTaxScheme(party: XMLBuilder, companyId: string | null, scheme: 'VAT' | 'FC'): void {
  if (!companyId) return;
  const node = aggregate(party, 'PartyTaxScheme');
  basic(node, 'CompanyID', companyId);
  basic(aggregate(node, 'TaxScheme'), 'ID', scheme);
}

/**
 * Delivery (BG-13): actual delivery date (BT-72), deliver-to address (BG-15) and party name (BT-70),
 * as the model holds them (the mapping gives an intra-EU supply its deliver-to address, BR-IC-12).
 */
export function writeDelivery(parent: XMLBuilder, invoice: EInvoice): void {
  const deliveryAddress = invoice.delivery?.address ?? null;
  if (!invoice.delivery?.date && !deliveryAddress && !invoice.delivery?.partyName) return;
  const node = aggregate(parent, 'Delivery');
  basic(node, 'ActualDeliveryDate', invoice.delivery?.date);
  if (deliveryAddress) address(aggregate(node, 'DeliveryLocation'), 'Address', deliveryAddress);
  if (invoice.delivery?.partyName) basic(aggregate(aggregate(node, 'DeliveryParty'), 'PartyName'), 'Name', invoice.delivery.partyName);
}
