import type { TenantTx } from '@comptoir/platform/database';

/** `in`: expected receipts; `out`: expected payments (supplier invoices, when they land). */
export type CashFlowDirection = 'in' | 'out';

/** The window of a forecast: months from `from`'s month, amounts due before `from` are overdue. */
export interface CashFlowWindow {
  /** YYYY-MM-DD, the first day counted (today by default). */
  from: string;
  /** YYYY-MM-DD, exclusive: the first day of the month after the last month of the forecast. */
  until: string;
}

/** An amount expected in a month (YYYY-MM), or already overdue at `from` (`month` null). */
export interface ExpectedFlow {
  month: string | null;
  amount: string;
}

/**
 * A port of the cash-flow forecast: anything that knows money expected in or out by date. Invoices
 * register one now; contracts (their future invoices) and supplier invoices register theirs later,
 * without the forecast changing.
 */
export interface CashFlowSource {
  /** Stable key shown in the response (`invoices`, `contracts`, `supplier_invoices`…). */
  readonly key: string;
  readonly direction: CashFlowDirection;
  /** Expected amounts, summed per month of the window (and overdue), in the caller's transaction. */
  expected(tx: TenantTx, window: CashFlowWindow): Promise<ExpectedFlow[]>;
}
