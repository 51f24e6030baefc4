import { buildActivityStats } from './activity-stats';

describe('buildActivityStats', () => {
  it('lists every kind and user type with zeros when there is nothing', () => {
    const stats = buildActivityStats([]);
    expect(stats.total).toBe(0);
    expect(stats.byKind).toEqual([
      { kind: 'event', count: 0, done: 0 },
      { kind: 'task', count: 0, done: 0 },
    ]);
    expect(stats.byType.map((t) => t.type)).toEqual(['meeting', 'call', 'visit', 'email', 'quote_follow_up', 'note', 'other']);
    expect(stats.byType.every((t) => t.count === 0 && t.events === 0 && t.tasks === 0)).toBe(true);
  });

  it('sums groups by kind and by type, splitting each type into events and tasks', () => {
    const stats = buildActivityStats([
      { kind: 'event', type: 'call', count: 3, done: 0 },
      { kind: 'task', type: 'call', count: 2, done: 1 },
      { kind: 'event', type: 'meeting', count: 4, done: 0 },
      { kind: 'task', type: 'quote_follow_up', count: 5, done: 2 },
    ]);
    expect(stats.total).toBe(14);
    expect(stats.byKind).toEqual([
      { kind: 'event', count: 7, done: 0 },
      { kind: 'task', count: 7, done: 3 },
    ]);
    expect(stats.byType.find((t) => t.type === 'call')).toEqual({ type: 'call', count: 5, events: 3, tasks: 2 });
    expect(stats.byType.find((t) => t.type === 'quote_follow_up')).toEqual({ type: 'quote_follow_up', count: 5, events: 0, tasks: 5 });
    expect(stats.byType.find((t) => t.type === 'visit')).toEqual({ type: 'visit', count: 0, events: 0, tasks: 0 });
  });

  it('keeps a type outside the user list (system) rather than losing its count', () => {
    const stats = buildActivityStats([{ kind: 'event', type: 'system', count: 2, done: 0 }]);
    expect(stats.total).toBe(2);
    expect(stats.byType.at(-1)).toEqual({ type: 'system', count: 2, events: 2, tasks: 0 });
  });
});
