import { isInstant } from './validators';

describe('isInstant', () => {
  it.each(['2026-11-23T14:30:00+01:00', '2026-11-23T13:30:00Z', '2026-11-23T13:30Z', '2026-11-23T13:30:00.123Z', '2026-11-23T13:30:00.123456-05:00'])('accepts %s', (v) =>
    expect(isInstant(v)).toBe(true),
  );
  it.each(['2026-11-23T14:30:00', '2026-11-23', '2026-02-30T10:00:00Z', '2026-11-23T25:00:00Z', '2026-11-23 14:30:00+01:00', '0000-01-01T00:00:00Z', 'now', 1700000000000, undefined])(
    'refuses %p',
    (v) => expect(isInstant(v)).toBe(false),
  );
});
