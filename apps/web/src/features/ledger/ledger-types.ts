import type { Schemas } from '@comptoir/api-client';

/** Ledger and billing-settings resources as the contract declares them (openapi.json → @comptoir/api-client). */
export type Sequence = Schemas['SequenceResponseDto'];
export type SequenceBody = Schemas['UpdateSequenceDto'];
export type SequenceReset = Sequence['reset'];
export type Closing = Schemas['ClosingResponseDto'];
export type ClosingKind = Closing['kind'];
export type LedgerVerification = Schemas['LedgerVerificationDto'];
export type BillingSettings = Schemas['BillingSettingsResponseDto'];
export type BillingSettingsBody = Schemas['UpdateBillingSettingsDto'];

export const SEQUENCE_RESETS: SequenceReset[] = ['never', 'yearly', 'monthly'];
