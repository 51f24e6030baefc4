import type { XMLBuilder } from 'xmlbuilder2/lib/interfaces';
import type { EInvoice, EInvoicePaymentMeans } from '../einvoice.model';
import type { UblDocumentKind } from './ubl-document-kind';
import { aggregate, basic } from './ubl-xml';

/**
 * PaymentMeans (BG-16) and PaymentTerms (BT-20).
 *
 * EN 16931 has one payment instruction per invoice: UBL repeats PaymentMeans only to list several
 * accounts, and every repetition must carry the same code (UBL-SR-47), the same payment reference
 * (UBL-SR-44) and the code's text once (UBL-SR-46). So the first means sets the code and only the means
 * with that code are written. A credit note has no DueDate element: its BT-9 is the first
 * PaymentMeans' PaymentDueDate.
 */
export function writePaymentMeans(parent: XMLBuilder, invoice: EInvoice, kind: UblDocumentKind): void {
  const [first] = invoice.paymentMeans;
  if (!first) return;
  invoice.paymentMeans
    .filter((means) => means.code === first.code)
    .forEach((means, index) => writeMeans(parent, means, index === 0, kind.dueDateInHeader ? null : invoice.dueDate));
}

/** The code's text, the credit note's due date, the payment reference and the mandate are written on the first means only. */
function writeMeans(parent: XMLBuilder, means: EInvoicePaymentMeans, isFirst: boolean, paymentDueDate: string | null): void {
  const node = aggregate(parent, 'PaymentMeans');
  basic(node, 'PaymentMeansCode', means.code, isFirst && means.text ? { name: means.text } : undefined);
  if (isFirst) {
    basic(node, 'PaymentDueDate', paymentDueDate);
    basic(node, 'PaymentID', means.remittance);
  }
  writeCreditTransfer(node, means);
  if (isFirst && means.directDebit) {
    const mandate = aggregate(node, 'PaymentMandate');
    basic(mandate, 'ID', means.directDebit.mandateReference);
    if (means.directDebit.debitedIban) basic(aggregate(mandate, 'PayerFinancialAccount'), 'ID', means.directDebit.debitedIban);
  }
}

/** PayeeFinancialAccount (BG-17): IBAN, account name, BIC. */
function writeCreditTransfer(node: XMLBuilder, means: EInvoicePaymentMeans): void {
  if (!means.creditTransfer) return;
  const account = aggregate(node, 'PayeeFinancialAccount');
  basic(account, 'ID', means.creditTransfer.iban);
  basic(account, 'Name', means.creditTransfer.accountName);
  if (means.creditTransfer.bic) basic(aggregate(account, 'FinancialInstitutionBranch'), 'ID', means.creditTransfer.bic);
}

export function writePaymentTerms(parent: XMLBuilder, invoice: EInvoice): void {
  if (invoice.paymentTermsText) basic(aggregate(parent, 'PaymentTerms'), 'Note', invoice.paymentTermsText);
}
