import { computeTotals } from './compute-totals';
import { TotalsInputError } from './totals-input-error';
import type { DocumentInput, LineInput } from './totals.types';

const item: LineInput = { quantity: '1', unitPrice: '10', vatRate: '20' };

function errorOf(input: unknown): { path: string; message: string } {
  try {
    computeTotals(input as DocumentInput);
  } catch (error) {
    expect(error).toBeInstanceOf(TotalsInputError);
    const { path, message } = error as TotalsInputError;
    return { path, message };
  }
  throw new Error('computeTotals accepted the input');
}

describe('computeTotals — invalid input', () => {
  it.each([
    ['too many decimals', { quantity: '1.23456' }, 'lines[2].quantity'],
    ['not a number', { quantity: 'abc' }, 'lines[2].quantity'],
    ['an exponent', { quantity: '1e3' }, 'lines[2].quantity'],
    ['a JS number', { quantity: 2 }, 'lines[2].quantity'],
    ['padding', { unitPrice: ' 10' }, 'lines[2].unitPrice'],
    ['a negative unit price (BR-27: returns are negative quantities)', { unitPrice: '-10' }, 'lines[2].unitPrice'],
    ['a unit price with 5 decimals', { unitPrice: '0.00001' }, 'lines[2].unitPrice'],
    ['a discount above 100 %', { discountPercent: '100.01' }, 'lines[2].discountPercent'],
    ['a negative discount', { discountPercent: '-5' }, 'lines[2].discountPercent'],
    ['a VAT rate with 3 decimals', { vatRate: '5.555' }, 'lines[2].vatRate'],
    ['an unknown VAT category', { vatCategory: 'X' }, 'lines[2].vatCategory'],
    ['an exempt line still at 20 %', { vatCategory: 'E' }, 'lines[2].vatRate'],
    ['an unknown kind', { kind: 'subtotal' }, 'lines[2].kind'],
    ['a non-text exemption reason', { vatExemptionReason: 42 }, 'lines[2].vatExemptionReason'],
    ['an other tax without label', { otherTaxes: [{ label: ' ', mode: 'fixed', value: '1', vatRate: '20' }] }, 'lines[2].otherTaxes[0].label'],
    ['an other tax of unknown mode', { otherTaxes: [{ label: 'Eco', mode: 'flat', value: '1', vatRate: '20' }] }, 'lines[2].otherTaxes[0].mode'],
    ['an other tax above 100 %', { otherTaxes: [{ label: 'Eco', mode: 'percent', value: '101', vatRate: '20' }] }, 'lines[2].otherTaxes[0].value'],
    ['an other tax with a bad rate', { otherTaxes: [{ label: 'Eco', mode: 'fixed', value: '1', vatRate: '120' }] }, 'lines[2].otherTaxes[0].vatRate'],
  ])('names the field for %s', (_case, change, path) => {
    expect(errorOf({ lines: [item, { kind: 'comment' }, { ...item, ...change }] }).path).toBe(path);
  });

  it.each([
    ['lines missing', {}, 'lines'],
    ['a line that is not an object', { lines: [null] }, 'lines[0]'],
    ['a discount of unknown mode', { lines: [item], generalDiscount: { mode: 'half', base: 'net', value: '1' } }, 'generalDiscount.mode'],
    ['a discount of unknown base', { lines: [item], generalDiscount: { mode: 'percent', base: 'tax', value: '1' } }, 'generalDiscount.base'],
    ['a discount amount with 3 decimals', { lines: [item], generalDiscount: { mode: 'amount', base: 'net', value: '1.005' } }, 'generalDiscount.value'],
    ['a negative discount amount', { lines: [item], generalDiscount: { mode: 'amount', base: 'gross', value: '-1' } }, 'generalDiscount.value'],
    ['a discount above 100 %', { lines: [item], generalDiscount: { mode: 'percent', base: 'gross', value: '150' } }, 'generalDiscount.value'],
    ['a negative shipping amount', { lines: [item], shipping: { amount: '-5', vatRate: '20' } }, 'shipping.amount'],
    ['shipping without VAT rate', { lines: [item], shipping: { amount: '5' } }, 'shipping.vatRate'],
    ['a prepaid amount with 3 decimals', { lines: [item], prepaid: '1.001' }, 'prepaid'],
  ])('names the field for %s', (_case, input, path) => {
    expect(errorOf(input).path).toBe(path);
  });

  it('says what is expected', () => {
    expect(errorOf({ lines: [{ ...item, quantity: '1.23456' }] }).message).toBe('must be a decimal string with at most 4 decimals');
    expect(errorOf({ lines: [{ ...item, vatCategory: 'AE' }] }).message).toBe('must be 0 for VAT category AE');
  });

  it('accepts null for optional fields and tolerates anything on comment and page-break lines', () => {
    const totals = computeTotals({
      lines: [{ ...item, discountPercent: null, vatExemptionReason: null }, { kind: 'page_break' } as LineInput],
      generalDiscount: null,
      shipping: null,
      prepaid: null,
    });
    expect(totals.lines).toEqual([{ net: '10.00' }, { net: '0.00' }]);
  });
});
