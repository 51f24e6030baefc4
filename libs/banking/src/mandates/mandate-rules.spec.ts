import fc from 'fast-check';
import { addDays, addMonths, effectiveStatus, lapsesOn, MANDATE_REFERENCE_PATTERN, statusAfterCollection } from './mandate-lifecycle';
import { MandateHistory, sequenceTypeFor } from './sequence-type';

const recurrent: MandateHistory = { type: 'recurrent', collectionCount: 0, finalCollection: false, pendingAmendment: null };

describe('sequenceTypeFor', () => {
  it('is OOFF for a one-off mandate whatever its history', () => {
    fc.assert(
      fc.property(fc.nat(5), fc.boolean(), (collectionCount, finalCollection) => {
        expect(sequenceTypeFor({ ...recurrent, type: 'oneOff', collectionCount, finalCollection })).toBe('OOFF');
      }),
    );
  });

  it('is FRST for the first collection of a recurrent mandate, then RCUR', () => {
    expect(sequenceTypeFor(recurrent)).toBe('FRST');
    expect(sequenceTypeFor({ ...recurrent, collectionCount: 1 })).toBe('RCUR');
    expect(sequenceTypeFor({ ...recurrent, collectionCount: 7 })).toBe('RCUR');
  });

  it('is FNAL when the collection is flagged as the last one of a used mandate', () => {
    expect(sequenceTypeFor({ ...recurrent, collectionCount: 3, finalCollection: true })).toBe('FNAL');
    expect(sequenceTypeFor({ ...recurrent, collectionCount: 0, finalCollection: true })).toBe('FRST');
  });

  it('is FRST again after an amendment moving the debtor to another bank, RCUR after one within the same bank', () => {
    const amendment = { originalReference: null, originalIban: 'FR1420041010050500013M02606', otherBank: true };
    expect(sequenceTypeFor({ ...recurrent, collectionCount: 4, pendingAmendment: amendment })).toBe('FRST');
    expect(sequenceTypeFor({ ...recurrent, collectionCount: 4, pendingAmendment: { ...amendment, otherBank: false } })).toBe('RCUR');
  });
});

describe('mandate lifecycle', () => {
  it('lapses 36 months after the last collection, or after the signature when never used', () => {
    expect(lapsesOn({ signedOn: '2023-01-15', lastCollectionOn: null })).toBe('2026-01-15');
    expect(lapsesOn({ signedOn: '2020-01-15', lastCollectionOn: '2024-02-29' })).toBe('2027-02-28');
  });

  it('reads an active mandate past its lapse date as lapsed, leaves other statuses alone', () => {
    const mandate = { status: 'active' as const, signedOn: '2023-01-15', lastCollectionOn: null };
    expect(effectiveStatus(mandate, '2026-01-14')).toBe('active');
    expect(effectiveStatus(mandate, '2026-01-15')).toBe('lapsed');
    expect(effectiveStatus({ ...mandate, status: 'revoked' }, '2030-01-01')).toBe('revoked');
  });

  it('consumes a one-off mandate and a final collection, keeps a recurrent one active', () => {
    expect(statusAfterCollection({ type: 'oneOff', finalCollection: false })).toBe('consumed');
    expect(statusAfterCollection({ type: 'recurrent', finalCollection: true })).toBe('consumed');
    expect(statusAfterCollection({ type: 'recurrent', finalCollection: false })).toBe('active');
  });

  it('adds months clamped to the end of the month and days across years', () => {
    expect(addMonths('2026-08-31', 6)).toBe('2027-02-28');
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(addDays('2026-12-25', 14)).toBe('2027-01-08');
  });

  it('adding months never goes back in time and keeps the day when the month has it', () => {
    fc.assert(
      fc.property(fc.date({ min: new Date('2000-01-01'), max: new Date('2090-12-31'), noInvalidDate: true }), fc.nat(120), (d, months) => {
        const date = d.toISOString().slice(0, 10);
        const later = addMonths(date, months);
        expect(later >= date).toBe(true);
        if (Number(date.slice(8)) <= 28) expect(later.slice(8)).toBe(date.slice(8));
      }),
    );
  });

  it('accepts the SEPA reference characters only, up to 35', () => {
    expect(MANDATE_REFERENCE_PATTERN.test("RUM-2026/001 (A.B,C'D:E?F+G)")).toBe(true);
    expect(MANDATE_REFERENCE_PATTERN.test('RUM_2026')).toBe(false);
    expect(MANDATE_REFERENCE_PATTERN.test('RUMé')).toBe(false);
    expect(MANDATE_REFERENCE_PATTERN.test('R'.repeat(36))).toBe(false);
  });
});
