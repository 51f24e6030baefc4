import { Dec } from '@comptoir/platform/kernel';
import { encodeLatin9, fecAmount, fecDate, fecFileName, fecText } from './fec-format';

describe('FEC format', () => {
  it('writes amounts with a comma and two decimals, dates as YYYYMMDD, the legal file name', () => {
    expect([fecAmount(new Dec('1234.5')), fecAmount(new Dec('0')), fecAmount(new Dec('1000000'))]).toEqual(['1234,50', '0,00', '1000000,00']);
    expect([fecDate('2026-03-15'), fecDate(null)]).toEqual(['20260315', '']);
    expect(fecFileName('123456782', '2026-12-31')).toBe('123456782FEC20261231.txt');
  });

  it('keeps separators and line breaks out of labels', () => {
    expect(fecText(' Dupont | Fils\tSARL\r\n ')).toBe('Dupont Fils SARL');
  });

  it('encodes ISO-8859-15: accents and € in one byte each, what it cannot write as ?', () => {
    expect([...encodeLatin9('Société')]).toEqual([0x53, 0x6f, 0x63, 0x69, 0xe9, 0x74, 0xe9]);
    expect([...encodeLatin9('Œuvre 10 €')]).toEqual([0xbc, ...Buffer.from('uvre 10 '), 0xa4]);
    expect(encodeLatin9('a¤b😀').toString('latin1')).toBe('a?b?');
  });
});
