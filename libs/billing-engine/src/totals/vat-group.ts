import { Dec, HUNDRED, round2, ZERO } from '../decimal';
import type { VatCategoryCode } from './totals.types';

export const VAT_CATEGORIES: readonly VatCategoryCode[] = ['S', 'Z', 'E', 'AE', 'K', 'G', 'O'];

/** The key of an EN 16931 VAT breakdown group (BG-23): category and rate together. */
export interface VatKey {
  category: VatCategoryCode;
  rate: Dec;
}

/** An amount booked in a VAT group: a line net, a charge, or an allowance (negated). */
export interface VatGroupEntry {
  vat: VatKey;
  amount: Dec;
  exemptionReason?: string | null;
}

export interface VatGroupTotal {
  vat: VatKey;
  amount: Dec;
  /** The first non-null exemption reason among the group's entries, in entry order. */
  exemptionReason: string | null;
}

/** Only standard-rated ('S') amounts bear VAT; every other category is zero-rated, exempt or out of scope. */
export function vatAmount(vat: VatKey, base: Dec): Dec {
  return vat.category === 'S' ? round2(base.times(vat.rate).dividedBy(HUNDRED)) : ZERO;
}

/** BG-23 order: rate descending, then category code. */
export function compareVatKeys(a: VatKey, b: VatKey): number {
  return b.rate.comparedTo(a.rate) || (a.category < b.category ? -1 : a.category > b.category ? 1 : 0);
}

/** Sums entries per (category, rate) group, in BG-23 order. */
export function totalsByVatGroup(entries: Iterable<VatGroupEntry>): VatGroupTotal[] {
  const groups = new Map<string, VatGroupTotal>();
  for (const entry of entries) {
    const id = `${entry.vat.category}|${entry.vat.rate.toFixed(2)}`;
    const group = groups.get(id);
    if (group) {
      group.amount = group.amount.plus(entry.amount);
      group.exemptionReason ??= entry.exemptionReason ?? null;
    } else {
      groups.set(id, { vat: entry.vat, amount: entry.amount, exemptionReason: entry.exemptionReason ?? null });
    }
  }
  return [...groups.values()].sort((a, b) => compareVatKeys(a.vat, b.vat));
}
