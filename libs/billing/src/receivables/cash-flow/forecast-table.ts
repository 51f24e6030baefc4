import { Dec, toDecimalString } from '@comptoir/platform/kernel';
import { CashFlowDirection, CashFlowWindow, ExpectedFlow } from './cash-flow-source';

export const FORECAST_MONTHS = 12;

export interface ForecastMonth {
  /** YYYY-MM */
  month: string;
  receipts: string;
  payments: string;
  /** receipts − payments */
  net: string;
}

export interface SourceFlows {
  key: string;
  direction: CashFlowDirection;
  overdue: string;
  months: { month: string; amount: string }[];
}

export interface CashFlowForecast {
  from: string;
  currency: string;
  /**
   * Amounts already due before `from` and still open, kept out of the months: when (and whether) they
   * come in is unknown, and folding them into the first month would make it look like a sure thing.
   */
  overdue: { receipts: string; payments: string };
  months: ForecastMonth[];
  sources: SourceFlows[];
}

const monthKey = (year: number, month: number) => `${year}-${String(month).padStart(2, '0')}`;

/** The 12 calendar months starting with `from`'s, and the window they cover. Pure. */
export function forecastWindow(from: string): { window: CashFlowWindow; months: string[] } {
  const [year, month] = from.split('-').map(Number) as [number, number];
  const months = Array.from({ length: FORECAST_MONTHS + 1 }, (_, i) => monthKey(year + Math.floor((month - 1 + i) / 12), ((month - 1 + i) % 12) + 1));
  return { window: { from, until: `${months.pop()!}-01` }, months };
}

/** Sums the sources' flows into the month table (receipts, payments, net) and per-source lines. Pure. */
export function forecastTable(from: string, currency: string, months: string[], flows: { key: string; direction: CashFlowDirection; flows: ExpectedFlow[] }[]): CashFlowForecast {
  const zero = () => new Map(months.map((m) => [m, new Dec(0)]));
  const totals = { in: { overdue: new Dec(0), months: zero() }, out: { overdue: new Dec(0), months: zero() } };
  const sources = flows.map(({ key, direction, flows: expected }) => {
    let overdue = new Dec(0);
    const perMonth = zero();
    for (const flow of expected) {
      if (flow.month === null) overdue = overdue.plus(flow.amount);
      else if (perMonth.has(flow.month)) perMonth.set(flow.month, perMonth.get(flow.month)!.plus(flow.amount));
    }
    totals[direction].overdue = totals[direction].overdue.plus(overdue);
    for (const [m, amount] of perMonth) totals[direction].months.set(m, totals[direction].months.get(m)!.plus(amount));
    return { key, direction, overdue: toDecimalString(overdue), months: months.map((month) => ({ month, amount: toDecimalString(perMonth.get(month)!) })) };
  });
  return {
    from,
    currency,
    overdue: { receipts: toDecimalString(totals.in.overdue), payments: toDecimalString(totals.out.overdue) },
    months: months.map((month) => {
      const receipts = totals.in.months.get(month)!;
      const payments = totals.out.months.get(month)!;
      return { month, receipts: toDecimalString(receipts), payments: toDecimalString(payments), net: toDecimalString(receipts.minus(payments)) };
    }),
    sources,
  };
}
