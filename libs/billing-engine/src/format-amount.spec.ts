import { formatAmount } from './format-amount';

describe('formatAmount', () => {
  it('pads or rounds half away from zero to the wire scale', () => {
    expect(formatAmount('300.09', 2)).toBe('300.09');
    expect(formatAmount('12.5', 4)).toBe('12.5000');
    expect(formatAmount('2', 2)).toBe('2.00');
    expect(formatAmount('2.345', 2)).toBe('2.35');
    expect(formatAmount('-2.345', 2)).toBe('-2.35');
    expect(formatAmount('1.00005', 4)).toBe('1.0001');
  });

  it('never prints a negative zero', () => {
    expect(formatAmount('-0.001', 2)).toBe('0.00');
    expect(formatAmount('-0', 2)).toBe('0.00');
  });

  it('refuses anything but a plain decimal string', () => {
    for (const value of ['', 'abc', '1e3', ' 1', '1,5', '0x10', 'Infinity']) expect(() => formatAmount(value, 2)).toThrow(RangeError);
  });
});
