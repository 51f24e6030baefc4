import fc from 'fast-check';
import { v7 } from 'uuid';
import { isUuid, newId, uuidV7Floor } from './ids';

describe('ids', () => {
  it('makes time-ordered UUIDs', () => {
    const ids = Array.from({ length: 50 }, () => newId());
    expect(ids.every(isUuid)).toBe(true);
    expect([...ids].sort()).toEqual(ids);
  });

  describe('uuidV7Floor', () => {
    const instant = fc.integer({ min: 0, max: 2 ** 47 });

    it('is a UUID at or below every v7 id of its millisecond and after, above every earlier one', () => {
      fc.assert(
        fc.property(instant, fc.integer({ min: 0, max: 10_000 }), (ms, delta) => {
          const floor = uuidV7Floor(ms);
          expect(isUuid(floor)).toBe(true);
          expect(v7({ msecs: ms }) >= floor).toBe(true);
          expect(v7({ msecs: ms + delta }) >= floor).toBe(true);
          if (ms >= delta + 1) expect(v7({ msecs: ms - delta - 1 }) < floor).toBe(true);
        }),
      );
    });

    it('takes a Date as well as epoch milliseconds', () => {
      expect(uuidV7Floor(new Date(0))).toBe('00000000-0000-7000-8000-000000000000');
      expect(uuidV7Floor(new Date('2026-11-23T00:00:00Z'))).toBe(uuidV7Floor(Date.UTC(2026, 10, 23)));
    });
  });
});
