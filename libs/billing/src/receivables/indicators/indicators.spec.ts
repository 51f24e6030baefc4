import fc from 'fast-check';
import { Dec } from '@comptoir/platform/kernel';
import type { AgedReceivables } from '../aged/aged-receivables.query';
import { AGING_BUCKETS } from '../aged/aging-buckets';
import { balanceIndicators } from './indicators';

const aged = (totals: string[], overdue = '0.00'): AgedReceivables => {
  const total = totals.reduce((s, t) => s.plus(t), new Dec(0)).toFixed(2);
  return {
    asOf: '2026-06-30',
    currency: 'EUR',
    total,
    buckets: AGING_BUCKETS.map((key) => ({ key, amount: key === 'over_90' ? overdue : key === 'not_due' ? new Dec(total).minus(overdue).toFixed(2) : '0.00' })),
    customers: totals.map((t, i) => ({ accountId: `a${i}`, name: `C${i}`, total: t, buckets: [] })),
  };
};

describe('balanceIndicators', () => {
  it('DSO = receivables ÷ sales of 90 days × 90; overdue = every bucket but not_due', () => {
    expect(balanceIndicators(aged(['300.00', '150.00'], '100.00'), '900.00')).toEqual({ receivables: '450.00', overdue: '100.00', dsoDays: 45, top10Concentration: '100.00' });
  });

  it('has no DSO without sales and no concentration without receivables', () => {
    expect(balanceIndicators(aged([]), '0.00')).toEqual({ receivables: '0.00', overdue: '0.00', dsoDays: null, top10Concentration: null });
  });

  it('top-10 concentration: the 10 largest balances over the total', () => {
    const totals = ['50.00', ...Array.from({ length: 10 }, () => '95.00')];
    expect(balanceIndicators(aged(totals), '1000.00').top10Concentration).toBe('95.00');
  });

  it('concentration is 100 % with at most 10 customers and never above 100 % with positive balances', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 10_000_000 }), { minLength: 1, maxLength: 30 }), (cents) => {
        const result = balanceIndicators(aged(cents.map((c) => new Dec(c).dividedBy(100).toFixed(2))), '1.00');
        const share = new Dec(result.top10Concentration!);
        expect(share.lte(100)).toBe(true);
        if (cents.length <= 10) expect(share.toFixed(2)).toBe('100.00');
      }),
    );
  });
});
