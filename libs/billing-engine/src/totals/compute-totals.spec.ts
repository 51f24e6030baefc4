import { computeTotals } from './compute-totals';
import type { LineInput } from './totals.types';

// Figures below are worked by hand (comments show the arithmetic); half-up = half away from zero.

const ART_293_B = 'TVA non applicable, art. 293 B du CGI';
const DISCOUNT = { reason: 'Remise', reasonCode: '95' };
const comment: LineInput = { kind: 'comment', quantity: '', unitPrice: '', vatRate: '' };

describe('computeTotals — worked examples', () => {
  it('3 rates, a return line, eco-contribution, shipping at 20 %, 10.00 off the gross total, a deposit already paid', () => {
    const totals = computeTotals({
      lines: [
        // 3 × 33.3333 × 0.90 = 89.99991 → 90.00; eco-contribution 3 × 0.50 = 1.50 at 20 %
        { quantity: '3', unitPrice: '33.3333', discountPercent: '10', vatRate: '20.00', otherTaxes: [{ label: 'Éco-participation', mode: 'fixed', value: '0.50', vatRate: '20.00' }] },
        comment,
        { quantity: '2', unitPrice: '10', vatRate: '5.5' }, // 20.00
        { quantity: '1.5', unitPrice: '7.77', vatRate: '10' }, // 11.655 → 11.66
        { quantity: '-1', unitPrice: '4.99', vatRate: '20' }, // return: -4.99
      ],
      shipping: { amount: '12.00', vatRate: '20.00' },
      generalDiscount: { mode: 'amount', base: 'gross', value: '10.00' },
      prepaid: '50.00',
    });
    expect(totals.lines).toEqual([{ net: '90.00' }, { net: '0.00' }, { net: '20.00' }, { net: '11.66' }, { net: '-4.99' }]);
    expect(totals.lineNetTotal).toBe('116.67');
    // Line grosses per group: 20 % 85.01 + 17.00 = 102.01; 10 % 11.66 + 1.17 = 12.83; 5.5 % 20.00 + 1.10 = 21.10 (Σ 135.94).
    // 1000 cents pro rata: 750.40 / 94.38 / 155.22 → 750 + 94 + 155 = 999, the last cent to the largest fraction (20 %).
    // Gross shares 7.51 / 0.94 / 1.55 → nets 7.51 / 1.2 = 6.258 → 6.26; 0.94 / 1.1 = 0.854 → 0.85; 1.55 / 1.055 = 1.469 → 1.47.
    expect(totals.allowances).toEqual([
      { ...DISCOUNT, amount: '6.26', vatRate: '20.00', vatCategory: 'S' },
      { ...DISCOUNT, amount: '0.85', vatRate: '10.00', vatCategory: 'S' },
      { ...DISCOUNT, amount: '1.47', vatRate: '5.50', vatCategory: 'S' },
    ]);
    expect(totals.charges).toEqual([
      { reason: 'Éco-participation', amount: '1.50', vatRate: '20.00', vatCategory: 'S' },
      { reason: 'Frais de port', reasonCode: 'FC', amount: '12.00', vatRate: '20.00', vatCategory: 'S' },
    ]);
    expect(totals.allowanceTotal).toBe('8.58');
    expect(totals.chargeTotal).toBe('13.50');
    expect(totals.net).toBe('121.59'); // 116.67 − 8.58 + 13.50
    expect(totals.vat).toEqual([
      // 85.01 + 1.50 + 12.00 − 6.26 = 92.25 → 18.45
      { category: 'S', rate: '20.00', base: '92.25', amount: '18.45', exemptionReason: null },
      // 11.66 − 0.85 = 10.81 → 1.081 → 1.08
      { category: 'S', rate: '10.00', base: '10.81', amount: '1.08', exemptionReason: null },
      // 20.00 − 1.47 = 18.53 → 1.01915 → 1.02
      { category: 'S', rate: '5.50', base: '18.53', amount: '1.02', exemptionReason: null },
    ]);
    expect(totals.vatTotal).toBe('20.55');
    // Without the discount: 130.17 net + 21.97 VAT = 152.14; here the discount takes exactly 10.00 off.
    expect(totals.gross).toBe('142.14');
    expect(totals.prepaid).toBe('50.00');
    expect(totals.due).toBe('92.14');
  });

  it('7.5 % off the net total: one allowance per rate, each rounded on its own base', () => {
    const totals = computeTotals({
      lines: [
        { quantity: '1', unitPrice: '19.99', vatRate: '20' }, // 19.99
        { quantity: '3', unitPrice: '2.35', vatRate: '5.50' }, // 7.05
        { quantity: '4', unitPrice: '8.4567', discountPercent: '12.5', vatRate: '2.10' }, // 33.8268 × 0.875 = 29.59845 → 29.60
      ],
      generalDiscount: { mode: 'percent', base: 'net', value: '7.5' },
    });
    expect(totals.lineNetTotal).toBe('56.64');
    expect(totals.allowances).toEqual([
      { ...DISCOUNT, amount: '1.50', vatRate: '20.00', vatCategory: 'S', baseAmount: '19.99', percent: '7.50' }, // 1.49925
      { ...DISCOUNT, amount: '0.53', vatRate: '5.50', vatCategory: 'S', baseAmount: '7.05', percent: '7.50' }, // 0.52875
      { ...DISCOUNT, amount: '2.22', vatRate: '2.10', vatCategory: 'S', baseAmount: '29.60', percent: '7.50' },
    ]);
    expect(totals.vat).toEqual([
      { category: 'S', rate: '20.00', base: '18.49', amount: '3.70', exemptionReason: null }, // 3.698
      { category: 'S', rate: '5.50', base: '6.52', amount: '0.36', exemptionReason: null }, // 0.3586
      { category: 'S', rate: '2.10', base: '27.38', amount: '0.57', exemptionReason: null }, // 0.57498
    ]);
    expect(totals).toMatchObject({ allowanceTotal: '4.25', chargeTotal: '0.00', net: '52.39', vatTotal: '4.63', gross: '57.02', prepaid: '0.00', due: '57.02' });
  });

  it('a 293 B micro-enterprise (category E, rate 0) with comment and page-break lines and 10 % off', () => {
    const totals = computeTotals({
      lines: [
        { quantity: '2', unitPrice: '150', vatRate: '0', vatCategory: 'E', vatExemptionReason: ART_293_B }, // 300.00
        { kind: 'comment', quantity: 'n/a', unitPrice: 'n/a', vatRate: 'n/a' },
        { quantity: '3.5', unitPrice: '45.1234', discountPercent: '5', vatRate: '0.00', vatCategory: 'E' }, // 157.9319 × 0.95 = 150.035305 → 150.04
        { kind: 'page_break', quantity: '', unitPrice: '', vatRate: '' },
      ],
      generalDiscount: { mode: 'percent', base: 'net', value: '10' },
    });
    expect(totals.lines).toEqual([{ net: '300.00' }, { net: '0.00' }, { net: '150.04' }, { net: '0.00' }]);
    expect(totals.allowances).toEqual([{ ...DISCOUNT, amount: '45.00', vatRate: '0.00', vatCategory: 'E', baseAmount: '450.04', percent: '10.00' }]); // 45.004
    expect(totals.vat).toEqual([{ category: 'E', rate: '0.00', base: '405.04', amount: '0.00', exemptionReason: ART_293_B }]);
    expect(totals).toMatchObject({ lineNetTotal: '450.04', net: '405.04', vatTotal: '0.00', gross: '405.04', due: '405.04' });
  });

  it('reverse charge (AE) beside a standard-rated line, 5 % off the gross total', () => {
    const totals = computeTotals({
      lines: [
        { quantity: '10', unitPrice: '120', vatRate: '0', vatCategory: 'AE', vatExemptionReason: 'Autoliquidation' }, // 1200.00
        { quantity: '1', unitPrice: '49.90', vatRate: '20' }, // 49.90
      ],
      generalDiscount: { mode: 'percent', base: 'gross', value: '5' },
    });
    // Grosses 59.88 (49.90 + 9.98) and 1200.00: shares 2.994 → 2.99 and 60.00; nets 2.99 / 1.2 = 2.4917 → 2.49 and 60.00.
    expect(totals.allowances).toEqual([
      { ...DISCOUNT, amount: '2.49', vatRate: '20.00', vatCategory: 'S' },
      { ...DISCOUNT, amount: '60.00', vatRate: '0.00', vatCategory: 'AE' },
    ]);
    expect(totals.vat).toEqual([
      { category: 'S', rate: '20.00', base: '47.41', amount: '9.48', exemptionReason: null }, // 9.482
      { category: 'AE', rate: '0.00', base: '1140.00', amount: '0.00', exemptionReason: 'Autoliquidation' },
    ]);
    // Gross before discount 1259.88; 5 % of it is 62.994 → 62.99 = 1259.88 − 1196.89.
    expect(totals).toMatchObject({ lineNetTotal: '1249.90', allowanceTotal: '62.49', net: '1187.41', vatTotal: '9.48', gross: '1196.89' });
  });

  it('a percentage other tax is a charge on the line net, with its own VAT rate, base and percent', () => {
    const totals = computeTotals({
      lines: [{ quantity: '4', unitPrice: '12.50', discountPercent: '20', vatRate: '10', otherTaxes: [{ label: 'Taxe locale', mode: 'percent', value: '2.5', vatRate: '20' }] }],
    });
    // 4 × 12.50 × 0.80 = 40.00; 2.5 % of it = 1.00 at 20 %
    expect(totals.charges).toEqual([{ reason: 'Taxe locale', amount: '1.00', vatRate: '20.00', vatCategory: 'S', baseAmount: '40.00', percent: '2.50' }]);
    expect(totals.vat.map((group) => [group.rate, group.base, group.amount])).toEqual([
      ['20.00', '1.00', '0.20'],
      ['10.00', '40.00', '4.00'],
    ]);
    expect(totals.gross).toBe('45.20');
  });

  it('rounds half away from zero, symmetrically for returns', () => {
    const nets = (quantity: string, unitPrice: string) => computeTotals({ lines: [{ quantity, unitPrice, vatRate: '20' }] }).lines[0]!.net;
    expect(nets('1', '0.0050')).toBe('0.01');
    expect(nets('-1', '0.0050')).toBe('-0.01');
    expect(nets('0.5', '0.0090')).toBe('0.00'); // 0.0045
    expect(nets('-0.5', '0.0090')).toBe('0.00'); // never "-0.00"
    expect(nets('3', '0.0050')).toBe('0.02'); // 0.015
  });

  it('sorts the VAT breakdown by rate descending then category, and keeps the first exemption reason of a group', () => {
    const totals = computeTotals({
      lines: [
        { quantity: '1', unitPrice: '1', vatRate: '0', vatCategory: 'Z' },
        { quantity: '1', unitPrice: '2', vatRate: '0', vatCategory: 'E' },
        { quantity: '1', unitPrice: '3', vatRate: '0', vatCategory: 'E', vatExemptionReason: 'first' },
        { quantity: '1', unitPrice: '4', vatRate: '0', vatCategory: 'E', vatExemptionReason: 'second' },
        { quantity: '1', unitPrice: '5', vatRate: '5.5' },
        { quantity: '1', unitPrice: '6', vatRate: '0', vatCategory: 'AE' },
      ],
      shipping: { amount: '7', vatRate: '0', vatCategory: 'G' },
    });
    expect(totals.vat.map((group) => [group.category, group.rate, group.base, group.exemptionReason])).toEqual([
      ['S', '5.50', '5.00', null],
      ['AE', '0.00', '6.00', null],
      ['E', '0.00', '9.00', 'first'],
      ['G', '0.00', '7.00', null],
      ['Z', '0.00', '1.00', null],
    ]);
  });

  it('gives zero totals for a document without item lines', () => {
    expect(computeTotals({ lines: [comment] })).toEqual({
      lines: [{ net: '0.00' }],
      lineNetTotal: '0.00',
      allowances: [],
      charges: [],
      allowanceTotal: '0.00',
      chargeTotal: '0.00',
      net: '0.00',
      vat: [],
      vatTotal: '0.00',
      gross: '0.00',
      deposits: '0.00',
      prepaid: '0.00',
      due: '0.00',
    });
  });
});

