import { forecastTable, forecastWindow } from './forecast-table';

describe('cash-flow forecast table', () => {
  it('12 calendar months from the month of `from`, across the year end', () => {
    const { window, months } = forecastWindow('2026-11-24');
    expect(months).toHaveLength(12);
    expect(months[0]).toBe('2026-11');
    expect(months[2]).toBe('2027-01');
    expect(months[11]).toBe('2027-10');
    expect(window).toEqual({ from: '2026-11-24', until: '2027-11-01' });
  });

  it('sums receipts and payments per month, overdue apart, per-source lines kept', () => {
    const { months } = forecastWindow('2026-01-10');
    const table = forecastTable('2026-01-10', 'EUR', months, [
      { key: 'invoices', direction: 'in', flows: [{ month: null, amount: '50.00' }, { month: '2026-01', amount: '100.10' }, { month: '2026-03', amount: '20.00' }] },
      { key: 'contracts', direction: 'in', flows: [{ month: '2026-03', amount: '5.05' }] },
      { key: 'supplier_invoices', direction: 'out', flows: [{ month: '2026-01', amount: '30.00' }, { month: null, amount: '7.00' }] },
    ]);
    expect(table.overdue).toEqual({ receipts: '50.00', payments: '7.00' });
    expect(table.months[0]).toEqual({ month: '2026-01', receipts: '100.10', payments: '30.00', net: '70.10' });
    expect(table.months[2]).toEqual({ month: '2026-03', receipts: '25.05', payments: '0.00', net: '25.05' });
    expect(table.months[11]).toEqual({ month: '2026-12', receipts: '0.00', payments: '0.00', net: '0.00' });
    expect(table.sources.map((s) => [s.key, s.overdue, s.months[2]!.amount])).toEqual([
      ['invoices', '50.00', '20.00'],
      ['contracts', '0.00', '5.05'],
      ['supplier_invoices', '7.00', '0.00'],
    ]);
  });
});
