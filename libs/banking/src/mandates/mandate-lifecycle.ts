import type { MandateStatus, MandateType } from './mandate.entity';

/** A mandate unused for this long lapses (SEPA rulebook: 36 months after the last collection). */
export const LAPSE_MONTHS = 36;

/** Characters the SEPA rulebook allows in a mandate reference (RUM), at most 35 of them. */
export const MANDATE_REFERENCE_PATTERN = /^[A-Za-z0-9+?/:().,' -]{1,35}$/;

/** `date` + `months`, clamped to the month's last day (2026-08-31 + 6 months = 2027-02-28). */
export function addMonths(date: string, months: number): string {
  const [year = 0, month = 1, day = 1] = date.split('-').map(Number);
  const target = new Date(Date.UTC(year, month - 1 + months, 1));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(day, lastDay));
  return target.toISOString().slice(0, 10);
}

/** `date` + `days` calendar days. */
export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** The first day the mandate is lapsed: 36 months after its last collection (or its signature). */
export function lapsesOn(mandate: { signedOn: string; lastCollectionOn: string | null }): string {
  return addMonths(mandate.lastCollectionOn ?? mandate.signedOn, LAPSE_MONTHS);
}

/** The status as of `today`: an active mandate past its lapse date reads as lapsed. */
export function effectiveStatus(mandate: { status: MandateStatus; signedOn: string; lastCollectionOn: string | null }, today: string): MandateStatus {
  if (mandate.status === 'active' && today >= lapsesOn(mandate)) return 'lapsed';
  return mandate.status;
}

/** The status after a collection: a one-off mandate and a final collection consume the mandate. */
export function statusAfterCollection(mandate: { type: MandateType; finalCollection: boolean }): MandateStatus {
  return mandate.type === 'oneOff' || mandate.finalCollection ? 'consumed' : 'active';
}
