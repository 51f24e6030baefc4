import fc from 'fast-check';
import { computeTotals } from '@comptoir/billing-engine';
import { Dec } from '@comptoir/platform/kernel';
import { grossOfShares, splitDeposit } from './deposit-split';

// An order of 600 € net at 20 % and 400 € net at 5.5 %: 720 € + 422 € = 1,142 € gross.
const order = [
  { category: 'S' as const, rate: '20.00', base: '600.00', amount: '120.00', exemptionReason: null },
  { category: 'S' as const, rate: '5.50', base: '400.00', amount: '22.00', exemptionReason: null },
];

describe('splitDeposit', () => {
  it('splits a 30 % deposit of 342.60 € into 180 € net at 20 % and 120 € net at 5.5 %', () => {
    expect(splitDeposit('342.60', order)).toEqual([
      { category: 'S', rate: '20.00', exemptionReason: null, net: '180.00' },
      { category: 'S', rate: '5.50', exemptionReason: null, net: '120.00' },
    ]);
  });

  it('gives the cents no net of their group can reach to another group: 700.00 asks exactly 700.00', () => {
    // Shares 441.33 at 20 % and 258.67 at 5.5 %: neither has a net (441.32 or 441.34; 258.66 or 258.68),
    // so the 20 % group takes the two missing cents in one step (367.78 grosses to 441.34).
    const shares = splitDeposit('700.00', order);
    expect(shares.map((s) => s.net)).toEqual(['367.78', '245.18']);
    expect(grossOfShares(shares).toFixed(2)).toBe('700.00');
  });

  it('keeps exempt groups at their gross (no VAT on them) and drops groups with nothing to invoice', () => {
    const groups = [
      { category: 'S' as const, rate: '20.00', base: '100.00', amount: '20.00', exemptionReason: null },
      { category: 'E' as const, rate: '0.00', base: '80.00', amount: '0.00', exemptionReason: 'Art. 261 CGI' },
      { category: 'S' as const, rate: '10.00', base: '0.00', amount: '0.00', exemptionReason: null },
    ];
    expect(splitDeposit('100.00', groups)).toEqual([
      { category: 'S', rate: '20.00', exemptionReason: null, net: '50.00' },
      { category: 'E', rate: '0.00', exemptionReason: 'Art. 261 CGI', net: '40.00' },
    ]);
  });

  it('never invoices more than asked, at most a cent less per VAT group, and the engine agrees on the gross (property)', () => {
    const group = fc.record({
      rate: fc.constantFrom('20.00', '10.00', '5.50', '2.10', '0.00'),
      base: fc.integer({ min: 1, max: 10_000_000 }).map((c) => new Dec(c).dividedBy(100).toFixed(2)),
    });
    fc.assert(
      fc.property(fc.uniqueArray(group, { minLength: 1, maxLength: 4, selector: (g) => g.rate }), fc.integer({ min: 1, max: 100 }), (specs, percent) => {
        const totals = computeTotals({ lines: specs.map((g) => ({ quantity: '1', unitPrice: g.base, vatRate: g.rate })) });
        const asked = new Dec(totals.gross).times(percent).dividedBy(100).toDecimalPlaces(2, Dec.ROUND_DOWN);
        const shares = splitDeposit(asked.toFixed(2), totals.vat);
        const gross = grossOfShares(shares);
        expect(gross.lte(asked)).toBe(true);
        expect(asked.minus(gross).lte(new Dec('0.01').times(specs.length))).toBe(true);
        const invoiced = computeTotals({ lines: shares.map((s) => ({ quantity: '1', unitPrice: s.net, vatRate: s.rate, vatCategory: s.category })) });
        expect(invoiced.gross).toBe(gross.toFixed(2));
        // Deducting the same lines from the sale leaves, per VAT group, exactly the rest of its base.
        const rest = computeTotals({
          lines: [...specs.map((g) => ({ quantity: '1', unitPrice: g.base, vatRate: g.rate })), ...shares.map((s) => ({ quantity: '-1', unitPrice: s.net, vatRate: s.rate, depositDeduction: true }))],
        });
        expect(rest.deposits).toBe(invoiced.gross);
        expect(new Dec(rest.net).plus(invoiced.net).toFixed(2)).toBe(totals.net);
      }),
    );
  });
});
