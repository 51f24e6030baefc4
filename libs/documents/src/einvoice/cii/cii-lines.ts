import type { EInvoiceLine, EInvoiceProfile } from '../einvoice.model';
import { indicator, qdtDate, udtDate, type XmlNode } from './cii-xml';
import { categoryTax, type ExemptionOf } from './cii-tax';

/** BG-25: one ram:IncludedSupplyChainTradeLineItem per line. */
export function lineItem(line: EInvoiceLine, profile: EInvoiceProfile, exemptionOf: ExemptionOf): XmlNode {
  return {
    'ram:AssociatedDocumentLineDocument': {
      'ram:LineID': line.id,
      'ram:IncludedNote': line.note ? { 'ram:Content': line.note } : null,
    },
    'ram:SpecifiedTradeProduct': {
      'ram:SellerAssignedID': line.sellerItemId,
      'ram:Name': line.name,
      'ram:Description': line.description,
    },
    'ram:SpecifiedLineTradeAgreement': {
      'ram:GrossPriceProductTradePrice':
        line.grossPrice === null
          ? null
          : {
              'ram:ChargeAmount': line.grossPrice,
              // BT-147: the discount per unit that takes the gross price to the net price.
              'ram:AppliedTradeAllowanceCharge': line.priceDiscount
                ? { 'ram:ChargeIndicator': indicator(false), 'ram:ActualAmount': line.priceDiscount }
                : null,
            },
      'ram:NetPriceProductTradePrice': { 'ram:ChargeAmount': line.netPrice },
    },
    'ram:SpecifiedLineTradeDelivery': { 'ram:BilledQuantity': { '@unitCode': line.unitCode, '#': line.quantity } },
    'ram:SpecifiedLineTradeSettlement': {
      'ram:ApplicableTradeTax': categoryTax(line.vatCategory, line.vatRate, exemptionOf(line.vatCategory, line.vatRate)),
      'ram:BillingSpecifiedPeriod': line.period
        ? { 'ram:StartDateTime': udtDate(line.period.start), 'ram:EndDateTime': udtDate(line.period.end) }
        : null,
      'ram:SpecifiedTradeAllowanceCharge': line.allowances.map((allowance) => ({
        'ram:ChargeIndicator': indicator(false),
        'ram:CalculationPercent': allowance.percent,
        'ram:BasisAmount': allowance.baseAmount,
        'ram:ActualAmount': allowance.amount,
        'ram:ReasonCode': allowance.reasonCode,
        'ram:Reason': allowance.reason,
      })),
      'ram:SpecifiedTradeSettlementLineMonetarySummation': { 'ram:LineTotalAmount': line.netAmount },
      ...referencedDocument(line, profile),
    },
  };
}

/**
 * The document a line refers to (a deposit invoice deducted by a final invoice). EXTENDED-CTC-FR has the
 * line-level preceding invoice reference (EXT-FR-FE-136, with its type and date); EN 16931 only has the
 * line object identifier BT-128 (ram:AdditionalReferencedDocument, type 130).
 */
function referencedDocument(line: EInvoiceLine, profile: EInvoiceProfile): XmlNode {
  const ref = line.referencedDocument;
  if (!ref) return {};
  if (profile === 'EXTENDED-CTC-FR') {
    return {
      'ram:InvoiceReferencedDocument': {
        'ram:IssuerAssignedID': ref.number,
        'ram:TypeCode': ref.typeCode,
        'ram:FormattedIssueDateTime': ref.issueDate ? qdtDate(ref.issueDate) : null,
      },
    };
  }
  return { 'ram:AdditionalReferencedDocument': { 'ram:IssuerAssignedID': ref.number, 'ram:TypeCode': '130' } };
}
