import { spreadByLargestRemainder, type VatBreakdown, type VatCategoryCode } from '@comptoir/billing-engine';
import { Dec } from '@comptoir/platform/kernel';

/** One line of a deposit invoice: the net of one VAT group of the source document. */
export interface DepositShare {
  category: VatCategoryCode;
  rate: string;
  exemptionReason: string | null;
  /** Net of VAT, 2 decimals. */
  net: string;
}

const CENT = new Dec('0.01');

/** VAT of a net, as the totals engine computes it for a one-line group: only standard-rated amounts bear VAT. */
function vatOf(category: VatCategoryCode, rate: Dec, net: Dec): Dec {
  return category === 'S' ? net.times(rate).dividedBy(100).toDecimalPlaces(2, Dec.ROUND_HALF_UP) : new Dec(0);
}

/**
 * Splits a deposit of `gross` (tax included, whole cents) over the VAT groups of the source document,
 * pro rata of each group's gross, so that VAT is invoiced at the rates the sale bears (CGI art. 269-2-c:
 * VAT is due on deposits). The gross shares add up to `gross` exactly (largest remainder); each share
 * then becomes the net whose gross (net + round2(net × rate)) equals it. A few cent values have no
 * such net (at 20 %, no net grosses to 0.03): the share then takes the largest net whose gross stays
 * below it, and the cent goes to another group that can take it. The deposit invoice thus never asks
 * more than the amount requested, nearly always exactly that, and at worst a cent less per group.
 */
export function splitDeposit(gross: string, groups: readonly Pick<VatBreakdown, 'category' | 'rate' | 'base' | 'amount' | 'exemptionReason'>[]): DepositShare[] {
  const weighted = groups.map((group) => ({ group, gross: new Dec(group.base).plus(group.amount) })).filter((g) => g.gross.gt(0));
  if (!weighted.length) return [];
  const shares = spreadByLargestRemainder(new Dec(gross), weighted.map((g) => g.gross));
  const split = weighted.map(({ group }, i) => ({ category: group.category, rate: group.rate, exemptionReason: group.exemptionReason ?? null, net: netFor(group.category, new Dec(group.rate), shares[i]!) }));
  fillShortfall(split, new Dec(gross));
  return split.filter((share) => !share.net.isZero()).map((share) => ({ ...share, net: share.net.toFixed(2) }));
}

/**
 * The cents a group could not reach, taken by the other groups where a cent more of net adds no more
 * gross than is missing (largest groups first): the deposit then asks exactly the amount requested
 * whenever some group can take it.
 */
function fillShortfall(split: { category: VatCategoryCode; rate: string; net: Dec }[], gross: Dec): void {
  const grossOf = (share: { category: VatCategoryCode; rate: string }, net: Dec) => net.plus(vatOf(share.category, new Dec(share.rate), net));
  let missing = gross.minus(split.reduce((acc, s) => acc.plus(grossOf(s, s.net)), new Dec(0)));
  const order = [...split].sort((a, b) => b.net.comparedTo(a.net));
  for (let moved = true; missing.gt(0) && moved; ) {
    moved = false;
    for (const share of order) {
      const step = grossOf(share, share.net.plus(CENT)).minus(grossOf(share, share.net));
      if (step.lte(missing)) {
        share.net = share.net.plus(CENT);
        missing = missing.minus(step);
        moved = true;
        if (missing.isZero()) return;
      }
    }
  }
}

/** The largest net (to the cent) whose gross is at most `gross`: the exact one whenever there is one. */
function netFor(category: VatCategoryCode, rate: Dec, gross: Dec): Dec {
  if (category !== 'S') return gross;
  let net = gross.times(100).dividedBy(rate.plus(100)).toDecimalPlaces(2, Dec.ROUND_HALF_UP);
  const grossOf = (n: Dec) => n.plus(vatOf(category, rate, n));
  while (grossOf(net).gt(gross)) net = net.minus(CENT);
  while (grossOf(net.plus(CENT)).lte(gross)) net = net.plus(CENT);
  return net;
}

/** The gross of a deposit invoice made of these shares, as the totals engine will compute it. */
export function grossOfShares(shares: readonly DepositShare[]): Dec {
  return shares.reduce((acc, s) => acc.plus(s.net).plus(vatOf(s.category, new Dec(s.rate), new Dec(s.net))), new Dec(0));
}
