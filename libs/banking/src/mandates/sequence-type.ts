import type { MandateAmendment, MandateType } from './mandate.entity';

export const SEQUENCE_TYPES = ['FRST', 'RCUR', 'OOFF', 'FNAL'] as const;
export type SequenceType = (typeof SEQUENCE_TYPES)[number];

/** What of a mandate's history decides the sequence type of its next collection. */
export interface MandateHistory {
  type: MandateType;
  collectionCount: number;
  finalCollection: boolean;
  pendingAmendment: MandateAmendment | null;
}

/**
 * The SeqTp of the next collection under a mandate:
 * - a one-off mandate is always OOFF (it is consumed by its collection);
 * - a recurrent mandate's first collection is FRST, and so is the first one after the debtor moved to
 *   another bank (the conservative reading of the rulebook: some banks still require it, and FRST with
 *   the SMNDA indicator is accepted by all);
 * - a collection flagged as the last one is FNAL (unless it is also the first: then FRST, the last
 *   flag waiting for a later collection would be wrong, so a single collection stays FRST);
 * - otherwise RCUR.
 */
export function sequenceTypeFor(history: MandateHistory): SequenceType {
  if (history.type === 'oneOff') return 'OOFF';
  if (history.collectionCount === 0 || history.pendingAmendment?.otherBank) return 'FRST';
  if (history.finalCollection) return 'FNAL';
  return 'RCUR';
}
