import { Injectable } from '@nestjs/common';
import { ConflictError } from '@comptoir/platform/kernel';
import { TenantTx } from '@comptoir/platform/database';
import { assertIsoDate } from '../company-calendar';
import { ChainHead, chainHead, lockHeadSql } from '../seal/chain-head';
import { formatNumber, periodKey } from './number-pattern';
import { AssignedNumber, AssignManyRequest, AssignRequest, SequenceReset } from './numbering.types';
import { ensureDefaultSequences } from './sequence-defaults';

interface LockedSeries {
  id: string;
  pattern: string;
  counterWidth: number;
  reset: SequenceReset;
  lastDate: string | null;
  today: string;
}

interface PeriodCount {
  key: string;
  count: number;
  lastDate: string;
}

/**
 * Legal numbers, assigned inside the validating transaction. The series row is locked (the date rule
 * spans every period of the series, so the series is the serialisation point), the counters of the
 * periods concerned are incremented and the series marked used; everything is undone with the
 * transaction: a rolled-back validation consumes no number.
 *
 * The usual case is ONE statement: an UPDATE of the series that only matches when the dates are
 * allowed (none before the series' last date, none after today) locks it and bumps the counters. When
 * it matches nothing (no series yet, or a date refused), the careful path locks the series on its own,
 * creates the default one or explains the refusal.
 */
@Injectable()
export class NumberingService {
  async assign(tx: TenantTx, req: AssignRequest): Promise<AssignedNumber> {
    const [assigned] = await this.assignMany(tx, { documentType: req.documentType, establishmentId: req.establishmentId, dates: [req.date] });
    return assigned as AssignedNumber;
  }

  async assignMany(tx: TenantTx, req: AssignManyRequest): Promise<AssignedNumber[]> {
    return (await this.take(tx, req, null)).numbers;
  }

  /**
   * assignMany, then the company's chain head locked in the same statement (SealService.numberForSealing):
   * the series is always locked first, and a validation holds the two locks for one round trip less.
   */
  async assignManyLockingHead(tx: TenantTx, req: AssignManyRequest, genesisHash: string): Promise<{ numbers: AssignedNumber[]; head: ChainHead }> {
    const { numbers, head } = await this.take(tx, req, genesisHash);
    return { numbers, head: head! };
  }

  private async take(tx: TenantTx, req: AssignManyRequest, genesisHash: string | null): Promise<{ numbers: AssignedNumber[]; head: ChainHead | null }> {
    if (!req.dates.length) return { numbers: [], head: genesisHash === null ? null : await this.lockHead(tx, genesisHash) };
    req.dates.forEach((date, i) => assertIsoDate(date, req.dates.length === 1 ? 'date' : `dates[${i}]`));
    const fast = isNonDecreasing(req.dates) ? await this.bumpIfAllowed(tx, req, genesisHash) : null;
    if (fast) return { numbers: numbersOf(fast.series, req.dates, fast.counters), head: fast.head };
    const series = await this.lockSeries(tx, req);
    assertDatesAllowed(series, req.dates);
    const counters = await this.bumpCounters(tx, series, req.dates);
    return { numbers: numbersOf(series, req.dates, counters), head: genesisHash === null ? null : await this.lockHead(tx, genesisHash) };
  }

  private async lockHead(tx: TenantTx, genesisHash: string): Promise<ChainHead> {
    const rows = (await tx.manager.query(lockHeadSql({ companyId: '$1', organizationId: '$2', genesisHash: '$3' }), [tx.ctx.companyId, tx.ctx.organizationId, genesisHash])) as {
      lastSeq: string;
      lastHash: string;
    }[];
    return chainHead(rows[0]);
  }

  /**
   * The one-statement path: locks the series by updating it, only if every date is allowed, bumps its
   * counters and (given a genesis hash) locks the chain head; null when the series does not exist yet or
   * a date is refused, and then nothing was locked. Each date comes with its period key for every
   * reset: the series' own reset picks one.
   */
  private async bumpIfAllowed(
    tx: TenantTx,
    req: AssignManyRequest,
    genesisHash: string | null,
  ): Promise<{ series: LockedSeries; counters: Map<string, number>; head: ChainHead | null } | null> {
    const first = req.dates[0]!;
    const last = req.dates[req.dates.length - 1]!;
    const head = genesisHash === null ? '' : `, head AS (${lockHeadSql({ companyId: '$2', organizationId: '$1', genesisHash: '$11' }, 'counted')})`;
    const rows = (await tx.manager.query(
      `WITH series AS (
         UPDATE number_sequences s SET last_date = $6::date, used_at = COALESCE(s.used_at, now())
           FROM companies c
          WHERE s.id = (SELECT id FROM number_sequences WHERE company_id = $2 AND document_type = $3 AND (establishment_id = $4 OR establishment_id IS NULL)
                         ORDER BY establishment_id NULLS LAST LIMIT 1)
            AND s.company_id = $2 AND c.id = s.company_id
            AND (s.last_date IS NULL OR s.last_date <= $5::date)
            AND $6::date <= (now() AT TIME ZONE c.time_zone)::date
         RETURNING s.id, s.pattern, s.counter_width AS "counterWidth", s.reset, (now() AT TIME ZONE c.time_zone)::date::text AS today
       ), periods AS (
         SELECT CASE series.reset WHEN 'never' THEN p.never WHEN 'yearly' THEN p.yearly ELSE p.monthly END AS period_key, count(*)::int AS n, max(p.date) AS last_date
           FROM series, unnest($7::date[], $8::text[], $9::text[], $10::text[]) AS p(date, never, yearly, monthly)
          GROUP BY 1
       ), counted AS (
         INSERT INTO number_counters (id, organization_id, company_id, sequence_id, period_key, last_value, last_date)
         SELECT gen_random_uuid(), $1, $2, series.id, periods.period_key, periods.n, periods.last_date FROM series, periods
         ON CONFLICT (sequence_id, period_key)
           DO UPDATE SET last_value = number_counters.last_value + excluded.last_value, last_date = excluded.last_date
         RETURNING period_key, last_value
       )${head}
       SELECT to_json(series) AS series,
              (SELECT json_object_agg(c.period_key, c.last_value - p.n + 1) FROM counted c JOIN periods p USING (period_key)) AS counters
              ${genesisHash === null ? '' : ', (SELECT to_json(head) FROM head) AS head'}
         FROM series`,
      [
        tx.ctx.organizationId,
        tx.ctx.companyId,
        req.documentType,
        req.establishmentId,
        first,
        last,
        req.dates,
        req.dates.map((d) => periodKey('never', d)),
        req.dates.map((d) => periodKey('yearly', d)),
        req.dates.map((d) => periodKey('monthly', d)),
        ...(genesisHash === null ? [] : [genesisHash]),
      ],
    )) as { series: Omit<LockedSeries, 'lastDate'>; counters: Record<string, number>; head?: { lastSeq: string; lastHash: string } }[];
    const row = rows[0];
    if (!row) return null;
    return { series: { ...row.series, lastDate: last }, counters: new Map(Object.entries(row.counters)), head: row.head ? chainHead(row.head) : null };
  }

