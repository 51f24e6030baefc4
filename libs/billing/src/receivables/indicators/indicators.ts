import { Dec, toDecimalString } from '@comptoir/platform/kernel';
import type { AgedReceivables } from '../aged/aged-receivables.query';
import { DSO_WINDOW_DAYS } from './sales-window.query';

export interface BalanceIndicators {
  receivables: string;
  /** Every bucket but not_due. */
  overdue: string;
  /** receivables ÷ sales of the window × window days, one decimal; null without sales in the window. */
  dsoDays: number | null;
  /** Share (%) of the receivables held by the 10 largest customer balances, two decimals; null when nothing is owed. */
  top10Concentration: string | null;
}

export const TOP_CUSTOMERS = 10;

/** DSO, overdue total and concentration from an aged balance and the sales of the DSO window. Pure. */
export function balanceIndicators(aged: AgedReceivables, sales: string): BalanceIndicators {
  const total = new Dec(aged.total);
  const overdue = aged.buckets.filter((b) => b.key !== 'not_due').reduce((s, b) => s.plus(b.amount), new Dec(0));
  const salesAmount = new Dec(sales);
  const top = aged.customers
    .map((c) => new Dec(c.total))
    .sort((a, b) => b.comparedTo(a))
    .slice(0, TOP_CUSTOMERS)
    .reduce((s, v) => s.plus(v), new Dec(0));
  return {
    receivables: toDecimalString(total),
    overdue: toDecimalString(overdue),
    // A day count, not money: rounded with decimal.js, then handed over as the number clients chart.
    dsoDays: salesAmount.gt(0) ? total.dividedBy(salesAmount).times(DSO_WINDOW_DAYS).toDecimalPlaces(1).toNumber() : null,
    top10Concentration: total.gt(0) ? toDecimalString(top.dividedBy(total).times(100)) : null,
  };
}
