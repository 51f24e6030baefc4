import { digestDue, parisClock } from './dunning-scheduler';

describe('the in-process digest clock (no Redis)', () => {
  it('reads the calendar day and hour in Paris, summer and winter time', () => {
    expect(parisClock(new Date('2026-07-14T05:30:00Z'))).toEqual({ day: '2026-07-14', hour: 7 });
    expect(parisClock(new Date('2026-12-31T23:30:00Z'))).toEqual({ day: '2027-01-01', hour: 0 });
  });

  it('is due once a day from the configured hour on, including when the worker starts later that day', () => {
    const at7 = new Date('2026-11-24T06:00:00Z'); // 07:00 in Paris (UTC+1)
    expect(digestDue(new Date('2026-11-24T05:59:00Z'), 7, null)).toBeNull();
    expect(digestDue(at7, 7, null)).toBe('2026-11-24');
    expect(digestDue(at7, 7, '2026-11-24')).toBeNull();
    expect(digestDue(new Date('2026-11-24T16:00:00Z'), 7, '2026-11-23')).toBe('2026-11-24');
  });
});
