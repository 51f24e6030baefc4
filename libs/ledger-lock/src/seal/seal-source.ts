import type { TenantTx } from '@comptoir/platform/database';

/**
 * Port implemented by the modules whose records are sealed (billing, later banking): recomputes the
 * CURRENT canonical payload of sealed records from their stored rows, so that verification notices an
 * edit of a frozen field even though the journal itself is intact. Absent ids are left out of the map.
 */
export interface SealSource {
  recordType: string;
  currentPayloads(tx: TenantTx, recordIds: string[]): Promise<Map<string, Record<string, unknown>>>;
}

/** Injection token of the registry of seal sources (see LedgerLockModule.forSources). */
export const SEAL_SOURCES: unique symbol = Symbol('SEAL_SOURCES');
