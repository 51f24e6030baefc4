import { Injectable } from '@nestjs/common';
import { companyCalendar } from '@comptoir/org';
import { TenantDb } from '@comptoir/platform/database';
import { TenantContext } from '@comptoir/platform/kernel';
import { companyCurrency } from '../aged/aged-receivables.query';
import { CashFlowSourceRegistry } from './cash-flow-source.registry';
import { CashFlowForecast, forecastTable, forecastWindow } from './forecast-table';

/** The next 12 months of expected receipts and payments, from every registered source. */
@Injectable()
export class CashFlowForecastService {
  constructor(
    private readonly db: TenantDb,
    private readonly registry: CashFlowSourceRegistry,
  ) {}

  forecast(ctx: TenantContext, from?: string): Promise<CashFlowForecast> {
    return this.db.transaction(ctx, async (tx) => {
      const start = from ?? (await companyCalendar(tx)).today;
      const { window, months } = forecastWindow(start);
      const flows = [];
      for (const source of this.registry.all()) flows.push({ key: source.key, direction: source.direction, flows: await source.expected(tx, window) });
      return forecastTable(start, await companyCurrency(tx), months, flows);
    });
  }
}
