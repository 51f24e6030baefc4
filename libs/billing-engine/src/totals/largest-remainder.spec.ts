import assert from 'node:assert/strict';
import fc from 'fast-check';
import { Dec, sum } from '../decimal';
import { grossDiscountShares } from './general-discount';
import { spreadByLargestRemainder } from './largest-remainder';
import type { VatCategoryCode } from './totals.types';

const amounts = (values: Dec[]) => values.map((v) => v.toFixed(2));
const money = (centsMin: number, centsMax: number) => fc.integer({ min: centsMin, max: centsMax }).map((c) => new Dec(c).dividedBy(100));

describe('spreadByLargestRemainder', () => {
  it('floors every share to the cent, then gives the cents left to the largest fractions', () => {
    // 10.00 over 102.01 / 12.83 / 21.10: 750.40 / 94.38 / 155.22 cents → 750 + 94 + 155, one cent left for 0.40.
    expect(amounts(spreadByLargestRemainder(new Dec('10'), ['102.01', '12.83', '21.10'].map((w) => new Dec(w))))).toEqual(['7.51', '0.94', '1.55']);
    // 1.00 over 3 equal weights: 33.33 cents each, the cent left goes to the first.
    expect(amounts(spreadByLargestRemainder(new Dec('1'), [1, 1, 1].map((w) => new Dec(w))))).toEqual(['0.34', '0.33', '0.33']);
  });

  it('breaks a tie between fractions in favour of the largest weight', () => {
    // 0.05 over 30 / 20 / 50: 1.5 / 1.0 / 2.5 cents, the .5 fractions tie, 50 is the largest base.
    expect(amounts(spreadByLargestRemainder(new Dec('0.05'), [30, 20, 50].map((w) => new Dec(w))))).toEqual(['0.01', '0.01', '0.03']);
  });

  it('adds up to the total exactly, each share within a cent of its exact pro-rata value and never above its weight', () => {
    fc.assert(
      fc.property(fc.array(money(1, 1_000_000_000), { minLength: 1, maxLength: 8 }), fc.integer({ min: 0, max: 10_000 }), (weights, perTenThousand) => {
        const whole = sum(weights);
        const total = whole.times(perTenThousand).dividedBy(10_000).toDecimalPlaces(2, Dec.ROUND_DOWN);
        const shares = spreadByLargestRemainder(total, weights);
        assert.equal(sum(shares).toFixed(2), total.toFixed(2));
        shares.forEach((share, i) => {
          assert.ok(share.decimalPlaces() <= 2 && share.gte(0) && share.lte(weights[i]!), `share ${share.toString()} of weight ${weights[i]!.toString()}`);
          assert.ok(share.minus(total.times(weights[i]!).dividedBy(whole)).abs().lt('0.01'), `share ${share.toString()} a cent or more off`);
        });
      }),
      { numRuns: 2_000 },
    );
  });
});

describe('grossDiscountShares', () => {
  const rates = fc.constantFrom<[VatCategoryCode, string]>(['S', '20'], ['S', '10'], ['S', '5.5'], ['S', '2.1'], ['E', '0'], ['AE', '0']);
  const groups = fc.array(fc.tuple(rates, money(1, 100_000_000)), { minLength: 1, maxLength: 6 }).map((list) =>
    list.map(([[category, rate], amount]) => ({ vat: { category, rate: new Dec(rate) }, amount, exemptionReason: null })),
  );

  it('spreads an amount off the gross total so that the shares add up to it exactly, none above its group gross', () => {
    fc.assert(
      fc.property(groups, fc.integer({ min: 0, max: 10_000 }), (list, perTenThousand) => {
        const grosses = list.map((g) => g.amount.plus(g.vat.category === 'S' ? g.amount.times(g.vat.rate).dividedBy(100).toDecimalPlaces(2) : 0));
        const value = sum(grosses).times(perTenThousand).dividedBy(10_000).toDecimalPlaces(2, Dec.ROUND_DOWN);
        const shares = grossDiscountShares({ mode: 'amount', base: 'gross', value }, list);
        assert.equal(sum(shares).toFixed(2), value.toFixed(2));
        shares.forEach((share, i) => assert.ok(share.lte(grosses[i]!), `share ${share.toString()} above gross ${grosses[i]!.toString()}`));
      }),
      { numRuns: 2_000 },
    );
  });
});
