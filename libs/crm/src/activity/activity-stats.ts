import { ACTIVITY_KINDS, ActivityKind, ActivityType, USER_ACTIVITY_TYPES } from './activity.entity';

/** One group of the statistics query: how many activities of a kind and type, and how many of them are done. */
export interface ActivityCountRow {
  kind: ActivityKind;
  type: ActivityType;
  count: number;
  done: number;
}

export interface ActivityStats {
  total: number;
  byKind: { kind: ActivityKind; count: number; done: number }[];
  byType: { type: ActivityType; count: number; events: number; tasks: number }[];
}

/**
 * Folds grouped counts into totals by kind and by type. Every kind and every user-facing type is
 * listed, with zeros where nothing happened, so charts keep the same series from one period to the next.
 */
export function buildActivityStats(rows: readonly ActivityCountRow[]): ActivityStats {
  const byKind = ACTIVITY_KINDS.map((kind) => ({ kind, count: 0, done: 0 }));
  const byType = USER_ACTIVITY_TYPES.map((type) => ({ type: type as ActivityType, count: 0, events: 0, tasks: 0 }));
  let total = 0;
  for (const row of rows) {
    const k = byKind.find((x) => x.kind === row.kind);
    let t = byType.find((x) => x.type === row.type);
    if (!k) continue;
    if (!t) {
      t = { type: row.type, count: 0, events: 0, tasks: 0 };
      byType.push(t);
    }
    total += row.count;
    k.count += row.count;
    k.done += row.done;
    t.count += row.count;
    if (row.kind === 'event') t.events += row.count;
    else t.tasks += row.count;
  }
  return { total, byKind, byType };
}
