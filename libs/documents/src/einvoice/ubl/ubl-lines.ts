import type { XMLBuilder } from 'xmlbuilder2/lib/interfaces';
import type { EInvoice, EInvoiceLine } from '../einvoice.model';
import type { UblDocumentKind } from './ubl-document-kind';
import { aggregate, amount, basic, period, vatCategory } from './ubl-xml';

/** BT-128 object identifiers are document references with UNTDID 1001 code 130 (« invoicing data sheet »), the only type EN 16931 binds there. */
const OBJECT_IDENTIFIER_TYPE = '130';

/**
 * InvoiceLine / CreditNoteLine (BG-25) in the XSD's order: ID, Note, quantity, LineExtensionAmount,
 * InvoicePeriod, DocumentReference, AllowanceCharge, Item, Price. Neither line type gets a TaxTotal
 * (the one place where their sequences differ), which EN 16931 does not use.
 */
export function writeLines(parent: XMLBuilder, invoice: EInvoice, kind: UblDocumentKind): void {
  for (const line of invoice.lines) writeLine(aggregate(parent, kind.line), line, invoice.currency, kind);
}

function writeLine(node: XMLBuilder, line: EInvoiceLine, currency: string, kind: UblDocumentKind): void {
  basic(node, 'ID', line.id);
  basic(node, 'Note', line.note);
  basic(node, kind.quantity, line.quantity, { unitCode: line.unitCode });
  amount(node, 'LineExtensionAmount', line.netAmount, currency);
  period(node, line.period);
  if (line.referencedDocument) {
    const reference = aggregate(node, 'DocumentReference');
    basic(reference, 'ID', line.referencedDocument.number);
    basic(reference, 'DocumentTypeCode', OBJECT_IDENTIFIER_TYPE);
  }
  for (const allowance of line.allowances) {
    const allowanceNode = aggregate(node, 'AllowanceCharge');
    basic(allowanceNode, 'ChargeIndicator', 'false');
    basic(allowanceNode, 'AllowanceChargeReasonCode', allowance.reasonCode);
    basic(allowanceNode, 'AllowanceChargeReason', allowance.reason);
    basic(allowanceNode, 'MultiplierFactorNumeric', allowance.percent);
    amount(allowanceNode, 'Amount', allowance.amount, currency);
    if (allowance.baseAmount) amount(allowanceNode, 'BaseAmount', allowance.baseAmount, currency);
  }
  writeItem(aggregate(node, 'Item'), line);
  writePrice(aggregate(node, 'Price'), line, currency);
}

/** Item (BG-31): Description, Name, SellersItemIdentification, ClassifiedTaxCategory (BG-30). */
function writeItem(item: XMLBuilder, line: EInvoiceLine): void {
  basic(item, 'Description', line.description);
  basic(item, 'Name', line.name);
  if (line.sellerItemId) basic(aggregate(item, 'SellersItemIdentification'), 'ID', line.sellerItemId);
  vatCategory(item, 'ClassifiedTaxCategory', line.vatCategory, line.vatRate);
}

/**
 * Price (BG-29): the net unit price (BT-146); a gross price (BT-148) goes with its per-unit discount
 * (BT-147) into Price/AllowanceCharge, where UBL makes the discount amount mandatory.
 */
function writePrice(price: XMLBuilder, line: EInvoiceLine, currency: string): void {
  amount(price, 'PriceAmount', line.netPrice, currency);
  if (!line.grossPrice) return;
  const discount = aggregate(price, 'AllowanceCharge');
  basic(discount, 'ChargeIndicator', 'false');
  amount(discount, 'Amount', line.priceDiscount ?? '0.00', currency);
  amount(discount, 'BaseAmount', line.grossPrice, currency);
}