describe('computeTotals — general discount limits', () => {
  const lines: LineInput[] = [
    { quantity: '1', unitPrice: '100', vatRate: '20' },
    { quantity: '-1', unitPrice: '50', vatRate: '5.5' }, // a return alone at its rate: nothing to discount there
    { quantity: '1', unitPrice: '30', vatRate: '10' },
  ];

  it('applies only to VAT groups whose line net is positive, never to charges', () => {
    const totals = computeTotals({ lines, shipping: { amount: '10', vatRate: '20' }, generalDiscount: { mode: 'percent', base: 'net', value: '10' } });
    expect(totals.allowances.map((a) => [a.vatRate, a.amount, a.baseAmount])).toEqual([
      ['20.00', '10.00', '100.00'],
      ['10.00', '3.00', '30.00'],
    ]);
  });

  it('spreads an amount equal to the whole discountable total onto exactly every base, leaving them at zero', () => {
    const net = computeTotals({ lines, generalDiscount: { mode: 'amount', base: 'net', value: '130.00' } });
    expect(net.allowances.map((a) => a.amount)).toEqual(['100.00', '30.00']);
    expect(net.vat.map((g) => g.base)).toEqual(['0.00', '0.00', '-50.00']);
    const gross = computeTotals({ lines, generalDiscount: { mode: 'amount', base: 'gross', value: '153.00' } }); // 120.00 + 33.00
    expect(gross.allowances.map((a) => a.amount)).toEqual(['100.00', '30.00']);
  });

  it('refuses an amount above the discountable total rather than clamping it', () => {
    expect(() => computeTotals({ lines, generalDiscount: { mode: 'amount', base: 'net', value: '130.01' } })).toThrow(
      expect.objectContaining({ path: 'generalDiscount.value', message: expect.stringContaining('130.00') }),
    );
    expect(() => computeTotals({ lines, generalDiscount: { mode: 'amount', base: 'gross', value: '153.01' } })).toThrow(
      expect.objectContaining({ path: 'generalDiscount.value', message: expect.stringContaining('153.00') }),
    );
  });

  it('turns 100 % into allowances equal to the bases, and 0 into no allowance at all', () => {
    expect(computeTotals({ lines, generalDiscount: { mode: 'percent', base: 'gross', value: '100' } }).allowances.map((a) => a.amount)).toEqual(['100.00', '30.00']);
    for (const base of ['net', 'gross'] as const) {
      expect(computeTotals({ lines, generalDiscount: { mode: 'amount', base, value: '0' } }).allowances).toEqual([]);
    }
  });

  it('splits an amount on the net total by largest remainder, a tie going to the largest base', () => {
    const bases: LineInput[] = [
      { quantity: '1', unitPrice: '30', vatRate: '20' },
      { quantity: '1', unitPrice: '20', vatRate: '10' },
      { quantity: '1', unitPrice: '50', vatRate: '5.5' },
    ];
    // 5 cents pro rata of 30 / 20 / 50: 1.5, 1.0, 2.5 → 1 + 1 + 2; the fractions of 20 % and 5.5 % tie, 5.5 % has the larger base.
    const totals = computeTotals({ lines: bases, generalDiscount: { mode: 'amount', base: 'net', value: '0.05' } });
    expect(totals.allowances.map((a) => [a.vatRate, a.amount])).toEqual([
      ['20.00', '0.01'],
      ['10.00', '0.01'],
      ['5.50', '0.03'],
    ]);
  });
});

