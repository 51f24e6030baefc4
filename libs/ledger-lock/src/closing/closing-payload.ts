import type { LedgerClosingEntity } from './ledger-closing.entity';

/** What the 'closing' journal entry seals of a closing: rebuilt from the row to verify it later. */
export function closingPayload(closing: Pick<LedgerClosingEntity, 'kind' | 'period' | 'startDate' | 'endDate' | 'totals'>): Record<string, unknown> {
  return { kind: closing.kind, period: closing.period, startDate: closing.startDate, endDate: closing.endDate, totals: closing.totals };
}
