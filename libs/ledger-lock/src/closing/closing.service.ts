import { Injectable } from '@nestjs/common';
import { ConflictError, newId, TenantContext, ValidationFailedError } from '@comptoir/platform/kernel';
import { TenantDb, TenantRepository, TenantTx } from '@comptoir/platform/database';
import { keysetPage, Page } from '@comptoir/platform/http';
import { companyCalendar } from '@comptoir/org';
import { addYears } from '../company-calendar';
import { SealService } from '../seal/seal.service';
import { fiscalYearMonths, fiscalYearStart, isPeriodOf, nextMonth, periodRange } from './closing-periods';
import { closingPayload } from './closing-payload';
import { CLOSING_RECORD_TYPE } from './closing-seal-source';
import { journalTotals } from './closing-totals';
import { ClosingKind } from './closing.types';
import { LedgerClosingEntity } from './ledger-closing.entity';

export const PERIOD_CLOSED_EVENT = 'ledger.period.closed';
const RETENTION_YEARS = 10;

/**
 * Monthly and annual closings: sequential, only for ended periods, totals computed from the sealed
 * journal and sealed in it as a 'closing' entry. The chain head is locked first, so no document can
 * be sealed into the period while its totals are computed (SealService re-checks closed periods
 * after taking the same lock).
 */
@Injectable()
export class ClosingService {
  constructor(
    private readonly db: TenantDb,
    private readonly seal: SealService,
  ) {}

  close(ctx: TenantContext, input: { kind: ClosingKind; period: string }): Promise<LedgerClosingEntity> {
    return this.db.transaction(ctx, async (tx) => {
      if (!isPeriodOf(input.kind, input.period)) {
        throw new ValidationFailedError([{ path: 'period', message: input.kind === 'month' ? 'a month is written YYYY-MM' : 'a fiscal year is written YYYY (the year it ends in)' }]);
      }
      const calendar = await companyCalendar(tx);
      const range = periodRange(input.kind, input.period, calendar.fiscalYearStartMonth);
      if (range.end >= calendar.today) throw new ConflictError('period_not_ended', `${input.period} ends on ${range.end}: only ended periods can be closed`);
      await this.seal.lockHead(tx);
      await this.assertInSequence(tx, input, calendar.fiscalYearStartMonth);
      const totals = {
        period: await journalTotals(tx, range.start, range.end),
        fiscalYearToDate: await journalTotals(tx, fiscalYearStart(range.end, calendar.fiscalYearStartMonth), range.end),
        perpetual: await journalTotals(tx, null, range.end),
      };
      const id = newId();
      const fields = { kind: input.kind, period: input.period, startDate: range.start, endDate: range.end, totals };
      const sealed = await this.seal.seal(tx, { kind: 'closing', recordType: CLOSING_RECORD_TYPE, recordId: id, recordDate: range.end, payload: closingPayload(fields) });
      const closing = await this.repo(tx).insert({
        id,
        ...fields,
        sealSeq: String(sealed.seq),
        archiveKey: `archives/${ctx.companyId}/${id}.zip`,
        retainUntil: addYears(range.end, RETENTION_YEARS),
        createdAt: new Date(),
      });
      tx.audit({ entity: 'ledger_closing', entityId: id, action: 'create', changes: { period: { from: null, to: input.period }, kind: { from: null, to: input.kind } } });
      tx.emit({ name: PERIOD_CLOSED_EVENT, aggregateType: 'ledger_closing', aggregateId: id, payload: { closingId: id, ...fields, sealSeq: sealed.seq } });
      return closing;
    });
  }

  get(ctx: TenantContext, id: string): Promise<LedgerClosingEntity> {
    return this.db.transaction(ctx, (tx) => this.repo(tx).getById(id));
  }

  list(ctx: TenantContext, query: { kind?: ClosingKind; limit?: number; cursor?: string }): Promise<Page<LedgerClosingEntity>> {
    return this.db.transaction(ctx, (tx) => {
      const qb = this.repo(tx).query('c');
      if (query.kind) qb.andWhere('c.kind = :kind', { kind: query.kind });
      return keysetPage(qb, { key: 'c.createdAt', type: 'timestamptz', descending: true, limit: query.limit ?? 50, cursor: query.cursor });
    });
  }

  private repo(tx: TenantTx): TenantRepository<LedgerClosingEntity> {
    return tx.repo(LedgerClosingEntity, 'Closing');
  }

  /** Months close one after the other; a fiscal year closes once its twelve months are closed. */
  private async assertInSequence(tx: TenantTx, input: { kind: ClosingKind; period: string }, fiscalYearStartMonth: number): Promise<void> {
    const closed = (await tx.manager.query(`SELECT kind, period FROM ledger_closings WHERE company_id = $1`, [tx.ctx.companyId])) as { kind: ClosingKind; period: string }[];
    if (closed.some((c) => c.kind === input.kind && c.period === input.period)) throw new ConflictError('already_closed', `${input.period} is already closed`);
    const months = closed.filter((c) => c.kind === 'month').map((c) => c.period).sort();
    if (input.kind === 'month') {
      const last = months[months.length - 1];
      if (last && input.period !== nextMonth(last)) {
        throw new ConflictError('closing_out_of_sequence', `The last closed month is ${last}: the next one to close is ${nextMonth(last)}`);
      }
      return;
    }
    const missing = fiscalYearMonths(Number(input.period), fiscalYearStartMonth).filter((month) => !months.includes(month));
    if (missing.length) throw new ConflictError('closing_out_of_sequence', `Fiscal year ${input.period} needs every month closed first; still open: ${missing.join(', ')}`);
  }
}
