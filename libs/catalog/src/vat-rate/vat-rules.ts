import { Dec, FieldError } from '@comptoir/platform/kernel';
import type { VatCategoryCode } from '@comptoir/billing-engine';

/** Categories whose invoices must state why no VAT is charged (EN 16931 BR-E-10, BR-AE-10, BR-IC-10, BR-G-10, BR-O-10). */
const NEEDS_REASON: readonly VatCategoryCode[] = ['E', 'AE', 'K', 'G', 'O'];

/**
 * EN 16931 consistency of a rate, its category and its exemption reason: S is the only category with a
 * rate above 0 (BR-S-05, BR-Z-05…); S and Z carry no exemption reason (BR-S-10, BR-Z-10), the other
 * zero-rate categories need one. Returns the fields at fault ([] when consistent).
 */
export function vatCategoryProblems(v: { rate: string; category: VatCategoryCode; exemptionReason: string | null }, prefix = ''): FieldError[] {
  const problems: FieldError[] = [];
  const positive = new Dec(v.rate).greaterThan(0);
  if (positive && v.category !== 'S') problems.push({ path: `${prefix}category`, message: `category ${v.category} needs a 0 % rate; a rate above 0 is category S` });
  if (!positive && v.category === 'S') problems.push({ path: `${prefix}category`, message: 'a 0 % rate needs a category among Z, E, AE, K, G, O (S is for rates above 0)' });
  if (NEEDS_REASON.includes(v.category) && !v.exemptionReason) {
    problems.push({ path: `${prefix}exemptionReason`, message: `category ${v.category} needs the exemption reason printed on invoices` });
  }
  if (!NEEDS_REASON.includes(v.category) && v.exemptionReason) {
    problems.push({ path: `${prefix}exemptionReason`, message: `category ${v.category} takes no exemption reason` });
  }
  return problems;
}
