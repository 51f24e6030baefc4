import fc from 'fast-check';
import { ValidationFailedError } from '@comptoir/platform/kernel';
import { decodeCursor, encodeCursor } from './cursor';

function refused(raw: string): ValidationFailedError {
  try {
    decodeCursor(raw);
  } catch (error) {
    if (error instanceof ValidationFailedError) return error;
    throw error;
  }
  throw new Error(`decodeCursor accepted ${raw}`);
}

describe('cursor encode/decode', () => {
  it('round-trips any sort value and id', () => {
    fc.assert(
      fc.property(fc.option(fc.string({ unit: 'grapheme' }), { nil: null }), fc.uuid(), (value, id) => {
        const raw = encodeCursor({ value, id });
        expect(raw).toMatch(/^[A-Za-z0-9_-]*$/); // base64url: safe in a query string as is
        expect(decodeCursor(raw)).toEqual({ value, id });
      }),
    );
  });

  it('refuses anything it did not produce with a validation error on `cursor`', () => {
    const forged = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
    for (const raw of [
      '',
      '%%%',
      'not base64 at all!',
      forged(null),
      forged({}),
      forged(['a']),
      forged(['a', '01934567-89ab-7cde-8f01-23456789abcd', 3]),
      forged([1, '01934567-89ab-7cde-8f01-23456789abcd']),
      forged(['a', 'not-an-id']),
      forged(['a', "1' OR '1'='1"]),
    ]) {
      const error = refused(raw);
      expect(error.status).toBe(400);
      expect(error.errors).toEqual([{ path: 'cursor', message: expect.any(String) }]);
    }
  });

  it('never throws anything but a validation error on random input', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 200 }), (raw) => {
        try {
          decodeCursor(raw);
        } catch (error) {
          expect(error).toBeInstanceOf(ValidationFailedError);
        }
      }),
    );
  });
});