describe('computeTotals — deposit deductions', () => {
  // An order of 600 € at 20 % and 400 € at 5.5 %, a 30 % deposit invoice of 180 € + 120 € net already issued.
  const sold: LineInput[] = [
    { quantity: '1', unitPrice: '600', vatRate: '20' },
    { quantity: '1', unitPrice: '400', vatRate: '5.5' },
  ];
  const deductions: LineInput[] = [
    { quantity: '-1', unitPrice: '180', vatRate: '20', depositDeduction: true },
    { quantity: '-1', unitPrice: '120', vatRate: '5.5', depositDeduction: true },
  ];

  it('deducts each rate in its own VAT group and reports the deposits deducted, gross and positive', () => {
    const totals = computeTotals({ lines: [...sold, ...deductions] });
    expect(totals.vat.map((g) => [g.rate, g.base, g.amount])).toEqual([
      ['20.00', '420.00', '84.00'],
      ['5.50', '280.00', '15.40'],
    ]);
    expect(totals).toMatchObject({ net: '700.00', vatTotal: '99.40', gross: '799.40', deposits: '342.60', due: '799.40' });
    expect(computeTotals({ lines: sold }).deposits).toBe('0.00');
  });

  it('leaves deduction lines out of the general discount base', () => {
    const totals = computeTotals({ lines: [...sold, ...deductions], generalDiscount: { mode: 'percent', base: 'net', value: '10' } });
    expect(totals.allowances.map((a) => [a.vatRate, a.amount, a.baseAmount])).toEqual([
      ['20.00', '60.00', '600.00'],
      ['5.50', '40.00', '400.00'],
    ]);
  });

  it('keeps refusing a negative unit price on a deduction line (BR-27: the quantity carries the sign)', () => {
    expect(() => computeTotals({ lines: [{ quantity: '1', unitPrice: '-180', vatRate: '20', depositDeduction: true }] })).toThrow(expect.objectContaining({ path: 'lines[0].unitPrice' }));
  });
});