  /** The establishment's own series when it has one, else the company's (created on first use). */
  private async lockSeries(tx: TenantTx, req: AssignManyRequest): Promise<LockedSeries> {
    const find = async () =>
      ((await tx.manager.query(
        `SELECT s.id, s.pattern, s.counter_width AS "counterWidth", s.reset, s.last_date::text AS "lastDate",
                (now() AT TIME ZONE c.time_zone)::date::text AS today
           FROM number_sequences s JOIN companies c ON c.id = s.company_id
          WHERE s.company_id = $1 AND s.document_type = $2 AND (s.establishment_id = $3 OR s.establishment_id IS NULL)
          ORDER BY s.establishment_id NULLS LAST LIMIT 1
          FOR UPDATE OF s`,
        [tx.ctx.companyId, req.documentType, req.establishmentId],
      )) as LockedSeries[])[0];
    const found = await find();
    if (found) return found;
    await ensureDefaultSequences(tx, [req.documentType]);
    return (await find()) as LockedSeries;
  }

  /** Increments the counters of the periods concerned and marks the series used; the first new value of each period. */
  private async bumpCounters(tx: TenantTx, series: LockedSeries, dates: string[]): Promise<Map<string, number>> {
    const periods = countPerPeriod(series, dates);
    const rows = (await tx.manager.query(
      `WITH counted AS (
         INSERT INTO number_counters (id, organization_id, company_id, sequence_id, period_key, last_value, last_date)
         SELECT gen_random_uuid(), $1, $2, $3, p.period_key, p.n, p.last_date
           FROM unnest($4::text[], $5::int[], $6::date[]) AS p(period_key, n, last_date)
         ON CONFLICT (sequence_id, period_key)
           DO UPDATE SET last_value = number_counters.last_value + excluded.last_value, last_date = excluded.last_date
         RETURNING period_key, last_value
       ), marked AS (
         UPDATE number_sequences SET last_date = $7, used_at = COALESCE(used_at, now()) WHERE id = $3 AND company_id = $2
       )
       SELECT period_key AS "periodKey", last_value AS "lastValue" FROM counted`,
      [
        tx.ctx.organizationId,
        tx.ctx.companyId,
        series.id,
        periods.map((p) => p.key),
        periods.map((p) => p.count),
        periods.map((p) => p.lastDate),
        dates[dates.length - 1],
      ],
    )) as { periodKey: string; lastValue: number }[];
    return new Map(rows.map((r) => [r.periodKey, Number(r.lastValue) - periods.find((p) => p.key === r.periodKey)!.count + 1]));
  }
}

function isNonDecreasing(dates: string[]): boolean {
  return dates.every((date, i) => i === 0 || dates[i - 1]! <= date);
}

/** Each date's number: the counters give the first new value of each period, dates take them in order. */
function numbersOf(series: LockedSeries, dates: string[], firstValues: Map<string, number>): AssignedNumber[] {
  const next = new Map(firstValues);
  return dates.map((date) => {
    const key = periodKey(series.reset, date);
    const counter = Number(next.get(key));
    next.set(key, counter + 1);
    return { number: formatNumber(series, date, counter), sequenceId: series.id, counter };
  });
}

function assertDatesAllowed(series: LockedSeries, dates: string[]): void {
  let last = series.lastDate;
  dates.forEach((date, i) => {
    const path = dates.length === 1 ? 'date' : `dates[${i}]`;
    if (date > series.today) {
      throw new ConflictError('date_in_future', `The document date ${date} is after today (${series.today}): a legal number cannot be given in advance`, [
        { path, message: `must not be after ${series.today}` },
      ]);
    }
    if (last && date < last) {
      throw new ConflictError(
        'date_before_last_validated',
        `The document date ${date} is before ${last}, the date of the last document numbered in series ${series.pattern}: numbers must follow dates`,
        [{ path, message: `must not be before ${last}` }],
      );
    }
    last = date;
  });
}

function countPerPeriod(series: LockedSeries, dates: string[]): PeriodCount[] {
  const periods = new Map<string, PeriodCount>();
  for (const date of dates) {
    const key = periodKey(series.reset, date);
    const period = periods.get(key) ?? { key, count: 0, lastDate: date };
    period.count += 1;
    period.lastDate = date;
    periods.set(key, period);
  }
  return [...periods.values()];
}
