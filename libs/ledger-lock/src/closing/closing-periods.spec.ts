import { addYears } from '../company-calendar';
import { fiscalYearMonths, fiscalYearRange, fiscalYearStart, isPeriodOf, monthRange, nextMonth } from './closing-periods';

describe('closing periods', () => {
  it('reads months and fiscal years named by the year they end in', () => {
    expect(monthRange('2024-02')).toEqual({ start: '2024-02-01', end: '2024-02-29' });
    expect(fiscalYearRange(2026, 1)).toEqual({ start: '2026-01-01', end: '2026-12-31' });
    expect(fiscalYearRange(2026, 7)).toEqual({ start: '2025-07-01', end: '2026-06-30' });
    expect(fiscalYearMonths(2026, 7)).toEqual(['2025-07', '2025-08', '2025-09', '2025-10', '2025-11', '2025-12', '2026-01', '2026-02', '2026-03', '2026-04', '2026-05', '2026-06']);
    expect(fiscalYearStart('2026-03-31', 7)).toBe('2025-07-01');
    expect(fiscalYearStart('2026-07-31', 7)).toBe('2026-07-01');
    expect(fiscalYearStart('2026-03-31', 1)).toBe('2026-01-01');
    expect(nextMonth('2026-12')).toBe('2027-01');
    expect(isPeriodOf('month', '2026-13')).toBe(false);
    expect(isPeriodOf('year', '2026-01')).toBe(false);
    expect(addYears('2024-02-29', 10)).toBe('2034-02-28');
    expect(addYears('2026-10-31', 10)).toBe('2036-10-31');
  });
});
