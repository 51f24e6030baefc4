import fc from 'fast-check';
import { Dec } from '@comptoir/platform/kernel';
import { splitByVatRate } from './vat-split';

describe('splitByVatRate', () => {
  it('splits in proportion to each rate’s gross, VAT inside', () => {
    // 1000 + 200 at 20 %, 100 + 5.50 at 5.5 %: gross 1305.50; half of it received.
    expect(splitByVatRate('652.75', [{ rate: '20.00', base: '1000.00', amount: '200.00' }, { rate: '5.50', base: '100.00', amount: '5.50' }])).toEqual([
      { rate: '20.00', received: '600.00', vat: '100.00' },
      { rate: '5.50', received: '52.75', vat: '2.75' },
    ]);
  });

  it('merges two categories at one rate and skips empty rates', () => {
    expect(splitByVatRate('30.00', [{ rate: '0', base: '10.00', amount: '0.00' }, { rate: '0.00', base: '20.00', amount: '0.00' }, { rate: '20', base: '0.00', amount: '0.00' }])).toEqual([{ rate: '0.00', received: '30.00', vat: '0.00' }]);
  });

  it('always adds up to the cash received, to the cent, positive or negative', () => {
    const amount = fc.integer({ min: -10_000_000, max: 10_000_000 }).map((cents) => new Dec(cents).dividedBy(100).toFixed(2));
    const share = fc.record({ rate: fc.constantFrom('20.00', '10.00', '5.50', '2.10', '0.00'), base: fc.integer({ min: 1, max: 1_000_000 }).map((c) => new Dec(c).dividedBy(100).toFixed(2)) });
    fc.assert(
      fc.property(amount, fc.array(share, { minLength: 1, maxLength: 5 }), (received, lines) => {
        const breakdown = lines.map((l) => ({ ...l, amount: new Dec(l.base).times(l.rate).dividedBy(100).toDecimalPlaces(2).toFixed(2) }));
        const split = splitByVatRate(received, breakdown);
        expect(split.reduce((sum, s) => sum.plus(s.received), new Dec(0)).toFixed(2)).toBe(received);
      }),
    );
  });
});
