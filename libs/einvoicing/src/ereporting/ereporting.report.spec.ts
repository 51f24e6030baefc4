import { eReport, ReportedSale } from './ereporting.report';

const sale = (over: Partial<ReportedSale>): ReportedSale => ({
  id: 'id',
  number: 'FA-1',
  date: '2026-11-02',
  kind: 'invoice',
  flow: 'B2C',
  buyerName: 'Jeanne Martin',
  buyerCountry: 'FR',
  buyerVatNumber: null,
  currency: 'EUR',
  vat: [{ rate: '20.00', base: '100.00', amount: '20.00' }],
  ...over,
});

describe('eReport', () => {
  it('sums B2C sales per day and rate, credit notes negative, documents counted once per rate', () => {
    const report = eReport('2026-11-01', '2026-11-30', [
      sale({ id: 'a', vat: [{ rate: '20.00', base: '100.00', amount: '20.00' }, { rate: '5.5', base: '10.00', amount: '0.55' }] }),
      sale({ id: 'b', vat: [{ rate: '20', base: '50.00', amount: '10.00' }] }),
      sale({ id: 'c', kind: 'credit_note', vat: [{ rate: '20.00', base: '30.00', amount: '6.00' }] }),
      sale({ id: 'd', date: '2026-11-01', vat: [{ rate: '10.00', base: '7.00', amount: '0.70' }] }),
    ], []);
    expect(report.b2cSales).toEqual([
      { date: '2026-11-01', rate: '10.00', count: 1, net: '7.00', vat: '0.70', gross: '7.70' },
      { date: '2026-11-02', rate: '20.00', count: 3, net: '120.00', vat: '24.00', gross: '144.00' },
      { date: '2026-11-02', rate: '5.50', count: 1, net: '10.00', vat: '0.55', gross: '10.55' },
    ]);
    expect(report.internationalSales).toEqual([]);
  });

  it('lists international sales one by one, a credit note negative', () => {
    const report = eReport('2026-11-01', '2026-11-30', [
      sale({ id: 'x', number: 'FA-9', flow: 'B2BINT', buyerName: 'Holzbau GmbH', buyerCountry: 'DE', buyerVatNumber: 'DE123456789', vat: [{ rate: '0.00', base: '1000.00', amount: '0.00' }] }),
      sale({ id: 'y', number: 'AV-1', kind: 'credit_note', flow: 'B2BINT', buyerName: 'Holzbau GmbH', buyerCountry: 'DE', vat: [{ rate: '0.00', base: '100.00', amount: '0.00' }] }),
    ], []);
    expect(report.internationalSales.map((s) => [s.number, s.net, s.vat, s.gross])).toEqual([
      ['AV-1', '-100.00', '0.00', '-100.00'],
      ['FA-9', '1000.00', '0.00', '1000.00'],
    ]);
  });

  it('sums cash received on services per day and rate, a reversal negative', () => {
    const vat = [{ rate: '20.00', base: '100.00', amount: '20.00' }, { rate: '10.00', base: '100.00', amount: '10.00' }];
    const report = eReport('2026-11-01', '2026-11-30', [], [
      { date: '2026-11-03', amount: '230.00', vat },
      { date: '2026-11-03', amount: '115.00', vat },
      { date: '2026-11-04', amount: '-115.00', vat },
    ]);
    expect(report.servicePayments).toEqual([
      { date: '2026-11-03', rate: '20.00', received: '180.00', vat: '30.00' },
      { date: '2026-11-03', rate: '10.00', received: '165.00', vat: '15.00' },
      { date: '2026-11-04', rate: '20.00', received: '-60.00', vat: '-10.00' },
      { date: '2026-11-04', rate: '10.00', received: '-55.00', vat: '-5.00' },
    ]);
  });
});
