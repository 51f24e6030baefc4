import { create } from 'xmlbuilder2';
import type { XMLBuilder } from 'xmlbuilder2/lib/interfaces';
import type { EInvoice, EInvoiceNote } from '../einvoice.model';
import { type UblDocumentKind, ublDocumentKind } from './ubl-document-kind';
import { writeLines } from './ubl-lines';
import { writeBuyer, writeDelivery, writeSeller } from './ubl-parties';
import { writePaymentMeans, writePaymentTerms } from './ubl-payment';
import { writeAllowancesAndCharges, writeMonetaryTotal, writeTaxTotal } from './ubl-totals';
import { aggregate, basic, period, UBL_NAMESPACES } from './ubl-xml';

/** BT-24: the XML claims the EN 16931 core (there is no EXTENDED flavour of UBL; CII carries EXTENDED-CTC-FR). */
const EN16931_CUSTOMIZATION = 'urn:cen.eu:en16931:2017';

/**
 * BT-8 in UBL uses UNTDID 2005 codes 3 (invoice date), 35 (delivery date), 432 (paid to date) where CII
 * uses 5, 29, 72 for the same three cases (EN 16931-3-2 and -3-3 bindings).
 */
const UBL_VAT_POINT_DATE_CODE: Record<'5' | '29' | '72', string> = { '5': '3', '29': '35', '72': '432' };

/**
 * Writes the UBL 2.1 XML of an e-invoice: Invoice-2 for type codes 380/384/386, CreditNote-2 for 381.
 * Every element follows the UBL XSD's sequence (the schema is strict about order) and the EN 16931 UBL
 * binding. Pure: the same EInvoice always gives the same bytes.
 */
export function writeUbl(invoice: EInvoice): string {
  const kind = ublDocumentKind(invoice);
  const root = create({ version: '1.0', encoding: 'UTF-8' }).ele(kind.namespace, kind.root, UBL_NAMESPACES);
  writeHeader(root, invoice, kind);
  writeSeller(root, invoice);
  writeBuyer(root, invoice);
  writeDelivery(root, invoice);
  writePaymentMeans(root, invoice, kind);
  writePaymentTerms(root, invoice);
  writeAllowancesAndCharges(root, invoice);
  writeTaxTotal(root, invoice);
  writeMonetaryTotal(root, invoice);
  writeLines(root, invoice, kind);
  return root.end({ prettyPrint: true });
}

/** From CustomizationID to BillingReference. */
function writeHeader(root: XMLBuilder, invoice: EInvoice, kind: UblDocumentKind): void {
  basic(root, 'CustomizationID', EN16931_CUSTOMIZATION);
  // BT-23: the French CIUS carries the « cadre de facturation » (B1, S1, M4…) as the business process.
  basic(root, 'ProfileID', invoice.billingMode);
  basic(root, 'ID', invoice.number);
  basic(root, 'IssueDate', invoice.issueDate);
  if (kind.dueDateInHeader) basic(root, 'DueDate', invoice.dueDate);
  if (kind.taxPointDateBeforeTypeCode) basic(root, 'TaxPointDate', invoice.vatPointDate);
  basic(root, kind.typeCode, invoice.typeCode);
  for (const note of notesOf(invoice)) basic(root, 'Note', note.subject ? `#${note.subject}#${note.text}` : note.text);
  if (!kind.taxPointDateBeforeTypeCode) basic(root, 'TaxPointDate', invoice.vatPointDate);
  basic(root, 'DocumentCurrencyCode', invoice.currency);
  basic(root, 'BuyerReference', invoice.buyerReference);
  period(root, invoice.period, vatPointDateCode(invoice));
  if (invoice.purchaseOrderReference) basic(aggregate(root, 'OrderReference'), 'ID', invoice.purchaseOrderReference);
  for (const preceding of invoice.precedingInvoices) {
    const reference = aggregate(aggregate(root, 'BillingReference'), 'InvoiceDocumentReference');
    basic(reference, 'ID', preceding.number);
    basic(reference, 'IssueDate', preceding.issueDate);
  }
}

/**
 * BG-1 notes. UBL has no element for the subject code (BT-21): like the French CIUS (and XRechnung), it
 * prefixes the text as `#CODE#text`. The flow's BAR note (BR-FR-20) comes first, as in the CII.
 */
function notesOf(invoice: EInvoice): EInvoiceNote[] {
  return [{ subject: 'BAR', text: invoice.flow }, ...invoice.notes];
}

/** BT-8, unless BT-7 is given: EN 16931 allows only one of them (BR-CO-03). */
function vatPointDateCode(invoice: EInvoice): string | null {
  if (invoice.vatPointDate) return null;
  const code = invoice.vatBreakdown.find((breakdown) => breakdown.dueDateTypeCode)?.dueDateTypeCode;
  return code ? UBL_VAT_POINT_DATE_CODE[code] : null;
}
