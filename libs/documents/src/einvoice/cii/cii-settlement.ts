import type { EInvoice, EInvoiceAllowanceCharge, EInvoicePaymentMeans, EInvoiceVatBreakdown } from '../einvoice.model';
import { categoryTax, exemptionsFor, type ExemptionOf } from './cii-tax';
import { indicator, qdtDate, udtDate, udtDateOnly, type XmlNode } from './cii-xml';

/** ram:ApplicableHeaderTradeSettlement, in the XSD's element order. */
export function headerSettlement(invoice: EInvoice): XmlNode {
  const debit = invoice.paymentMeans.find((means) => means.directDebit)?.directDebit ?? null;
  const remittance = invoice.paymentMeans.find((means) => means.remittance)?.remittance ?? null;
  const { totals } = invoice;
  const exemptionOf = exemptionsFor(invoice);
  return {
    'ram:CreditorReferenceID': debit?.creditorId ?? null,
    'ram:PaymentReference': remittance,
    'ram:InvoiceCurrencyCode': invoice.currency,
    'ram:SpecifiedTradeSettlementPaymentMeans': invoice.paymentMeans.map(paymentMeans),
    'ram:ApplicableTradeTax': invoice.vatBreakdown.map((group) => vatBreakdown(group, invoice.vatPointDate)),
    'ram:BillingSpecifiedPeriod': invoice.period
      ? { 'ram:StartDateTime': udtDate(invoice.period.start), 'ram:EndDateTime': udtDate(invoice.period.end) }
      : null,
    'ram:SpecifiedTradeAllowanceCharge': [
      ...invoice.allowances.map((allowance) => allowanceCharge(allowance, false, exemptionOf)),
      ...invoice.charges.map((charge) => allowanceCharge(charge, true, exemptionOf)),
    ],
    'ram:SpecifiedTradePaymentTerms':
      invoice.paymentTermsText || invoice.dueDate || debit
        ? {
            'ram:Description': invoice.paymentTermsText,
            'ram:DueDateDateTime': invoice.dueDate ? udtDate(invoice.dueDate) : null,
            'ram:DirectDebitMandateID': debit?.mandateReference ?? null,
          }
        : null,
    'ram:SpecifiedTradeSettlementHeaderMonetarySummation': {
      'ram:LineTotalAmount': totals.lineNetTotal,
      'ram:ChargeTotalAmount': totals.chargeTotal,
      'ram:AllowanceTotalAmount': totals.allowanceTotal,
      'ram:TaxBasisTotalAmount': totals.netTotal,
      'ram:TaxTotalAmount': { '@currencyID': invoice.currency, '#': totals.vatTotal },
      'ram:RoundingAmount': isZero(totals.rounding) ? null : totals.rounding,
      'ram:GrandTotalAmount': totals.grossTotal,
      'ram:TotalPrepaidAmount': totals.prepaid,
      'ram:DuePayableAmount': totals.due,
    },
    'ram:InvoiceReferencedDocument': precedingInvoices(invoice).map((preceding) => ({
      'ram:IssuerAssignedID': preceding.number,
      'ram:FormattedIssueDateTime': qdtDate(preceding.issueDate),
    })),
  };
}

/**
 * BG-3. The UN/CEFACT D16B schema of EN 16931 allows one header reference (Factur-X 1.09 and D22B allow
 * several): in EN16931 a final invoice deducting several deposit invoices names the first here, and every
 * one on its own deduction line (BT-128); EXTENDED-CTC-FR names them all.
 */
function precedingInvoices(invoice: EInvoice): EInvoice['precedingInvoices'] {
  return invoice.profile === 'EN16931' ? invoice.precedingInvoices.slice(0, 1) : invoice.precedingInvoices;
}

/** BG-16 with BG-17 (credit transfer) or BT-91 (the debited account of a direct debit, BG-19). */
function paymentMeans(means: EInvoicePaymentMeans): XmlNode {
  return {
    'ram:TypeCode': means.code,
    'ram:Information': means.text,
    'ram:PayerPartyDebtorFinancialAccount': means.directDebit?.debitedIban ? { 'ram:IBANID': means.directDebit.debitedIban } : null,
    'ram:PayeePartyCreditorFinancialAccount': means.creditTransfer
      ? { 'ram:IBANID': means.creditTransfer.iban, 'ram:AccountName': means.creditTransfer.accountName }
      : null,
    'ram:PayeeSpecifiedCreditorFinancialInstitution': means.creditTransfer?.bic ? { 'ram:BICID': means.creditTransfer.bic } : null,
  };
}

/** BG-23. BT-7 (tax point date) and BT-8 (its type code) exclude each other (BR-CO-03): the date wins. */
function vatBreakdown(group: EInvoiceVatBreakdown, vatPointDate: string | null): XmlNode {
  return {
    'ram:CalculatedAmount': group.taxAmount,
    'ram:TypeCode': 'VAT',
    'ram:ExemptionReason': group.exemptionReason,
    'ram:BasisAmount': group.taxableAmount,
    'ram:CategoryCode': group.category,
    'ram:ExemptionReasonCode': group.exemptionReasonCode,
    'ram:TaxPointDate': vatPointDate ? udtDateOnly(vatPointDate) : null,
    'ram:DueDateTypeCode': vatPointDate ? null : group.dueDateTypeCode,
    // "Not subject to VAT" (O) has no rate, in the breakdown as on lines (EN 16931 BR-O rules).
    'ram:RateApplicablePercent': group.category === 'O' ? null : group.rate,
  };
}

/** BG-20 (ChargeIndicator false) / BG-21 (true). */
function allowanceCharge(item: EInvoiceAllowanceCharge, charge: boolean, exemptionOf: ExemptionOf): XmlNode {
  return {
    'ram:ChargeIndicator': indicator(charge),
    'ram:CalculationPercent': item.percent,
    'ram:BasisAmount': item.baseAmount,
    'ram:ActualAmount': item.amount,
    'ram:ReasonCode': item.reasonCode,
    'ram:Reason': item.reason,
    'ram:CategoryTradeTax': categoryTax(item.vatCategory, item.vatRate, exemptionOf(item.vatCategory, item.vatRate)),
  };
}

function isZero(amount: string): boolean {
  return /^-?0*(\.0*)?$/.test(amount);
}
