import { Dec } from '@comptoir/platform/kernel';
import { spreadByLargestRemainder } from '@comptoir/billing-engine';

/**
 * Splits `total` (whole cents, any sign) over `weights` so that the parts add up to it exactly: pro
 * rata with the largest remainder when the weights are all positive, otherwise (refund lines mixed in,
 * zero nets) each part keeps its weight and what is left goes to the largest one.
 */
export function splitByWeights(total: Dec, weights: readonly Dec[]): Dec[] {
  if (weights.length === 0) return [];
  if (weights.length === 1) return [total];
  if (weights.every((w) => w.gt(0))) {
    const parts = spreadByLargestRemainder(total.abs(), weights) as Dec[];
    return total.isNegative() ? parts.map((p) => p.negated()) : parts;
  }
  const parts = [...weights];
  const largest = weights.reduce((best, w, i) => (w.abs().gt(weights[best]!.abs()) ? i : best), 0);
  const rest = weights.reduce((acc, w) => acc.minus(w), total);
  parts[largest] = parts[largest]!.plus(rest);
  return parts;
}

/** `total × part ÷ whole`, rounded to the cent (half away from zero); 0 when `whole` is 0. */
export function proRataCents(total: Dec, part: Dec, whole: Dec): Dec {
  return whole.isZero() ? new Dec(0) : total.times(part).dividedBy(whole).toDecimalPlaces(2, Dec.ROUND_HALF_UP);
}
