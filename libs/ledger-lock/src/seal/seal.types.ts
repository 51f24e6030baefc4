export const SEAL_KINDS = ['invoice', 'credit_note', 'deposit', 'original', 'payment', 'closing'] as const;
export type SealKind = (typeof SEAL_KINDS)[number];

export interface SealEntryInput {
  kind: SealKind;
  recordType: string;
  recordId: string;
  /** The record's own date, YYYY-MM-DD. */
  recordDate: string;
  /** Canonical snapshot: plain JSON, amounts as decimal strings. */
  payload: Record<string, unknown>;
}

export interface SealedEntry {
  seq: number;
  hash: string;
}

/** Payload of an 'original' entry: the stored file of a sealed record (its PDF, its e-invoice). */
export interface OriginalPayload {
  recordType: string;
  recordId: string;
  fileKey: string;
  sha256: string;
  contentType: string;
  [key: string]: unknown;
}
