import type { AllowanceCharge, VatBreakdown, VatCategoryCode } from '@comptoir/billing-engine';
import { REVERSE_CHARGE, type EInvoiceAllowanceCharge, type EInvoiceVatBreakdown } from '@comptoir/documents';

/** The legal wording printed when a line gives none (CGI 242 nonies A; MENTIONS.md § 2). */
const DEFAULT_REASON: Partial<Record<VatCategoryCode, string>> = {
  AE: REVERSE_CHARGE,
  K: 'Exonération de TVA, article 262 ter I du CGI',
  G: 'Exonération de TVA, article 262 I du CGI',
  O: 'Hors champ d’application de la TVA',
};

/** BT-121 (VATEX list) per category; exempt (E) only when the reason is the 293 B franchise. */
const VATEX: Partial<Record<VatCategoryCode, string>> = { AE: 'VATEX-EU-AE', K: 'VATEX-EU-IC', G: 'VATEX-EU-G', O: 'VATEX-EU-O' };

/** Categories whose breakdown must state why no VAT is charged (BR-E-10, BR-AE-10, BR-IC-10, BR-G-10, BR-O-10); S and Z must not. */
const EXPLAINED: ReadonlySet<VatCategoryCode> = new Set(['E', 'AE', 'K', 'G', 'O']);

/**
 * BG-23 from the engine's breakdown. VAT on debits (« option pour le paiement de la taxe d'après les
 * débits ») makes the VAT due at invoicing: BT-8 code 5 (invoice date) on the taxed groups.
 */
export function vatBreakdown(groups: VatBreakdown[], vatOnDebits: boolean): EInvoiceVatBreakdown[] {
  return groups.map((group) => {
    const explained = EXPLAINED.has(group.category);
    const reason = explained ? (group.exemptionReason ?? DEFAULT_REASON[group.category] ?? null) : null;
    return {
      category: group.category,
      rate: group.rate,
      taxableAmount: group.base,
      taxAmount: group.amount,
      exemptionReason: reason,
      exemptionReasonCode: explained ? exemptionCode(group.category, reason) : null,
      dueDateTypeCode: vatOnDebits && group.category === 'S' ? '5' : null,
    };
  });
}

function exemptionCode(category: VatCategoryCode, reason: string | null): string | null {
  if (category === 'E') return isFranchiseReason(reason) ? 'VATEX-FR-FRANCHISE' : null;
  return VATEX[category] ?? null;
}

/** True when the document is exempt under the 293 B franchise (the seller then has no VAT number to show). */
export function isFranchise(groups: VatBreakdown[]): boolean {
  return groups.some((group) => group.category === 'E' && isFranchiseReason(group.exemptionReason ?? null));
}

/** « TVA non applicable, art. 293 B du CGI » and its variants name the article. */
function isFranchiseReason(reason: string | null): boolean {
  return reason !== null && /293\s*B/i.test(reason);
}

/** BG-20 / BG-21 from the engine's allowances (general discount per rate) and charges (shipping, other taxes). */
export function allowanceCharges(items: AllowanceCharge[]): EInvoiceAllowanceCharge[] {
  return items.map((item) => ({
    amount: item.amount,
    baseAmount: item.baseAmount ?? null,
    percent: item.percent ?? null,
    vatCategory: item.vatCategory,
    vatRate: item.vatRate,
    reason: item.reason,
    reasonCode: item.reasonCode ?? null,
  }));
}
