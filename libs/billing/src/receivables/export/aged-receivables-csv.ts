import type { AgedReceivables } from '../aged/aged-receivables.query';
import { AGING_BUCKETS, AgingBucket } from '../aged/aging-buckets';

/** Column titles of the exports, in French: the file goes to French bookkeepers. */
export const BUCKET_TITLES: Record<AgingBucket, string> = {
  not_due: 'Non échu',
  '1_30': '1 à 30 jours',
  '31_60': '31 à 60 jours',
  '61_90': '61 à 90 jours',
  over_90: 'Plus de 90 jours',
};
export const HEADER = ['Client', ...AGING_BUCKETS.map((b) => BUCKET_TITLES[b]), 'Total'];
export const TOTAL_LABEL = 'Total';

/** BOM: without it, Excel opens UTF-8 as Windows-1252 and mangles every accent. */
const BOM = '\uFEFF';

/** "1234.50" → "1234,50": French Excel reads the decimal comma as a number, the point as text. */
export const frenchDecimal = (amount: string) => amount.replace('.', ',');

/** Quotes a field holding the separator, a quote or a line break (RFC 4180), doubling inner quotes. */
function field(value: string): string {
  return /[";\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/**
 * Rows as the CSV French Excel opens by double-click: UTF-8 with a BOM, `;` as separator (the list
 * separator of the French locale, since `,` is its decimal mark), CRLF line ends. Amounts go through
 * frenchDecimal first (decimal comma, no thousands separator).
 */
export function frenchExcelCsv(rows: readonly (readonly string[])[]): string {
  return BOM + rows.map((row) => row.map(field).join(';')).join('\r\n') + '\r\n';
}

/** The aged balance for French Excel (see frenchExcelCsv): one row per customer, then the total row. */
export function agedReceivablesCsv(report: AgedReceivables): string {
  const rows = [
    HEADER,
    ...report.customers.map((c) => [c.name, ...c.buckets.map((b) => frenchDecimal(b.amount)), frenchDecimal(c.total)]),
    [TOTAL_LABEL, ...report.buckets.map((b) => frenchDecimal(b.amount)), frenchDecimal(report.total)],
  ];
  return frenchExcelCsv(rows);
}
