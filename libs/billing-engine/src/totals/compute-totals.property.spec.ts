// node:assert in the hot path: jest's expect costs more than the engine itself over 10,000 documents.
import assert from 'node:assert/strict';
import Decimal from 'decimal.js';
import fc from 'fast-check';
import { computeTotals } from './compute-totals';
import { TotalsInputError } from './totals-input-error';
import type { DocumentInput, DocumentTotals, GeneralDiscountInput, LineInput, OtherTaxInput, VatCategoryCode } from './totals.types';

// Random documents checked against the EN 16931 consistency rules, to the cent. The oracle below is
// written from the rules, not from the engine's code.

const D = Decimal.clone({ precision: 60, rounding: Decimal.ROUND_HALF_UP });
type D = Decimal;
const dec = (value: string | number) => new D(value);
const cents = (value: D) => value.toDecimalPlaces(2, D.ROUND_HALF_UP);
const total = (values: string[]) => values.reduce((acc, v) => acc.plus(v), dec(0));

/** A decimal string of n / 10^scale, sometimes with trailing zeros ("12.5000"), sometimes without ("12.5"). */
const decimalString = (min: number, max: number, scale: number) =>
  fc.tuple(fc.integer({ min, max }), fc.boolean()).map(([n, padded]) => {
    const value = dec(n).dividedBy(10 ** scale);
    return padded ? value.toFixed(scale) : value.toFixed();
  });

const vat = fc.constantFrom<{ vatRate: string; vatCategory?: VatCategoryCode }>(
  { vatRate: '20.00' },
  { vatRate: '20', vatCategory: 'S' },
  { vatRate: '10' },
  { vatRate: '5.5' },
  { vatRate: '5.50', vatCategory: 'S' },
  { vatRate: '2.1' },
  { vatRate: '0', vatCategory: 'S' },
  { vatRate: '0', vatCategory: 'Z' },
  { vatRate: '0.00', vatCategory: 'E' },
  { vatRate: '0', vatCategory: 'AE' },
  { vatRate: '0', vatCategory: 'K' },
  { vatRate: '0', vatCategory: 'G' },
  { vatRate: '0', vatCategory: 'O' },
);

const otherTax: fc.Arbitrary<OtherTaxInput> = fc
  .tuple(fc.constantFrom('fixed' as const, 'percent' as const), decimalString(0, 500_000, 4), decimalString(0, 200_000, 4), vat)
  .map(([mode, fixed, percent, rate]) => ({ label: `Taxe ${mode}`, mode, value: mode === 'fixed' ? fixed : percent, ...rate }));

const line: fc.Arbitrary<LineInput> = fc.record(
  {
    kind: fc.constantFrom<LineInput['kind']>('item', 'item', 'item', 'item', 'item', 'item', 'item', undefined, 'comment', 'page_break'),
    quantity: fc.oneof(fc.integer({ min: -5, max: 50 }).map(String), decimalString(-500_000, 5_000_000, 4)),
    unitPrice: fc.oneof(decimalString(0, 10_000_000, 4), decimalString(0, 2_000_000_000, 4), decimalString(0, 100, 4)),
    discountPercent: fc.oneof(fc.constant(null), decimalString(0, 10_000, 2), decimalString(0, 1_000_000, 4)),
    vatExemptionReason: fc.constantFrom(null, undefined, 'Reason A', 'Reason B'),
    otherTaxes: fc.oneof(fc.constant(undefined), fc.array(otherTax, { maxLength: 2 })),
    rate: vat,
  },
  { requiredKeys: ['quantity', 'unitPrice', 'rate'] },
).map(({ rate, ...rest }) => ({ ...rest, ...rate }));

/** The general discount: a percent, or an amount as a fraction (per ten thousand) of what it may take. */
interface DiscountPlan {
  mode: GeneralDiscountInput['mode'];
  base: GeneralDiscountInput['base'];
  basisPoints: number;
}

const documentPlan = fc.record({
  lines: fc.array(line, { minLength: 1, maxLength: 30 }),
  shipping: fc.option(fc.tuple(decimalString(0, 100_000, 2), vat).map(([amount, rate]) => ({ amount, ...rate })), { nil: null }),
  prepaid: fc.option(decimalString(0, 10_000_000, 2), { nil: undefined }),
  discount: fc.option(
    fc.record<DiscountPlan>({ mode: fc.constantFrom('percent', 'amount'), base: fc.constantFrom('net', 'gross'), basisPoints: fc.oneof(fc.integer({ min: 0, max: 10_000 }), fc.constant(10_000)) }),
    { nil: null },
  ),
});

const vatKey = (category: VatCategoryCode | undefined, rate: string) => `${category ?? 'S'}|${dec(rate).toFixed(2)}`;
const vatOf = (category: string, rate: D, base: D) => (category === 'S' ? cents(base.times(rate).dividedBy(100)) : dec(0));
const isItem = (l: LineInput) => l.kind !== 'comment' && l.kind !== 'page_break';

interface VatGroup {
  category: string;
  rate: D;
  base: D;
}

