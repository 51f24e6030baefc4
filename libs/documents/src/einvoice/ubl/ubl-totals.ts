import Decimal from 'decimal.js';
import type { XMLBuilder } from 'xmlbuilder2/lib/interfaces';
import type { EInvoice, EInvoiceAllowanceCharge } from '../einvoice.model';
import { aggregate, amount, basic, vatCategory } from './ubl-xml';

/** Document-level AllowanceCharge (BG-20 allowances, then BG-21 charges). */
export function writeAllowancesAndCharges(parent: XMLBuilder, invoice: EInvoice): void {
  for (const allowance of invoice.allowances) writeAllowanceCharge(parent, allowance, false, invoice.currency);
  for (const charge of invoice.charges) writeAllowanceCharge(parent, charge, true, invoice.currency);
}

function writeAllowanceCharge(parent: XMLBuilder, item: EInvoiceAllowanceCharge, isCharge: boolean, currency: string): void {
  const node = aggregate(parent, 'AllowanceCharge');
  basic(node, 'ChargeIndicator', String(isCharge));
  basic(node, 'AllowanceChargeReasonCode', item.reasonCode);
  basic(node, 'AllowanceChargeReason', item.reason);
  basic(node, 'MultiplierFactorNumeric', item.percent);
  amount(node, 'Amount', item.amount, currency);
  if (item.baseAmount) amount(node, 'BaseAmount', item.baseAmount, currency);
  vatCategory(node, 'TaxCategory', item.vatCategory, item.vatRate);
}

/** TaxTotal (BT-110) with one TaxSubtotal per VAT category and rate (BG-23), exemption reason and code included. */
export function writeTaxTotal(parent: XMLBuilder, invoice: EInvoice): void {
  const node = aggregate(parent, 'TaxTotal');
  amount(node, 'TaxAmount', invoice.totals.vatTotal, invoice.currency);
  for (const breakdown of invoice.vatBreakdown) {
    const subtotal = aggregate(node, 'TaxSubtotal');
    amount(subtotal, 'TaxableAmount', breakdown.taxableAmount, invoice.currency);
    amount(subtotal, 'TaxAmount', breakdown.taxAmount, invoice.currency);
    vatCategory(subtotal, 'TaxCategory', breakdown.category, breakdown.rate, { code: breakdown.exemptionReasonCode, reason: breakdown.exemptionReason });
  }
}

/**
 * LegalMonetaryTotal (BG-22). The optional totals are written only when they say something: allowance
 * and charge totals when there are allowances or charges, prepaid and rounding amounts when not zero.
 */
export function writeMonetaryTotal(parent: XMLBuilder, invoice: EInvoice): void {
  const { totals, currency } = invoice;
  const node = aggregate(parent, 'LegalMonetaryTotal');
  amount(node, 'LineExtensionAmount', totals.lineNetTotal, currency);
  amount(node, 'TaxExclusiveAmount', totals.netTotal, currency);
  amount(node, 'TaxInclusiveAmount', totals.grossTotal, currency);
  if (invoice.allowances.length > 0) amount(node, 'AllowanceTotalAmount', totals.allowanceTotal, currency);
  if (invoice.charges.length > 0) amount(node, 'ChargeTotalAmount', totals.chargeTotal, currency);
  if (!new Decimal(totals.prepaid).isZero()) amount(node, 'PrepaidAmount', totals.prepaid, currency);
  if (!new Decimal(totals.rounding).isZero()) amount(node, 'PayableRoundingAmount', totals.rounding, currency);
  amount(node, 'PayableAmount', totals.due, currency);
}
