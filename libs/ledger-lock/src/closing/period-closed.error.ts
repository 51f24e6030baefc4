import { ConflictError } from '@comptoir/platform/kernel';

export function periodClosed(date: string, closedUntil: string): ConflictError {
  return new ConflictError('period_closed', `${date} falls in a closed period (closed up to ${closedUntil}): nothing dated in it can be created, validated or cancelled`, [
    { path: 'date', message: `must be after ${closedUntil}, the end of the last closed period` },
  ]);
}

/** What the period check sent with a COMMIT raises (SealService.sealAtCommit), read back by periodClosedAtCommit. */
export const PERIOD_CLOSED_AT_COMMIT = { sqlState: 'P0001', message: 'comptoir:period_closed' } as const;

/**
 * The period_closed error of a transaction whose COMMIT carried a sealing that found its period closed
 * (HINT: the date, DETAIL: the end of the closed period), or null for any other error.
 */
export function periodClosedAtCommit(error: unknown): ConflictError | null {
  const driver = (error as { driverError?: { code?: string; message?: string; detail?: string; hint?: string } } | null)?.driverError;
  if (driver?.code !== PERIOD_CLOSED_AT_COMMIT.sqlState || driver.message !== PERIOD_CLOSED_AT_COMMIT.message) return null;
  return periodClosed(driver.hint ?? '', driver.detail ?? '');
}
