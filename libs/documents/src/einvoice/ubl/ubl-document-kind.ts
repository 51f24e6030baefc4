import type { EInvoice } from '../einvoice.model';

/**
 * What differs between the two UBL 2.1 documents EN 16931 binds to: a credit note (381) is a
 * CreditNote-2, every other type code an Invoice-2. Beyond the names, the CreditNote-2 schema puts
 * TaxPointDate before the type code and has no DueDate (BT-9 then goes to PaymentMeans/PaymentDueDate).
 */
export interface UblDocumentKind {
  root: 'Invoice' | 'CreditNote';
  namespace: string;
  typeCode: 'InvoiceTypeCode' | 'CreditNoteTypeCode';
  line: 'InvoiceLine' | 'CreditNoteLine';
  quantity: 'InvoicedQuantity' | 'CreditedQuantity';
  dueDateInHeader: boolean;
  taxPointDateBeforeTypeCode: boolean;
}

const INVOICE: UblDocumentKind = {
  root: 'Invoice',
  namespace: 'urn:oasis:names:specification:ubl:schema:xsd:Invoice-2',
  typeCode: 'InvoiceTypeCode',
  line: 'InvoiceLine',
  quantity: 'InvoicedQuantity',
  dueDateInHeader: true,
  taxPointDateBeforeTypeCode: false,
};

const CREDIT_NOTE: UblDocumentKind = {
  root: 'CreditNote',
  namespace: 'urn:oasis:names:specification:ubl:schema:xsd:CreditNote-2',
  typeCode: 'CreditNoteTypeCode',
  line: 'CreditNoteLine',
  quantity: 'CreditedQuantity',
  dueDateInHeader: false,
  taxPointDateBeforeTypeCode: true,
};

export function ublDocumentKind(invoice: Pick<EInvoice, 'typeCode'>): UblDocumentKind {
  return invoice.typeCode === '381' ? CREDIT_NOTE : INVOICE;
}
