/**
 * Calendar dates ("YYYY-MM-DD") computed on UTC midnights: no time zone or daylight-saving shift can move a
 * due date, in Node or in a browser.
 */
const DAY_MS = 86_400_000;

/** Parses a real calendar date ("2026-02-30" is refused); throws a RangeError otherwise. */
export function parseIsoDate(value: string): Date {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  const date = match ? new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]))) : null;
  if (!date || formatIsoDate(date) !== value) throw new RangeError(`not a calendar date (YYYY-MM-DD): ${JSON.stringify(value)}`);
  return date;
}

export function formatIsoDate(date: Date): string {
  return date.toISOString().slice(0, 10);
}

export function addDays(date: Date, days: number): Date {
  return new Date(date.getTime() + days * DAY_MS);
}

export function endOfMonth(date: Date): Date {
  return new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + 1, 0));
}
