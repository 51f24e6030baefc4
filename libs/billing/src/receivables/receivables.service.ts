import { Injectable } from '@nestjs/common';
import { companyCalendar } from '@comptoir/org';
import { TenantDb, TenantTx } from '@comptoir/platform/database';
import { TenantContext } from '@comptoir/platform/kernel';
import { AgedReceivables, agedReceivables, OpenInstallmentRow, openInstallmentRows } from './aged/aged-receivables.query';
import { AgingBucket } from './aged/aging-buckets';
import { ReceivablesScope } from './aged/open-installments.sql';
import { agedReceivablesCsv } from './export/aged-receivables-csv';
import { agedReceivablesXlsx } from './export/aged-receivables-xlsx';
import { BalanceIndicators, balanceIndicators } from './indicators/indicators';
import { CustomerPaymentDelay, paymentDelays } from './indicators/payment-delay.query';
import { salesOfWindow } from './indicators/sales-window.query';

export interface ReceivablesFilter {
  asOf?: string | undefined;
  establishmentId?: string | undefined;
  sectorId?: string | undefined;
  accountId?: string | undefined;
}

export type ReceivablesIndicators = BalanceIndicators & { asOf: string; currency: string; sales90Days: string; paymentDelays: CustomerPaymentDelay[] };

export type ExportFormat = 'csv' | 'xlsx';
export interface ExportFile {
  bytes: Buffer;
  contentType: string;
  filename: string;
}

/** Aged receivables, their drill-down, exports and indicators, each read in one transaction. */
@Injectable()
export class ReceivablesService {
  constructor(private readonly db: TenantDb) {}

  aged(ctx: TenantContext, filter: ReceivablesFilter): Promise<AgedReceivables> {
    return this.db.transaction(ctx, async (tx) => agedReceivables(tx, await scopeOf(tx, filter)));
  }

  openInstallments(ctx: TenantContext, filter: ReceivablesFilter & { accountId: string }, bucket?: AgingBucket): Promise<{ asOf: string; data: OpenInstallmentRow[] }> {
    return this.db.transaction(ctx, async (tx) => {
      const scope = await scopeOf(tx, filter);
      return { asOf: scope.asOf, data: await openInstallmentRows(tx, scope, bucket) };
    });
  }

  async export(ctx: TenantContext, filter: ReceivablesFilter, format: ExportFormat): Promise<ExportFile> {
    const report = await this.aged(ctx, filter);
    const filename = `balance-agee-${report.asOf}.${format}`;
    return format === 'csv'
      ? { bytes: Buffer.from(agedReceivablesCsv(report), 'utf8'), contentType: 'text/csv; charset=utf-8', filename }
      : { bytes: await agedReceivablesXlsx(report), contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', filename };
  }

  indicators(ctx: TenantContext, asOf?: string): Promise<ReceivablesIndicators> {
    return this.db.transaction(ctx, async (tx) => {
      const scope = await scopeOf(tx, { asOf });
      const report = await agedReceivables(tx, scope);
      const sales = await salesOfWindow(tx, scope.asOf);
      return { asOf: scope.asOf, currency: report.currency, ...balanceIndicators(report, sales), sales90Days: sales, paymentDelays: await paymentDelays(tx, scope.asOf) };
    });
  }
}

/**
 * The as-of date (default: the company's today, which takes the fast path) and the filters. A filter
 * naming something the company does not have selects nothing, as a list filter does: the report is
 * empty, never a 404 that would confirm or deny the id.
 */
async function scopeOf(tx: TenantTx, filter: ReceivablesFilter): Promise<ReceivablesScope> {
  const { today } = await companyCalendar(tx);
  const asOf = filter.asOf ?? today;
  return { asOf, today: asOf === today, establishmentId: filter.establishmentId, sectorId: filter.sectorId, accountId: filter.accountId };
}
