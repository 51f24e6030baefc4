import assert from 'node:assert/strict';
import Decimal from 'decimal.js';
import fc from 'fast-check';
import { PAYMENT_TERMS_PRESETS } from './payment-terms-presets';
import type { InstallmentInput } from './terms.types';
import { earlyPaymentDiscountProblems, validatePaymentTerms } from './validate-payment-terms';

const payment = (percent: string, rule: InstallmentInput['rule'] = { type: 'days', days: 30 }): InstallmentInput => ({ percent, kind: 'payment', rule });
const problemsOf = (installments: unknown[]) => validatePaymentTerms(installments as InstallmentInput[]).map(({ path, code }) => [path, code]);

describe('validatePaymentTerms', () => {
  it('accepts percents totalling exactly 100, and every preset', () => {
    expect(validatePaymentTerms([payment('30', { type: 'on_order' }), payment('70.00', { type: 'days_end_of_month', days: 30 })])).toEqual([]);
    expect(validatePaymentTerms([payment('33.33'), payment('33.33'), payment('33.34')])).toEqual([]);
    for (const preset of PAYMENT_TERMS_PRESETS) expect(validatePaymentTerms(preset.installments)).toEqual([]);
  });

  it('refuses an empty list and percents that do not total 100', () => {
    expect(validatePaymentTerms([])).toEqual([{ path: 'installments', code: 'terms_not_100', message: 'at least one installment is required' }]);
    expect(validatePaymentTerms([payment('30'), payment('60')])).toEqual([{ path: 'installments', code: 'terms_not_100', message: 'percents total 90, not 100' }]);
    expect(problemsOf([payment('33.33'), payment('33.33'), payment('33.33')])).toEqual([['installments', 'terms_not_100']]);
    expect(problemsOf([payment('60'), payment('60')])).toEqual([['installments', 'terms_not_100']]);
  });

  it.each([
    ['a zero percent', { percent: '0' }, 'installments[1].percent'],
    ['a negative percent', { percent: '-10' }, 'installments[1].percent'],
    ['a percent above 100', { percent: '100.01' }, 'installments[1].percent'],
    ['a percent with 3 decimals', { percent: '50.001' }, 'installments[1].percent'],
    ['a numeric percent', { percent: 50 }, 'installments[1].percent'],
    ['an unknown kind', { kind: 'advance' }, 'installments[1].kind'],
    ['an unknown rule', { rule: { type: 'weekly', days: 7 } }, 'installments[1].rule.type'],
    ['no rule', { rule: null }, 'installments[1].rule'],
    ['negative days', { rule: { type: 'days', days: -1 } }, 'installments[1].rule.days'],
    ['fractional days', { rule: { type: 'days_end_of_month', days: 1.5 } }, 'installments[1].rule.days'],
    ['days as text', { rule: { type: 'end_of_month_plus_days', days: '10' } }, 'installments[1].rule.days'],
    ['more than ten years', { rule: { type: 'days', days: 3651 } }, 'installments[1].rule.days'],
    ['a numeric method', { method: 5 }, 'installments[1].method'],
  ])('names the field of %s, without a total check on top', (_case, change, path) => {
    expect(problemsOf([payment('50'), { ...payment('50'), ...change }])).toEqual([[path, 'invalid_installment']]);
  });

  it('accepts 0 and 3650 days, and on_order without days', () => {
    expect(validatePaymentTerms([payment('10', { type: 'days', days: 0 }), payment('10', { type: 'days', days: 3650 }), payment('80', { type: 'on_order' })])).toEqual([]);
  });

  it('accepts a list if and only if its percents total 100', () => {
    const rule = fc.constantFrom<InstallmentInput['rule']>({ type: 'on_order' }, { type: 'days', days: 30 }, { type: 'days_end_of_month', days: 45 }, { type: 'end_of_month_plus_days', days: 10 });
    const hundredths = fc.oneof(
      fc.array(fc.integer({ min: 1, max: 10_000 }), { minLength: 1, maxLength: 6 }),
      // A split of 100.00 into positive parts, so that valid lists are frequent.
      fc.uniqueArray(fc.integer({ min: 1, max: 9_999 }), { maxLength: 5 }).map((cuts) => {
        const bounds = [0, ...cuts.sort((a, b) => a - b), 10_000];
        return bounds.slice(1).map((bound, i) => bound - bounds[i]!);
      }),
    );
    fc.assert(
      fc.property(hundredths, fc.array(rule, { minLength: 6, maxLength: 6 }), (parts, rules) => {
        const installments = parts.map((part, i) => payment(new Decimal(part).dividedBy(100).toFixed(), rules[i]));
        const problems = validatePaymentTerms(installments);
        const totalsHundred = parts.reduce((a, b) => a + b, 0) === 10_000;
        assert.equal(problems.length, totalsHundred ? 0 : 1);
        if (!totalsHundred) assert.equal(problems[0]!.code, 'terms_not_100');
      }),
      { numRuns: 3_000 },
    );
  });
});

describe('early-payment discount', () => {
  const terms = [payment('100')];
  const pathsOf = (discount: unknown) => validatePaymentTerms(terms, discount as never).map(({ path, code }) => [path, code]);

  it('accepts 0 < percent ≤ 100 with days from 0, and no option at all', () => {
    expect(validatePaymentTerms(terms, { percent: '2.00', withinDays: 10 })).toEqual([]);
    expect(validatePaymentTerms(terms, { percent: '100', withinDays: 0 })).toEqual([]);
    expect(validatePaymentTerms(terms, null)).toEqual([]);
    expect(validatePaymentTerms(terms)).toEqual([]);
  });

  it.each([
    ['a zero percent', { percent: '0', withinDays: 10 }, 'earlyPaymentDiscount.percent'],
    ['a percent above 100', { percent: '100.01', withinDays: 10 }, 'earlyPaymentDiscount.percent'],
    ['a numeric percent', { percent: 2, withinDays: 10 }, 'earlyPaymentDiscount.percent'],
    ['three decimals', { percent: '1.005', withinDays: 10 }, 'earlyPaymentDiscount.percent'],
    ['negative days', { percent: '2', withinDays: -1 }, 'earlyPaymentDiscount.withinDays'],
    ['fractional days', { percent: '2', withinDays: 1.5 }, 'earlyPaymentDiscount.withinDays'],
    ['days as text', { percent: '2', withinDays: '10' }, 'earlyPaymentDiscount.withinDays'],
    ['not an object', 'two percent', 'earlyPaymentDiscount'],
  ])('names the field of %s', (_case, discount, path) => {
    expect(pathsOf(discount)).toEqual([[path, 'invalid_installment']]);
  });

  it('reports the discount next to the installments problems', () => {
    expect(validatePaymentTerms([payment('50')], { percent: '0', withinDays: 3 }).map((p) => p.path)).toEqual(['installments', 'earlyPaymentDiscount.percent']);
  });

  it('accepts exactly the percents in (0, 100] with 2 decimals and integer days in [0, 3650] (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1000, max: 11000 }), fc.integer({ min: -5, max: 4000 }), (cents, days) => {
        const percent = new Decimal(cents).dividedBy(100).toFixed(2);
        const valid = cents > 0 && cents <= 10000 && days >= 0 && days <= 3650;
        expect(earlyPaymentDiscountProblems({ percent, withinDays: days }).length === 0).toBe(valid);
      }),
    );
  });
});
