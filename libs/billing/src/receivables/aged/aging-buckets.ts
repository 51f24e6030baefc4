/** The ageing buckets of API.md, by days overdue at the as-of date (not due = due on or after it). */
export const AGING_BUCKETS = ['not_due', '1_30', '31_60', '61_90', 'over_90'] as const;
export type AgingBucket = (typeof AGING_BUCKETS)[number];

/** Upper bound (days overdue, inclusive) of each bucket but the last. */
const BOUNDS: readonly [AgingBucket, number][] = [
  ['not_due', 0],
  ['1_30', 30],
  ['31_60', 60],
  ['61_90', 90],
];

export function bucketOf(daysOverdue: number): AgingBucket {
  return BOUNDS.find(([, bound]) => daysOverdue <= bound)?.[0] ?? 'over_90';
}

/** The same rule as a SQL CASE over an integer expression of days overdue. */
export function bucketSql(days: string): string {
  return `CASE ${BOUNDS.map(([key, bound]) => `WHEN ${days} <= ${bound} THEN '${key}'`).join(' ')} ELSE 'over_90' END`;
}
