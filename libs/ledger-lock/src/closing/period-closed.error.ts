import { ConflictError } from '@comptoir/platform/kernel';

export function periodClosed(date: string, closedUntil: string): ConflictError {
  return new ConflictError('period_closed', `${date} falls in a closed period (closed up to ${closedUntil}): nothing dated in it can be created, validated or cancelled`, [
    { path: 'date', message: `must be after ${closedUntil}, the end of the last closed period` },
  ]);
}
