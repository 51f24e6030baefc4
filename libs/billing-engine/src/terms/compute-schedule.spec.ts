import { addDays, endOfMonth, format, parseISO } from 'date-fns';
import assert from 'node:assert/strict';
import Decimal from 'decimal.js';
import fc from 'fast-check';
import { computeSchedule } from './compute-schedule';
import { PaymentTermsError } from './payment-terms-error';
import { PAYMENT_TERMS_PRESETS } from './payment-terms-presets';
import type { InstallmentInput, InstallmentRule } from './terms.types';

const preset = (id: string) => PAYMENT_TERMS_PRESETS.find((p) => p.id === id)!.installments;
const payment = (percent: string, rule: InstallmentRule): InstallmentInput => ({ percent, kind: 'payment', rule });
const schedule = (installments: InstallmentInput[], startDate: string, gross: string) =>
  computeSchedule(installments, { startDate, gross }).map((s) => [s.dueDate, s.amount]);

describe('computeSchedule', () => {
  it('30 % on order, balance at 30 days end of month', () => {
    expect(computeSchedule(preset('deposit_30_balance_30_end_of_month'), { startDate: '2026-01-15', gross: '1234.56' })).toEqual([
      { index: 0, dueDate: '2026-01-15', percent: '30.00', amount: '370.37', kind: 'deposit', label: 'Acompte' }, // 370.368
      { index: 1, dueDate: '2026-02-28', percent: '70.00', amount: '864.19', kind: 'payment', label: 'Solde' }, // 15 Jan + 30 = 14 Feb → end of Feb
    ]);
  });

  it('applies each rule to its own base date', () => {
    expect(schedule(preset('on_receipt'), '2026-05-07', '10.00')).toEqual([['2026-05-07', '10.00']]);
    expect(schedule(preset('days_30'), '2026-01-31', '10.00')).toEqual([['2026-03-02', '10.00']]);
    expect(schedule(preset('days_45_end_of_month'), '2026-01-20', '10.00')).toEqual([['2026-03-31', '10.00']]); // 6 March → end of March
    expect(schedule([payment('100', { type: 'end_of_month_plus_days', days: 10 })], '2026-01-20', '10.00')).toEqual([['2026-02-10', '10.00']]);
    expect(schedule([payment('100', { type: 'days_end_of_month', days: 0 })], '2024-02-10', '10.00')).toEqual([['2024-02-29', '10.00']]);
    expect(schedule([payment('100', { type: 'end_of_month_plus_days', days: 0 })], '2026-12-31', '10.00')).toEqual([['2026-12-31', '10.00']]);
  });

  it('chains installments: each due date counts from the previous one', () => {
    const terms = [payment('30', { type: 'on_order' }), payment('30', { type: 'days', days: 30 }), payment('40', { type: 'days_end_of_month', days: 30 })];
    // 1 March; +30 = 31 March; +30 = 30 April → end of April.
    expect(schedule(terms, '2026-03-01', '1000.00')).toEqual([
      ['2026-03-01', '300.00'],
      ['2026-03-31', '300.00'],
      ['2026-04-30', '400.00'],
    ]);
  });

  it('puts the rounding remainder on the last installment', () => {
    const thirds = [payment('33.33', { type: 'on_order' }), payment('33.33', { type: 'days', days: 30 }), payment('33.34', { type: 'days', days: 30 })];
    expect(schedule(thirds, '2026-01-01', '100.00').map(([, amount]) => amount)).toEqual(['33.33', '33.33', '33.34']);
    expect(schedule(thirds, '2026-01-01', '0.10').map(([, amount]) => amount)).toEqual(['0.03', '0.03', '0.04']);
    const halves = [payment('50', { type: 'on_order' }), payment('50', { type: 'days', days: 30 })];
    expect(schedule(halves, '2026-01-01', '0.01').map(([, amount]) => amount)).toEqual(['0.01', '0.00']); // 0.005 → 0.01
    expect(schedule(halves, '2026-01-01', '0.00').map(([, amount]) => amount)).toEqual(['0.00', '0.00']);
  });

  it('never lets rounded-up shares leave the last installment negative', () => {
    const sixths = [...Array.from({ length: 5 }, () => payment('16.67', { type: 'on_order' })), payment('16.65', { type: 'on_order' })];
    // round2(0.03 × 16.67 %) = 0.01 five times would be 0.05 > 0.03.
    expect(schedule(sixths, '2026-01-01', '0.03').map(([, amount]) => amount)).toEqual(['0.01', '0.01', '0.01', '0.00', '0.00', '0.00']);
  });

  it('splits a negative gross (a draft holding only returns) like its absolute value', () => {
    const thirds = [payment('33.33', { type: 'on_order' }), payment('33.33', { type: 'days', days: 30 }), payment('33.34', { type: 'days', days: 30 })];
    expect(schedule(thirds, '2026-01-01', '-0.10').map(([, amount]) => amount)).toEqual(['-0.03', '-0.03', '-0.04']);
  });

  it('carries method and label', () => {
    const [first] = computeSchedule([{ percent: '100', kind: 'payment', rule: { type: 'on_order' }, method: 'sepa_debit', label: null }], { startDate: '2026-01-01', gross: '1.00' });
    expect(first).toMatchObject({ method: 'sepa_debit', label: null });
  });

  it('refuses invalid terms, dates and gross amounts', () => {
    expect(() => computeSchedule([payment('90', { type: 'on_order' })], { startDate: '2026-01-01', gross: '1.00' })).toThrow(PaymentTermsError);
    try {
      computeSchedule([payment('90', { type: 'on_order' })], { startDate: '2026-01-01', gross: '1.00' });
    } catch (error) {
      expect((error as PaymentTermsError).problems).toEqual([expect.objectContaining({ code: 'terms_not_100', path: 'installments' })]);
    }
    for (const startDate of ['2026-02-30', '2026-1-01', '01/02/2026', '']) {
      expect(() => computeSchedule(preset('days_30'), { startDate, gross: '1.00' })).toThrow(RangeError);
    }
    for (const gross of ['1.001', 'abc', '']) {
      expect(() => computeSchedule(preset('days_30'), { startDate: '2026-01-01', gross })).toThrow(RangeError);
    }
  });

  it('sums to gross exactly, with due dates following each rule from the previous one (date-fns as oracle)', () => {
    const rule: fc.Arbitrary<InstallmentRule> = fc.oneof(
      fc.constant({ type: 'on_order' as const }),
      fc.record({ type: fc.constantFrom('days' as const, 'days_end_of_month' as const, 'end_of_month_plus_days' as const), days: fc.oneof(fc.integer({ min: 0, max: 120 }), fc.integer({ min: 0, max: 3650 })) }),
    );
    const split = fc.uniqueArray(fc.integer({ min: 1, max: 9_999 }), { maxLength: 7 }).map((cuts) => {
      const bounds = [0, ...cuts.sort((a, b) => a - b), 10_000];
      return bounds.slice(1).map((bound, i) => new Decimal(bound - bounds[i]!).dividedBy(100));
    });
    const startDate = fc.integer({ min: 0, max: 36_500 }).map((days) => format(addDays(parseISO('1990-01-01'), days), 'yyyy-MM-dd'));
    const gross = fc.oneof(fc.integer({ min: -100, max: 100 }), fc.integer({ min: 0, max: 2_000_000_000 }), fc.integer({ min: -2_000_000_000, max: 0 })).map((cents) => new Decimal(cents).dividedBy(100));

    fc.assert(
      fc.property(split, fc.array(rule, { minLength: 8, maxLength: 8 }), startDate, gross, (percents, rules, start, grossAmount) => {
        const installments = percents.map((percent, i) => payment(percent.toFixed(), rules[i]!));
        const result = computeSchedule(installments, { startDate: start, gross: grossAmount.toFixed(2) });
        assert.equal(result.length, installments.length);
        assert.equal(result.reduce((acc, s) => acc.plus(s.amount), new Decimal(0)).toFixed(2), grossAmount.toFixed(2), 'Σ amounts = gross');
        // A negative gross is split like its absolute value.
        const magnitude = grossAmount.abs();
        let base = start;
        let allotted = new Decimal(0);
        result.forEach((s, i) => {
          const amount = new Decimal(s.amount).abs();
          assert.ok(amount.decimalPlaces() <= 2 && (amount.isZero() || new Decimal(s.amount).isNegative() === grossAmount.isNegative()), `amount ${s.amount}`);
          if (i < result.length - 1) {
            const share = magnitude.times(percents[i]!).dividedBy(100).toDecimalPlaces(2, Decimal.ROUND_HALF_UP);
            // The share itself, unless it would exceed what is left (only with a few cents and many installments).
            assert.equal(amount.toFixed(2), Decimal.min(share, magnitude.minus(allotted)).toFixed(2), `amount ${i}`);
          }
          allotted = allotted.plus(amount);
          assert.equal(s.dueDate, expectedDueDate(base, rules[i]!), `due date ${i}`);
          assert.ok(s.dueDate >= base, 'due dates never go back');
          base = s.dueDate;
        });
      }),
      { numRuns: 3_000 },
    );
  });
});

function expectedDueDate(base: string, rule: InstallmentRule): string {
  const date = parseISO(base);
  const due =
    rule.type === 'on_order'
      ? date
      : rule.type === 'days'
        ? addDays(date, rule.days)
        : rule.type === 'days_end_of_month'
          ? endOfMonth(addDays(date, rule.days))
          : addDays(endOfMonth(date), rule.days);
  return format(due, 'yyyy-MM-dd');
}
