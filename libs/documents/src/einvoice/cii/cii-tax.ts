import type { VatCategoryCode } from '@comptoir/billing-engine';
import type { EInvoice } from '../einvoice.model';
import type { XmlNode } from './cii-xml';

/** Why a (category, rate) carries no VAT: BT-120 / BT-121 of its breakdown. */
export interface Exemption {
  reason: string | null;
  code: string | null;
}

/** The exemption of a line's or an allowance's (category, rate); null when none is to be written. */
export type ExemptionOf = (category: VatCategoryCode, rate: string) => Exemption | null;

/**
 * EXTENDED-CTC-FR repeats the breakdown's exemption reason on each line (BT-X-96/97) and document
 * allowance or charge (BT-173…176), which its rules BR-FXEXT-x-08 match the breakdown on; EN 16931 has it
 * on the breakdown only. The engine makes one breakdown per (category, rate), so that pair finds it.
 */
export function exemptionsFor(invoice: EInvoice): ExemptionOf {
  if (invoice.profile !== 'EXTENDED-CTC-FR') return () => null;
  return (category, rate) => {
    const group = invoice.vatBreakdown.find((g) => g.category === category && g.rate === rate);
    return group && (group.exemptionReason || group.exemptionReasonCode) ? { reason: group.exemptionReason, code: group.exemptionReasonCode } : null;
  };
}

/**
 * ram:ApplicableTradeTax / ram:CategoryTradeTax of a line or an allowance/charge. "Not subject to VAT" (O)
 * carries no rate (BR-O-05, BR-O-06, BR-O-07).
 */
export function categoryTax(category: VatCategoryCode, rate: string, exemption: Exemption | null = null): XmlNode {
  return {
    'ram:TypeCode': 'VAT',
    'ram:ExemptionReason': exemption?.reason ?? null,
    'ram:CategoryCode': category,
    'ram:ExemptionReasonCode': exemption?.code ?? null,
    'ram:RateApplicablePercent': category === 'O' ? null : rate,
  };
}
