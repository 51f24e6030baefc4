import { create } from 'xmlbuilder2';
import type { EInvoice } from '../einvoice.model';
import { lineItem } from './cii-lines';
import { tradeAddress, tradeParty } from './cii-parties';
import { headerSettlement } from './cii-settlement';
import { exemptionsFor } from './cii-tax';
import { CII_GUIDELINES, CII_NAMESPACES, udtDate, type XmlNode } from './cii-xml';

/**
 * The UN/CEFACT Cross Industry Invoice of an e-invoice: Factur-X EN 16931 (BT-24 `urn:cen.eu:en16931:2017`)
 * or EXTENDED-CTC-FR, after `invoice.profile`. Elements follow the XSDs' sequence (Factur-X EN16931 subset,
 * CII D22B for EXTENDED); absent optional terms are left out, amounts are written as the model's decimal
 * strings. Pure: the same EInvoice always gives the same bytes.
 */
export function writeCii(invoice: EInvoice): string {
  const exemptionOf = exemptionsFor(invoice);
  const root: XmlNode = {
    'rsm:CrossIndustryInvoice': {
      ...CII_NAMESPACES,
      'rsm:ExchangedDocumentContext': {
        // BT-23: the French « cadre de facturation » (BR-FR-08).
        'ram:BusinessProcessSpecifiedDocumentContextParameter': { 'ram:ID': invoice.billingMode },
        'ram:GuidelineSpecifiedDocumentContextParameter': { 'ram:ID': CII_GUIDELINES[invoice.profile] },
      },
      'rsm:ExchangedDocument': {
        'ram:ID': invoice.number,
        'ram:TypeCode': invoice.typeCode,
        'ram:IssueDateTime': udtDate(invoice.issueDate),
        'ram:IncludedNote': documentNotes(invoice),
      },
      'rsm:SupplyChainTradeTransaction': {
        'ram:IncludedSupplyChainTradeLineItem': invoice.lines.map((line) => lineItem(line, invoice.profile, exemptionOf)),
        'ram:ApplicableHeaderTradeAgreement': {
          'ram:BuyerReference': invoice.buyerReference,
          'ram:SellerTradeParty': tradeParty(invoice.seller),
          'ram:BuyerTradeParty': tradeParty(invoice.buyer),
          'ram:BuyerOrderReferencedDocument': invoice.purchaseOrderReference ? { 'ram:IssuerAssignedID': invoice.purchaseOrderReference } : null,
        },
        'ram:ApplicableHeaderTradeDelivery': headerDelivery(invoice),
        'ram:ApplicableHeaderTradeSettlement': headerSettlement(invoice),
      },
    },
  };
  return create({ version: '1.0', encoding: 'UTF-8' }, root).end({ prettyPrint: true });
}

/** BG-1: the BAR note (BR-FR-20, the flow's processing category) first, then the invoice's notes. */
function documentNotes(invoice: EInvoice): XmlNode[] {
  return [{ subject: 'BAR', text: invoice.flow }, ...invoice.notes].map((note) => ({
    'ram:Content': note.text,
    'ram:SubjectCode': note.subject,
  }));
}

/** BG-13: always present in CII (may be empty); BG-15 deliver-to address, BT-72 actual delivery date. */
function headerDelivery(invoice: EInvoice): XmlNode {
  const delivery = invoice.delivery;
  if (!delivery) return {};
  return {
    'ram:ShipToTradeParty':
      delivery.address || delivery.partyName
        ? { 'ram:Name': delivery.partyName, 'ram:PostalTradeAddress': delivery.address ? tradeAddress(delivery.address) : null }
        : null,
    'ram:ActualDeliverySupplyChainEvent': delivery.date ? { 'ram:OccurrenceDateTime': udtDate(delivery.date) } : null,
  };
}
