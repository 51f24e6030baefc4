export const CLOSING_KINDS = ['month', 'year'] as const;
export type ClosingKind = (typeof CLOSING_KINDS)[number];

/** The journal kinds a closing totals; credit notes count against the others. */
export const TOTALLED_KINDS = ['invoice', 'credit_note', 'deposit'] as const;
export type TotalledKind = (typeof TOTALLED_KINDS)[number];

export interface VatTotal {
  rate: string;
  category: string;
  base: string;
  amount: string;
}

/** Totals over a date range of the journal: documents counted per kind, amounts net of credit notes. */
export interface PeriodTotals {
  count: Record<TotalledKind, number>;
  net: string;
  vat: VatTotal[];
  gross: string;
}

export interface ClosingTotals {
  period: PeriodTotals;
  fiscalYearToDate: PeriodTotals;
  perpetual: PeriodTotals;
}

export interface DateRange {
  start: string;
  end: string;
}
