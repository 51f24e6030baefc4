import { Dec, HUNDRED, sum } from '../decimal';

/**
 * Splits `total` (≥ 0, whole cents) pro rata of `weights` (all > 0) so that the shares add up to `total`
 * exactly (Hamilton's largest-remainder method): every share is first rounded DOWN to the cent, then the
 * cents left over go one each to the shares with the largest dropped fractions; ties go to the largest
 * weight (API.md: "the rounding remainder put on the largest base"), then to the earlier position.
 * Each share is therefore within one cent of its exact pro-rata value and never above its weight when
 * `total` ≤ Σ weights.
 */
export function spreadByLargestRemainder(total: Dec, weights: readonly Dec[]): Dec[] {
  const totalWeight = sum(weights);
  const cents = total.times(HUNDRED);
  const exact = weights.map((weight) => cents.times(weight).dividedBy(totalWeight));
  const shares = exact.map((value) => value.floor());
  const leftover = cents.minus(sum(shares)).toNumber();
  const byRemainder = weights
    .map((weight, index) => ({ index, weight, fraction: exact[index]!.minus(shares[index]!) }))
    .sort((a, b) => b.fraction.comparedTo(a.fraction) || b.weight.comparedTo(a.weight) || a.index - b.index);
  for (const { index } of byRemainder.slice(0, leftover)) shares[index] = shares[index]!.plus(1);
  return shares.map((share) => share.dividedBy(HUNDRED));
}
