import { SelectQueryBuilder } from 'typeorm';
import { ValidationFailedError } from '@comptoir/platform/kernel';
import { TenantTx } from '@comptoir/platform/database';
import { Page } from '@comptoir/platform/http';
import { keysetPage } from '@comptoir/platform/http';
import { ActivityCountRow } from './activity-stats';
import { ActivityEntity } from './activity.entity';
import { ListAccountActivitiesQuery, ListActivitiesQuery } from './dto/list-activities.query';

/** A period as the agenda uses it: instants for events, calendar days (end exclusive) for tasks. */
export interface AgendaRange {
  fromInstant: Date | null;
  toInstant: Date | null;
  fromDate: string | null;
  toDate: string | null;
}

/** The company's time zone: calendar dates (task due dates, date-only bounds) are read in it. */
export async function companyTimeZone(tx: TenantTx): Promise<string> {
  const [row] = (await tx.manager.query(`SELECT time_zone FROM companies WHERE id = $1`, [tx.ctx.companyId])) as { time_zone: string }[];
  return row?.time_zone ?? 'Europe/Paris';
}

/**
 * Resolves the bounds in PostgreSQL, which knows the time zones: a date means its midnight in the
 * company's zone; a task's due day is in the range when that day meets it, so an end instant inside a
 * day keeps the day.
 */
export async function resolveRange(tx: TenantTx, timeZone: string, from: string | undefined, to: string | undefined): Promise<AgendaRange> {
  const bound = (n: number) =>
    `CASE WHEN $${n}::text IS NULL THEN NULL::timestamptz
          WHEN $${n}::text ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}$' THEN CAST($${n}::text AS date)::timestamp AT TIME ZONE $3::text
          ELSE CAST($${n}::text AS timestamptz) END`;
  const [row] = (await tx.manager.query(
    `WITH b AS (SELECT ${bound(1)} AS f, ${bound(2)} AS t), l AS (SELECT f, t, t AT TIME ZONE $3::text AS lt FROM b)
     SELECT f, t, CAST(CAST(f AT TIME ZONE $3::text AS date) AS text) AS from_date,
            CAST(CASE WHEN lt = date_trunc('day', lt) THEN CAST(lt AS date) ELSE CAST(lt AS date) + 1 END AS text) AS to_date
     FROM l`,
    [from ?? null, to ?? null, timeZone],
  )) as { f: Date | null; t: Date | null; from_date: string | null; to_date: string | null }[];
  const range: AgendaRange = { fromInstant: row?.f ?? null, toInstant: row?.t ?? null, fromDate: row?.from_date ?? null, toDate: row?.to_date ?? null };
  if (range.fromInstant && range.toInstant && range.toInstant.getTime() <= range.fromInstant.getTime()) {
    throw new ValidationFailedError([{ path: 'to', message: 'to must be after from' }]);
  }
  return range;
}

/** Events overlapping [from, to) (an event without an end is an instant), tasks due on a day of the range. */
function whereInRange(qb: SelectQueryBuilder<ActivityEntity>, range: AgendaRange): void {
  const events = [`a.kind = 'event'`];
  const tasks = [`a.kind = 'task'`];
  if (range.fromInstant) {
    events.push('(a.endsAt > :fromInstant OR (a.endsAt IS NULL AND a.startsAt >= :fromInstant))');
    tasks.push('a.dueOn >= CAST(:fromDate AS date)');
  }
  if (range.toInstant) {
    events.push('a.startsAt < :toInstant');
    tasks.push('a.dueOn < CAST(:toDate AS date)');
  }
  if (events.length === 1) return;
  qb.andWhere(`((${events.join(' AND ')}) OR (${tasks.join(' AND ')}))`, range);
}

/** The agenda: filtered, in the range, chronological by default, keyset-paged. `qb` is tenant-scoped, alias `a`. */
export function listAgenda(qb: SelectQueryBuilder<ActivityEntity>, query: ListActivitiesQuery, range: AgendaRange, timeZone: string): Promise<Page<ActivityEntity>> {
  if (query.userId) qb.andWhere('a.userId = :userId', { userId: query.userId });
  if (query.accountId) qb.andWhere('a.accountId = :accountId', { accountId: query.accountId });
  if (query.contactId) qb.andWhere('a.contactId = :contactId', { contactId: query.contactId });
  if (query.kind) qb.andWhere('a.kind = :kind', { kind: query.kind });
  if (query.type) qb.andWhere('a.type = :type', { type: query.type });
  else qb.andWhere(`a.type <> 'system'`);
  if (query.done === true) qb.andWhere('a.doneAt IS NOT NULL');
  if (query.done === false) qb.andWhere('a.doneAt IS NULL');
  if (query.updatedSince) qb.andWhere('a.updatedAt >= :updatedSince', { updatedSince: new Date(query.updatedSince) });
  whereInRange(qb, range);
  const sort = query.sort ?? 'at';
  const key = sort.replace('-', '') === 'at' ? `COALESCE(a.startsAt, CAST(a.dueOn AS timestamp) AT TIME ZONE :agendaTimeZone)` : 'a.updatedAt';
  qb.setParameter('agendaTimeZone', timeZone);
  return keysetPage(qb, { key, type: 'timestamptz', descending: sort.startsWith('-'), limit: query.limit ?? 50, cursor: query.cursor });
}

/** An account's timeline (its activities and Comptoir's system entries), newest first. */
export function listTimeline(qb: SelectQueryBuilder<ActivityEntity>, accountId: string, query: ListAccountActivitiesQuery): Promise<Page<ActivityEntity>> {
  qb.andWhere('a.accountId = :accountId', { accountId });
  if (query.kind) qb.andWhere('a.kind = :kind', { kind: query.kind });
  if (query.type) qb.andWhere('a.type = :type', { type: query.type });
  if (query.updatedSince) qb.andWhere('a.updatedAt >= :updatedSince', { updatedSince: new Date(query.updatedSince) });
  return keysetPage(qb, { key: 'a.createdAt', type: 'timestamptz', descending: true, limit: query.limit ?? 50, cursor: query.cursor });
}

/** Counts of the users' activities in the range, grouped by kind and type (system entries left out). */
export async function countActivities(qb: SelectQueryBuilder<ActivityEntity>, range: AgendaRange, filter: { userId?: string; accountId?: string }): Promise<ActivityCountRow[]> {
  qb.andWhere(`a.type <> 'system'`);
  if (filter.userId) qb.andWhere('a.userId = :userId', { userId: filter.userId });
  if (filter.accountId) qb.andWhere('a.accountId = :accountId', { accountId: filter.accountId });
  whereInRange(qb, range);
  const rows = await qb
    .select('a.kind', 'kind')
    .addSelect('a.type', 'type')
    .addSelect('CAST(COUNT(*) AS int)', 'count')
    .addSelect('CAST(COUNT(a.doneAt) AS int)', 'done')
    .groupBy('a.kind')
    .addGroupBy('a.type')
    .getRawMany<ActivityCountRow>();
  return rows.map((r) => ({ kind: r.kind, type: r.type, count: Number(r.count), done: Number(r.done) }));
}