/** What the rules say a document without general discount gives, computed apart from the engine. */
interface Expectations {
  lineNets: D[];
  /** Every other tax of every item line in order, then shipping. */
  charges: { key: string; amount: D }[];
  /** Line nets per VAT group, only the positive ones: what a general discount applies to. */
  discountable: Map<string, VatGroup & { gross: D }>;
  grossBeforeDiscount: D;
}

function expectationsFor(input: DocumentInput): Expectations {
  // Line net = round2(quantity × unit price × (1 − discount / 100)); comment and page-break lines 0.00.
  const lineNets = input.lines.map((l) => (isItem(l) ? cents(dec(l.quantity).times(l.unitPrice).times(dec(100).minus(l.discountPercent ?? 0)).dividedBy(100)) : dec(0)));
  const charges = input.lines.flatMap((l, i) =>
    !isItem(l)
      ? []
      : (l.otherTaxes ?? []).map((t) => ({
          key: vatKey(t.vatCategory, t.vatRate),
          amount: t.mode === 'fixed' ? cents(dec(t.value).times(l.quantity)) : cents(lineNets[i]!.times(t.value).dividedBy(100)),
        })),
  );
  if (input.shipping) charges.push({ key: vatKey(input.shipping.vatCategory, input.shipping.vatRate), amount: dec(input.shipping.amount) });

  const lineGroups = new Map<string, VatGroup>();
  const allGroups = new Map<string, VatGroup>();
  const book = (groups: Map<string, VatGroup>, key: string, amount: D) => {
    const [category, rate] = key.split('|') as [string, string];
    const group = groups.get(key) ?? { category, rate: dec(rate), base: dec(0) };
    group.base = group.base.plus(amount);
    groups.set(key, group);
  };
  input.lines.forEach((l, i) => {
    if (!isItem(l)) return;
    book(lineGroups, vatKey(l.vatCategory, l.vatRate), lineNets[i]!);
    book(allGroups, vatKey(l.vatCategory, l.vatRate), lineNets[i]!);
  });
  for (const c of charges) book(allGroups, c.key, c.amount);

  const discountable = new Map<string, VatGroup & { gross: D }>();
  for (const [key, g] of lineGroups) if (g.base.gt(0)) discountable.set(key, { ...g, gross: g.base.plus(vatOf(g.category, g.rate, g.base)) });
  const grossBeforeDiscount = [...allGroups.values()].reduce((acc, g) => acc.plus(g.base).plus(vatOf(g.category, g.rate, g.base)), dec(0));
  return { lineNets, charges, discountable, grossBeforeDiscount };
}

function discountFor(plan: DiscountPlan, expected: Expectations): GeneralDiscountInput {
  if (plan.mode === 'percent') return { mode: 'percent', base: plan.base, value: dec(plan.basisPoints).dividedBy(100).toFixed() };
  const whole = [...expected.discountable.values()].reduce((acc, g) => acc.plus(plan.base === 'net' ? g.base : g.gross), dec(0));
  return { mode: 'amount', base: plan.base, value: whole.times(plan.basisPoints).dividedBy(10_000).toDecimalPlaces(2, D.ROUND_DOWN).toFixed(2) };
}

const AMOUNT = /^-?\d+\.\d{2}$/;

function checkConsistency(input: DocumentInput, expected: Expectations, totals: DocumentTotals): void {
  const amounts = [
    ...totals.lines.map((l) => l.net),
    ...[...totals.allowances, ...totals.charges].flatMap((a) => [a.amount, a.vatRate, ...(a.baseAmount ? [a.baseAmount] : [])]),
    ...totals.vat.flatMap((g) => [g.base, g.amount, g.rate]),
    ...[totals.lineNetTotal, totals.allowanceTotal, totals.chargeTotal, totals.net, totals.vatTotal, totals.gross, totals.prepaid, totals.due],
  ];
  for (const amount of amounts) assert.ok(AMOUNT.test(amount) && amount !== '-0.00', `not a 2-decimal amount: ${amount}`);

  assert.equal(totals.lines.map((l) => l.net).join(), expected.lineNets.map((n) => n.toFixed(2)).join(), 'line nets');
  assert.equal(totals.charges.map((c) => `${vatKey(c.vatCategory, c.vatRate)} ${c.amount}`).join(), expected.charges.map((c) => `${c.key} ${c.amount.toFixed(2)}`).join(), 'charges');

  assert.equal(total(totals.lines.map((l) => l.net)).toFixed(2), totals.lineNetTotal, 'BR-CO-10');
  assert.equal(total(totals.allowances.map((a) => a.amount)).toFixed(2), totals.allowanceTotal, 'BR-CO-11');
  assert.equal(total(totals.charges.map((c) => c.amount)).toFixed(2), totals.chargeTotal, 'BR-CO-12');
  assert.equal(dec(totals.lineNetTotal).minus(totals.allowanceTotal).plus(totals.chargeTotal).toFixed(2), totals.net, 'BR-CO-13');
  assert.equal(total(totals.vat.map((g) => g.amount)).toFixed(2), totals.vatTotal, 'BR-CO-14');
  assert.equal(dec(totals.net).plus(totals.vatTotal).toFixed(2), totals.gross, 'BR-CO-15');
  assert.equal(dec(totals.gross).minus(totals.prepaid).toFixed(2), totals.due, 'BR-CO-16');
  assert.equal(totals.prepaid, dec(input.prepaid ?? 0).toFixed(2), 'prepaid');

  // BR-S-08 and siblings: per (category, rate), base = Σ line nets + Σ charges − Σ allowances; one group per key.
  const bases = new Map<string, D>();
  const book = (key: string, amount: D) => bases.set(key, (bases.get(key) ?? dec(0)).plus(amount));
  input.lines.forEach((l, i) => isItem(l) && book(vatKey(l.vatCategory, l.vatRate), expected.lineNets[i]!));
  for (const c of expected.charges) book(c.key, c.amount);
  for (const a of totals.allowances) book(vatKey(a.vatCategory, a.vatRate), dec(a.amount).negated());
  assert.equal(totals.vat.map((g) => vatKey(g.category, g.rate)).sort().join(), [...bases.keys()].sort().join(), 'VAT groups');
  for (const g of totals.vat) {
    assert.equal(g.base, bases.get(vatKey(g.category, g.rate))!.toFixed(2), `BR-S-08 base of ${g.category} ${g.rate}`);
    assert.equal(g.amount, vatOf(g.category, dec(g.rate), dec(g.base)).toFixed(2), `BR-S-09 VAT of ${g.category} ${g.rate}`);
  }
  assert.equal(total(totals.vat.map((g) => g.base)).toFixed(2), totals.net, 'Σ VAT bases = net');
  // BG-23 order: rate descending, then category.
  const order = totals.vat.map((g) => [-Number(g.rate), g.category] as const);
  assert.equal([...order].sort((a, b) => a[0] - b[0] || (a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : 0)).join(), order.join(), 'BG-23 order');
}

