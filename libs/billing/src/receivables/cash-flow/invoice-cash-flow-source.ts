import { Injectable, OnModuleInit } from '@nestjs/common';
import { companyCalendar } from '@comptoir/org';
import { TenantTx } from '@comptoir/platform/database';
import { openInstallmentsCte, reportQuery } from '../aged/open-installments.sql';
import { CashFlowSource, CashFlowWindow, ExpectedFlow } from './cash-flow-source';
import { CashFlowSourceRegistry } from './cash-flow-source.registry';

/**
 * Receipts expected from the open installments of invoices and deposit invoices as of the window's
 * start (the same open amounts as the aged balance), summed per month of their due date; installments
 * already due before the start are overdue.
 */
@Injectable()
export class InvoiceCashFlowSource implements CashFlowSource, OnModuleInit {
  readonly key = 'invoices';
  readonly direction = 'in' as const;

  constructor(private readonly registry: CashFlowSourceRegistry) {}

  onModuleInit(): void {
    this.registry.register(this);
  }

  async expected(tx: TenantTx, window: CashFlowWindow): Promise<ExpectedFlow[]> {
    const { today } = await companyCalendar(tx);
    const cte = openInstallmentsCte(tx.ctx.companyId, { asOf: window.from, today: window.from === today });
    const params = [...cte.params, window.until];
    return reportQuery<ExpectedFlow>(tx, {
      text: `${cte.text}
       SELECT CASE WHEN due_date < $2::date THEN NULL ELSE to_char(due_date, 'YYYY-MM') END AS month, sum(open)::numeric(19,2)::text AS amount
         FROM open_installment WHERE due_date < $${params.length}::date
        GROUP BY 1`,
      params,
    });
  }
}
