import { Injectable } from '@nestjs/common';
import { ConflictError } from '@comptoir/platform/kernel';
import { TenantTx } from '@comptoir/platform/database';
import { assertIsoDate } from '../company-calendar';
import { formatNumber, periodKey } from './number-pattern';
import { AssignedNumber, AssignManyRequest, AssignRequest } from './numbering.types';
import { ensureDefaultSequences } from './sequence-defaults';

interface LockedSeries {
  id: string;
  pattern: string;
  counterWidth: number;
  reset: 'never' | 'yearly' | 'monthly';
  lastDate: string | null;
  today: string;
}

/**
 * Legal numbers, assigned inside the validating transaction. The series row is locked FOR UPDATE
 * (the date rule spans every period of the series, so the series is the serialisation point), then
 * the counters of the periods concerned are incremented and the series marked used in ONE statement.
 * Everything is undone with the transaction: a rolled-back validation consumes no number.
 */
@Injectable()
export class NumberingService {
  async assign(tx: TenantTx, req: AssignRequest): Promise<AssignedNumber> {
    const [assigned] = await this.assignMany(tx, { documentType: req.documentType, establishmentId: req.establishmentId, dates: [req.date] });
    return assigned as AssignedNumber;
  }

  async assignMany(tx: TenantTx, req: AssignManyRequest): Promise<AssignedNumber[]> {
    if (!req.dates.length) return [];
    req.dates.forEach((date, i) => assertIsoDate(date, req.dates.length === 1 ? 'date' : `dates[${i}]`));
    const series = await this.lockSeries(tx, req);
    assertDatesAllowed(series, req.dates);
    const periods = countPerPeriod(series, req.dates);
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
        req.dates[req.dates.length - 1],
      ],
    )) as { periodKey: string; lastValue: number }[];
    const next = new Map(rows.map((r) => [r.periodKey, r.lastValue - (periods.find((p) => p.key === r.periodKey)?.count ?? 0) + 1]));
    return req.dates.map((date) => {
      const key = periodKey(series.reset, date);
      const counter = next.get(key) as number;
      next.set(key, counter + 1);
      return { number: formatNumber(series, date, counter), sequenceId: series.id, counter };
    });
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

interface PeriodCount {
  key: string;
  count: number;
  lastDate: string;
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
