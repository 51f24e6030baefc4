import { ActivitySchedule, resolveSchedule } from './activity-schedule';

const event: ActivitySchedule = { kind: 'event', startsAt: new Date('2026-11-23T09:00:00Z'), endsAt: new Date('2026-11-23T10:00:00Z'), dueOn: null, doneAt: null };
const task: ActivitySchedule = { kind: 'task', startsAt: null, endsAt: null, dueOn: '2026-11-25', doneAt: new Date('2026-11-24T08:00:00Z') };

describe('resolveSchedule', () => {
  it('accepts an event with a start and an end after it, or with no end', () => {
    expect(resolveSchedule(null, { kind: 'event', startsAt: '2026-11-23T09:00:00+01:00', endsAt: '2026-11-23T10:00:00+01:00' }).errors).toEqual([]);
    const open = resolveSchedule(null, { kind: 'event', startsAt: '2026-11-23T09:00:00+01:00' });
    expect(open.errors).toEqual([]);
    expect(open.schedule).toEqual({ kind: 'event', startsAt: new Date('2026-11-23T08:00:00Z'), endsAt: null, dueOn: null, doneAt: null });
  });

  it('refuses an event without a start, ending at or before its start, or carrying a due date', () => {
    expect(resolveSchedule(null, { kind: 'event' }).errors.map((e) => e.path)).toEqual(['startsAt']);
    expect(resolveSchedule(null, { kind: 'event', startsAt: '2026-11-23T09:00:00Z', endsAt: '2026-11-23T09:00:00Z' }).errors.map((e) => e.path)).toEqual(['endsAt']);
    expect(resolveSchedule(null, { kind: 'event', startsAt: '2026-11-23T09:00:00Z', endsAt: '2026-11-23T10:00:00+02:00' }).errors.map((e) => e.path)).toEqual(['endsAt']);
    expect(resolveSchedule(null, { kind: 'event', startsAt: '2026-11-23T09:00:00Z', dueOn: '2026-11-23' }).errors.map((e) => e.path)).toEqual(['dueOn']);
  });

  it('requires a due date for a task and refuses event times on it', () => {
    expect(resolveSchedule(null, { kind: 'task', dueOn: '2026-11-30' }).errors).toEqual([]);
    expect(resolveSchedule(null, { kind: 'task' }).errors.map((e) => e.path)).toEqual(['dueOn']);
    expect(resolveSchedule(null, { kind: 'task', dueOn: '2026-11-30', startsAt: '2026-11-23T09:00:00Z', endsAt: '2026-11-23T10:00:00Z' }).errors.map((e) => e.path)).toEqual([
      'startsAt',
      'endsAt',
    ]);
  });

  it('merges an update into the current schedule: undefined keeps, null clears', () => {
    expect(resolveSchedule(event, { endsAt: null }).schedule).toEqual({ ...event, endsAt: null });
    expect(resolveSchedule(event, { startsAt: '2026-11-23T09:30:00Z' }).errors).toEqual([]);
    expect(resolveSchedule(event, { startsAt: '2026-11-23T11:00:00Z' }).errors.map((e) => e.path)).toEqual(['endsAt']);
    expect(resolveSchedule(event, { startsAt: null }).errors.map((e) => e.path)).toEqual(['startsAt']);
    expect(resolveSchedule(task, { dueOn: '2026-12-01' }).schedule).toEqual({ ...task, dueOn: '2026-12-01' });
  });

  it('drops the former kind’s fields when the kind changes, and needs the new kind’s own', () => {
    expect(resolveSchedule(event, { kind: 'task', dueOn: '2026-11-30' })).toEqual({
      schedule: { kind: 'task', startsAt: null, endsAt: null, dueOn: '2026-11-30', doneAt: null },
      errors: [],
    });
    expect(resolveSchedule(event, { kind: 'task' }).errors.map((e) => e.path)).toEqual(['dueOn']);
    expect(resolveSchedule(task, { kind: 'event', startsAt: '2026-11-23T09:00:00Z' })).toEqual({
      schedule: { kind: 'event', startsAt: new Date('2026-11-23T09:00:00Z'), endsAt: null, dueOn: null, doneAt: null },
      errors: [],
    });
    expect(resolveSchedule(task, { kind: 'task' }).schedule).toEqual(task);
  });
});