function checkDiscount(discount: GeneralDiscountInput | null | undefined, expected: Expectations, totals: DocumentTotals): void {
  if (!discount) {
    assert.equal(totals.allowances.length, 0, 'no discount, no allowance');
    assert.equal(totals.gross, expected.grossBeforeDiscount.toFixed(2), 'gross');
    return;
  }
  // An allowance is positive, at most its group's line net, and only on a group with a positive line net.
  for (const a of totals.allowances) {
    const group = expected.discountable.get(vatKey(a.vatCategory, a.vatRate));
    assert.ok(group !== undefined && dec(a.amount).gt(0) && dec(a.amount).lte(group.base), `allowance ${a.amount} at ${a.vatRate} outside (0, group net]`);
  }
  const allowanceOf = (key: string) => totals.allowances.find((a) => vatKey(a.vatCategory, a.vatRate) === key)?.amount ?? '0.00';
  const value = dec(discount.value);
  if (discount.mode === 'percent') {
    for (const [key, g] of expected.discountable) {
      const grossShare = cents(g.gross.times(value).dividedBy(100));
      const expectedAllowance: D = discount.base === 'net' ? cents(g.base.times(value).dividedBy(100)) : cents(grossShare.dividedBy(g.rate.dividedBy(100).plus(1)));
      assert.equal(allowanceOf(key), expectedAllowance.toFixed(2), `allowance of ${key}`);
    }
  } else if (discount.base === 'net') {
    assert.equal(totals.allowanceTotal, value.toFixed(2), 'Σ allowances = net discount');
  } else {
    // The spread of the gross discount is exact; re-deriving each net share and the group's VAT costs at most a cent per group.
    const residual = expected.grossBeforeDiscount.minus(totals.gross).minus(value).abs();
    assert.ok(residual.lte(dec(expected.discountable.size).times('0.01')), `gross discount residual ${residual.toFixed(2)} over ${expected.discountable.size} groups`);
  }
}

describe('computeTotals — properties', () => {
  it('meets the EN 16931 consistency rules on random documents, to the cent', () => {
    fc.assert(
      fc.property(documentPlan, (plan) => {
        const undiscounted: DocumentInput = { lines: plan.lines, shipping: plan.shipping, prepaid: plan.prepaid };
        const expected = expectationsFor(undiscounted);
        const input = { ...undiscounted, generalDiscount: plan.discount && discountFor(plan.discount, expected) };
        const totals = computeTotals(input);
        checkConsistency(input, expected, totals);
        checkDiscount(input.generalDiscount, expected, totals);
      }),
      { numRuns: 10_000 },
    );
  });

  it('refuses an amount discount one cent above what it may take', () => {
    fc.assert(
      fc.property(documentPlan, fc.constantFrom<'net' | 'gross'>('net', 'gross'), (plan, base) => {
        const input: DocumentInput = { lines: plan.lines, shipping: plan.shipping };
        const whole = discountFor({ mode: 'amount', base, basisPoints: 10_000 }, expectationsFor(input));
        expect(() => computeTotals({ ...input, generalDiscount: whole })).not.toThrow();
        const over = { ...whole, value: dec(whole.value).plus('0.01').toFixed(2) };
        expect(() => computeTotals({ ...input, generalDiscount: over })).toThrow(TotalsInputError);
      }),
      { numRuns: 500 },
    );
  });
});
