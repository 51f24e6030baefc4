import fc from 'fast-check';
import { Dec } from '../decimal';
import { openInstallments } from './open-installments';

const whole = { dueDate: '2026-03-31', amount: '1000.00' };
const schedule = [
  { dueDate: '2026-01-15', amount: '300.00' },
  { dueDate: '2026-02-28', amount: '700.00' },
];

describe('openInstallments', () => {
  it('pays the oldest installment first', () => {
    expect(openInstallments(schedule, whole, '450.00').map((i) => [i.index, i.dueDate, i.open])).toEqual([
      [0, '2026-01-15', '0.00'],
      [1, '2026-02-28', '550.00'],
    ]);
  });

  it('reads an invoice without a schedule as one installment on its due date', () => {
    expect(openInstallments([], whole, '0')).toEqual([{ index: 0, dueDate: '2026-03-31', amount: '1000.00', open: '1000.00' }]);
  });

  it('treats a negative settlement as nothing received and an overpayment as everything closed', () => {
    expect(openInstallments(schedule, whole, '-20.00').map((i) => i.open)).toEqual(['300.00', '700.00']);
    expect(openInstallments(schedule, whole, '1500.00').map((i) => i.open)).toEqual(['0.00', '0.00']);
  });

  it('leaves open exactly what was not settled, never below zero nor above an installment', () => {
    const cents = fc.integer({ min: 1, max: 10_000_000 }).map((c) => new Dec(c).dividedBy(100));
    fc.assert(
      fc.property(fc.array(cents, { minLength: 1, maxLength: 8 }), fc.integer({ min: -1_000_000, max: 100_000_000 }), (amounts, settledCents) => {
        const rows = amounts.map((amount, i) => ({ dueDate: `2026-01-${String(i + 1).padStart(2, '0')}`, amount: amount.toFixed(2) }));
        const total = amounts.reduce((sum, a) => sum.plus(a), new Dec(0));
        const settled = new Dec(settledCents).dividedBy(100);
        const result = openInstallments(rows, whole, settled.toFixed(2));
        const open = result.reduce((sum, i) => sum.plus(i.open), new Dec(0));
        const expected = Dec.max(total.minus(Dec.max(settled, 0)), 0);
        if (!open.equals(expected)) return false;
        // Once an installment is partly open, every later one is fully open.
        const firstOpen = result.findIndex((i) => !new Dec(i.open).isZero());
        return result.every((i, k) => new Dec(i.open).gte(0) && new Dec(i.open).lte(i.amount) && (firstOpen < 0 || k <= firstOpen || i.open === i.amount));
      }),
      { numRuns: 2000 },
    );
  });
});
