import { canConvert, convertUnitPrice, UNITS, UnitNotConvertibleError } from './units';

describe('convertUnitPrice', () => {
  it.each([
    ['10.00', 'month', 'year', '120.0000'],
    ['120', 'year', 'month', '10.0000'],
    ['100', 'year', 'month', '8.3333'],
    ['200', 'year', 'month', '16.6667'],
    ['30', 'month', 'quarter', '90.0000'],
    ['90', 'quarter', 'year', '360.0000'],
    ['60', 'hour', 'minute', '1.0000'],
    ['0.5', 'minute', 'hour', '30.0000'],
    ['12.3456', 'kg', 'g', '0.0123'],
    ['2.50', 'l', 'm3', '2500.0000'],
    ['1.20', 'piece', 'dozen', '14.4000'],
    ['12.5', 'hour', 'hour', '12.5000'],
    ['45', 'day', 'day', '45.0000'],
  ])('%s per %s, per %s, is %s', (price, from, to, expected) => {
    expect(convertUnitPrice(price, from, to)).toBe(expected);
  });

  it('never goes through floating point: many decimals survive a round trip exactly', () => {
    expect(convertUnitPrice('0.1', 'month', 'year')).toBe('1.2000');
    expect(convertUnitPrice('999999999999999.9999', 'month', 'month')).toBe('999999999999999.9999');
  });

  it.each([
    ['hour', 'day'],
    ['day', 'week'],
    ['month', 'week'],
    ['kg', 'l'],
    ['lump_sum', 'hour'],
    ['hour', 'parsec'],
    ['parsec', 'parsec'],
  ])('refuses %s → %s with unit_not_convertible (422)', (from, to) => {
    expect(canConvert(from, to)).toBe(false);
    let thrown: unknown;
    try {
      convertUnitPrice('10', from, to);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(UnitNotConvertibleError);
    expect(thrown).toMatchObject({ code: 'unit_not_convertible', status: 422 });
  });

  it('gives every unit a distinct code and UN/ECE code, and integer factors', () => {
    expect(new Set(UNITS.map((u) => u.code)).size).toBe(UNITS.length);
    expect(new Set(UNITS.map((u) => u.uneceCode)).size).toBe(UNITS.length);
    for (const unit of UNITS) expect(Number.isInteger(unit.factor) && unit.factor > 0).toBe(true);
  });
});
