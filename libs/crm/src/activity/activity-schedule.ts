import { FieldError } from '@comptoir/platform/kernel';
import type { ActivityKind } from './activity.entity';

/** When an activity happens: events have a start (and maybe an end), tasks a due date (and maybe a done instant). */
export interface ActivitySchedule {
  kind: ActivityKind;
  startsAt: Date | null;
  endsAt: Date | null;
  dueOn: string | null;
  doneAt: Date | null;
}

/** What a request says about the schedule: undefined leaves a field alone, null clears it. */
export interface SchedulePatch {
  kind?: ActivityKind;
  startsAt?: string | null;
  endsAt?: string | null;
  dueOn?: string | null;
}

const EMPTY: Omit<ActivitySchedule, 'kind'> = { startsAt: null, endsAt: null, dueOn: null, doneAt: null };

/**
 * Applies a create or update request to the current schedule and checks the result: an event needs
 * `startsAt` before `endsAt` (or no end) and no `dueOn`; a task needs `dueOn` and no start or end.
 * Switching the kind drops the fields of the former kind that the request does not restate.
 */
export function resolveSchedule(current: ActivitySchedule | null, patch: SchedulePatch): { schedule: ActivitySchedule; errors: FieldError[] } {
  const kind = patch.kind ?? current?.kind ?? 'event';
  const base: ActivitySchedule = current && current.kind === kind ? { ...current } : { ...EMPTY, kind };
  const schedule: ActivitySchedule = {
    ...base,
    startsAt: patch.startsAt === undefined ? base.startsAt : toDate(patch.startsAt),
    endsAt: patch.endsAt === undefined ? base.endsAt : toDate(patch.endsAt),
    dueOn: patch.dueOn === undefined ? base.dueOn : patch.dueOn,
  };
  const errors: FieldError[] = [];
  if (kind === 'event') {
    if (!schedule.startsAt) errors.push({ path: 'startsAt', message: 'startsAt is required for an event' });
    if (schedule.startsAt && schedule.endsAt && schedule.endsAt.getTime() <= schedule.startsAt.getTime()) {
      errors.push({ path: 'endsAt', message: 'endsAt must be after startsAt' });
    }
    if (schedule.dueOn) errors.push({ path: 'dueOn', message: 'dueOn is for tasks only; an event has startsAt and endsAt' });
  } else {
    if (!schedule.dueOn) errors.push({ path: 'dueOn', message: 'dueOn is required for a task' });
    if (schedule.startsAt) errors.push({ path: 'startsAt', message: 'startsAt is for events only; a task has dueOn' });
    if (schedule.endsAt) errors.push({ path: 'endsAt', message: 'endsAt is for events only; a task has dueOn' });
  }
  return { schedule, errors };
}

const toDate = (value: string | null): Date | null => (value ? new Date(value) : null);
