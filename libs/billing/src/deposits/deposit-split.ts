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
 * below it, so the deposit invoice never asks more than the amount requested and at most a cent less
 * per group.
 */
export function splitDeposit(gross: string, groups: readonly Pick<VatBreakdown, 'category' | 'rate' | 'base' | 'amount' | 'exemptionReason'>[]): DepositShare[] {
  const weighted = groups.map((group) => ({ group, gross: new Dec(group.base).plus(group.amount) })).filter((g) => g.gross.gt(0));
  if (!weighted.length) return [];
  const shares = spreadByLargestRemainder(new Dec(gross), weighted.map((g) => g.gross));
  return weighted
    .map(({ group }, i) => ({ category: group.category, rate: group.rate, exemptionReason: group.exemptionReason ?? null, net: netFor(group.category, new Dec(group.rate), shares[i]!).toFixed(2) }))
    .filter((share) => !new Dec(share.net).isZero());
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
