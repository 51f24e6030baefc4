import type { EInvoiceAddress, EInvoiceParty, EInvoiceSeller } from '../einvoice.model';
import { present, withScheme, type XmlNode } from './cii-xml';

/** BG-4 seller / BG-7 buyer as ram:TradePartyType, in the XSD's element order. */
export function tradeParty(party: EInvoiceParty | EInvoiceSeller): XmlNode {
  const seller = 'legalInfo' in party ? party : null;
  return {
    'ram:GlobalID': party.identifiers.map((id) => withScheme(id.value, id.scheme)),
    'ram:Name': party.name,
    'ram:Description': seller?.legalInfo ?? null,
    'ram:SpecifiedLegalOrganization':
      party.legalId || party.tradingName
        ? {
            'ram:ID': party.legalId ? withScheme(party.legalId.value, party.legalId.scheme) : null,
            'ram:TradingBusinessName': party.tradingName,
          }
        : null,
    'ram:DefinedTradeContact': party.contact ? tradeContact(party.contact) : null,
    'ram:PostalTradeAddress': tradeAddress(party.address),
    'ram:URIUniversalCommunication': party.electronicAddress
      ? { 'ram:URIID': withScheme(party.electronicAddress.value, party.electronicAddress.scheme) }
      : null,
    'ram:SpecifiedTaxRegistration': present([
      party.vatNumber ? { 'ram:ID': withScheme(party.vatNumber, 'VA') } : null,
      seller?.taxRegistration ? { 'ram:ID': withScheme(seller.taxRegistration, 'FC') } : null,
    ]),
  };
}

function tradeContact(contact: NonNullable<EInvoiceParty['contact']>): XmlNode {
  return {
    'ram:PersonName': contact.name,
    'ram:TelephoneUniversalCommunication': contact.phone ? { 'ram:CompleteNumber': contact.phone } : null,
    'ram:EmailURIUniversalCommunication': contact.email ? { 'ram:URIID': contact.email } : null,
  };
}

export function tradeAddress(address: EInvoiceAddress): XmlNode {
  return {
    'ram:PostcodeCode': address.postalCode,
    'ram:LineOne': address.line1,
    'ram:LineTwo': address.line2,
    'ram:CityName': address.city,
    'ram:CountryID': address.country,
  };
}
