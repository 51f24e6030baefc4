import { endOfMonth } from '../company-calendar';
import type { ClosingKind, DateRange } from './closing.types';

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;
const YEAR = /^\d{4}$/;

/** Whether `period` is written as its kind wants: "2026-10" for a month, "2026" for a fiscal year. */
export function isPeriodOf(kind: ClosingKind, period: string): boolean {
  return (kind === 'month' ? MONTH : YEAR).test(period);
}

export function monthRange(period: string): DateRange {
  const [year, month] = period.split('-').map(Number) as [number, number];
  return { start: `${period}-01`, end: endOfMonth(year, month) };
}

/** The fiscal year named `year`: the one that ENDS in that calendar year. */
export function fiscalYearRange(year: number, startMonth: number): DateRange {
  const startYear = startMonth === 1 ? year : year - 1;
  const endMonth = startMonth === 1 ? 12 : startMonth - 1;
  return { start: `${startYear}-${pad(startMonth)}-01`, end: endOfMonth(year, endMonth) };
}

/** The months of that fiscal year, "YYYY-MM", in order. */
export function fiscalYearMonths(year: number, startMonth: number): string[] {
  const startYear = startMonth === 1 ? year : year - 1;
  return Array.from({ length: 12 }, (_, i) => {
    const index = startMonth - 1 + i;
    return `${startYear + Math.floor(index / 12)}-${pad((index % 12) + 1)}`;
  });
}

/** Start of the fiscal year a date belongs to. */
export function fiscalYearStart(date: string, startMonth: number): string {
  const [year, month] = date.split('-').map(Number) as [number, number];
  return `${month >= startMonth ? year : year - 1}-${pad(startMonth)}-01`;
}

export function periodRange(kind: ClosingKind, period: string, startMonth: number): DateRange {
  return kind === 'month' ? monthRange(period) : fiscalYearRange(Number(period), startMonth);
}

/** "2026-10" → "2026-11". */
export function nextMonth(period: string): string {
  const [year, month] = period.split('-').map(Number) as [number, number];
  return month === 12 ? `${year + 1}-01` : `${year}-${pad(month + 1)}`;
}

const pad = (n: number) => String(n).padStart(2, '0');
