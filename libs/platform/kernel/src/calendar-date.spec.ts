import { isCalendarDate } from './calendar-date';

describe('isCalendarDate', () => {
  it.each(['2026-11-23', '2024-02-29', '2026-12-31', '0001-01-01'])('accepts %s', (v) => expect(isCalendarDate(v)).toBe(true));
  it.each(['2026-02-29', '2026-02-30', '2026-13-01', '2026-00-10', '2026-11-23T00:00:00Z', '23/11/2026', '2026-1-5', '0000-01-01', '', 20261123, null])('refuses %p', (v) =>
    expect(isCalendarDate(v)).toBe(false),
  );
});
