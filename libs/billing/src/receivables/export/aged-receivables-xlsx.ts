import ExcelJS from 'exceljs';
import type { AgedReceivables } from '../aged/aged-receivables.query';
import { HEADER, TOTAL_LABEL } from './aged-receivables-csv';

/**
 * A spreadsheet cell holds an IEEE double: this is where a decimal string becomes one, at the file
 * boundary only. Any amount of 2 decimals below 2^53 cents reads back as the same shortest decimal.
 */
const cell = (amount: string): number => Number(amount);

/** The aged balance as an .xlsx workbook: one sheet, numeric cells in the French money format, a bold total row. */
export async function agedReceivablesXlsx(report: AgedReceivables): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Comptoir';
  const sheet = workbook.addWorksheet(`Balance âgée ${report.asOf}`);
  sheet.addRow([`Balance âgée au ${report.asOf} (${report.currency})`]).font = { bold: true };
  sheet.addRow(HEADER).font = { bold: true };
  for (const c of report.customers) sheet.addRow([c.name, ...c.buckets.map((b) => cell(b.amount)), cell(c.total)]);
  sheet.addRow([TOTAL_LABEL, ...report.buckets.map((b) => cell(b.amount)), cell(report.total)]).font = { bold: true };
  sheet.getColumn(1).width = 40;
  for (let col = 2; col <= HEADER.length; col++) {
    sheet.getColumn(col).width = 16;
    sheet.getColumn(col).numFmt = '#,##0.00';
  }
  sheet.views = [{ state: 'frozen', ySplit: 2 }];
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
