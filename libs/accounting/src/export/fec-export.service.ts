import type { Writable } from 'node:stream';
import { Injectable } from '@nestjs/common';
import { fiscalYearRange } from '@comptoir/ledger-lock';
import { NotFoundError, TenantContext } from '@comptoir/platform/kernel';
import { TenantDb, TenantTx } from '@comptoir/platform/database';
import { AccountPlan } from '../fec/account-plan';
import { bankEntry } from '../fec/bank-entry';
import { encodeLatin9, fecFileName } from '../fec/fec-format';
import { entryRecords, FEC_HEADER, JournalSequence } from '../fec/fec-lines';
import type { JournalEntry } from '../fec/journal-entry';
import { saleEntry } from '../fec/sales-entry';
import { AccountingSettingsService } from '../settings/accounting-settings.service';
import { BankRow, movementOf, saleOf, SaleRow } from './fec-rows';
import { bankCursor, SALES_CURSOR } from './fec-queries';

/** Rows fetched per round trip: large enough to amortise it, small enough to keep memory flat. */
const PAGE = 2000;

/**
 * Settings local to the export's transaction: JIT compiled the long cursor queries for longer than it
 * saved on them, and the sorts of the year's documents and movements spilled to disk with the default
 * 4 MB of work_mem (measured at 1,000,000 invoices).
 */
const SESSION = `SELECT set_config('jit', 'off', true), set_config('work_mem', '64MB', true)`;

export interface FecExportSummary {
  fileName: string;
  lines: number;
  salesEntries: number;
  bankEntries: number;
}

/**
 * The FEC of the sales journal (VT) and the bank journal (BQ) of a company's fiscal year, streamed:
 * two server-side cursors read a page at a time, each page is turned into entries, encoded and written
 * before the next is fetched (waiting for the destination to drain), so memory stays flat whatever the
 * size of the year. Callable with any Writable: the HTTP response, a file (the benchmark).
 */
@Injectable()
export class FecExportService {
  constructor(
    private readonly db: TenantDb,
    private readonly settings: AccountingSettingsService,
  ) {}

  /** The file name, read before the download starts (a bad year or company fails as a problem, not a cut stream). */
  fileName(ctx: TenantContext, fiscalYear: number): Promise<string> {
    return this.db.transaction(ctx, async (tx) => {
      const company = await companyOf(tx);
      return fecFileName(company.siren, fiscalYearRange(fiscalYear, company.fiscalYearStartMonth).end);
    });
  }

  /** Writes the whole file into `out` (which it does not end) inside one read transaction. */
  write(ctx: TenantContext, fiscalYear: number, out: Writable): Promise<FecExportSummary> {
    return this.db.transaction(ctx, async (tx) => {
      const company = await companyOf(tx);
      const range = fiscalYearRange(fiscalYear, company.fiscalYearStartMonth);
      const settings = await this.settings.effective(tx);
      const plan = new AccountPlan(settings);
      const params = [ctx.companyId, range.start, range.end, company.timeZone];
      await tx.manager.query(SESSION);
      // Both cursors are opened before the first page is read, on the same state of the books.
      await tx.manager.query(`DECLARE fec_sales NO SCROLL CURSOR FOR ${SALES_CURSOR}`, params);
      await tx.manager.query(`DECLARE fec_bank NO SCROLL CURSOR FOR ${bankCursor(settings.vatRegime === 'receipts')}`, params);
      const summary = { fileName: fecFileName(company.siren, range.end), lines: 0, salesEntries: 0, bankEntries: 0 };
      await send(out, FEC_HEADER);
      const firstSales = fetchPage<SaleRow>(tx, 'fec_sales');
      // Queued right behind it: the database sorts the bank movements while the first sales page is formatted.
      const firstBank = fetchPage<BankRow>(tx, 'fec_bank');
      const sales = new JournalSequence(settings.salesJournal);
      summary.lines += await drain(tx, 'fec_sales', firstSales, out, sales, (row) => saleEntry(saleOf(row), plan));
      const bank = new JournalSequence(settings.bankJournal);
      summary.lines += await drain(tx, 'fec_bank', firstBank, out, bank, (row) => bankEntry(movementOf(row, plan), plan));
      return { ...summary, salesEntries: sales.entries, bankEntries: bank.entries };
    });
  }
}

/**
 * Writes the cursor's pages' entries, the first page being `first`; returns the number of FEC lines
 * written. The next page is requested before the current one is formatted, so the database reads it
 * while this process builds and encodes entries (one page ahead: at most three pages in memory, with
 * the bank cursor's first page waiting during the sales journal).
 */
async function drain<Row>(tx: TenantTx, cursor: string, first: Promise<Row[]>, out: Writable, sequence: JournalSequence, toEntry: (row: Row) => JournalEntry | null): Promise<number> {
  let lines = 0;
  let next = first;
  for (;;) {
    const rows = await next;
    const more = rows.length === PAGE;
    if (more) next = fetchPage<Row>(tx, cursor);
    if (out.destroyed) throw new Error('The FEC destination was closed before the end of the export');
    let chunk = '';
    for (const row of rows) {
      const entry = toEntry(row);
      if (!entry) continue;
      chunk += entryRecords(sequence, entry);
      lines += entry.lines.length;
    }
    if (chunk) await send(out, chunk);
    if (!more) return lines;
  }
}

/** Requests the next page; the connection runs queued requests in order. */
function fetchPage<Row>(tx: TenantTx, cursor: string): Promise<Row[]> {
  const rows = tx.manager.query(`FETCH ${PAGE} FROM ${cursor}`) as Promise<Row[]>;
  // `drain` awaits it (and fails with it); a page left requested by an earlier failure must not be reported as unhandled.
  rows.catch(() => undefined);
  return rows;
}

async function send(out: Writable, text: string): Promise<void> {
  if (!out.write(encodeLatin9(text))) await drained(out);
}

/** Resolves once `out` can take more, or is closed (a client that went away never drains: the next page sees it destroyed). */
function drained(out: Writable): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      out.off('drain', done);
      out.off('close', done);
      resolve();
    };
    out.on('drain', done);
    out.on('close', done);
  });
}

interface CompanyRow {
  siren: string;
  fiscalYearStartMonth: number;
  timeZone: string;
}

async function companyOf(tx: TenantTx): Promise<CompanyRow> {
  const [company] = (await tx.manager.query(`SELECT siren, fiscal_year_start_month AS "fiscalYearStartMonth", time_zone AS "timeZone" FROM companies WHERE id = $1`, [tx.ctx.companyId])) as CompanyRow[];
  if (!company) throw new NotFoundError('Company');
  return company;
}
