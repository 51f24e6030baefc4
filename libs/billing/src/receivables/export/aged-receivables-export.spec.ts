import ExcelJS from 'exceljs';
import type { AgedReceivables } from '../aged/aged-receivables.query';
import { AGING_BUCKETS } from '../aged/aging-buckets';
import { agedReceivablesCsv } from './aged-receivables-csv';
import { agedReceivablesXlsx } from './aged-receivables-xlsx';

const buckets = (amounts: string[]) => AGING_BUCKETS.map((key, i) => ({ key, amount: amounts[i]! }));
const report: AgedReceivables = {
  asOf: '2026-06-30',
  currency: 'EUR',
  buckets: buckets(['1000.50', '20.00', '0.00', '0.00', '1234567.89']),
  total: '1235588.39',
  customers: [
    { accountId: 'a1', name: 'Boulangerie "Chez Zoé"; Lyon', buckets: buckets(['1000.50', '0.00', '0.00', '0.00', '1234567.89']), total: '1235568.39' },
    { accountId: 'a2', name: 'Élodie Durand', buckets: buckets(['0.00', '20.00', '0.00', '0.00', '0.00']), total: '20.00' },
  ],
};

/** A minimal RFC 4180 reader with `;` (quoted fields, doubled quotes), enough to read the file back. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let value = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted && ch === '"' && text[i + 1] === '"') {
      value += '"';
      i++;
    } else if (ch === '"') {
      quoted = !quoted;
    } else if (!quoted && ch === ';') {
      row.push(value);
      value = '';
    } else if (!quoted && ch === '\r' && text[i + 1] === '\n') {
      rows.push([...row, value]);
      row = [];
      value = '';
      i++;
    } else {
      value += ch;
    }
  }
  return rows;
}

describe('aged receivables exports', () => {
  it('CSV: UTF-8 BOM, semicolons, decimal comma, quoted names, CRLF, a total row', () => {
    const csv = agedReceivablesCsv(report);
    expect(csv.startsWith('\uFEFF')).toBe(true);
    const rows = parseCsv(csv.slice(1));
    expect(rows).toEqual([
      ['Client', 'Non échu', '1 à 30 jours', '31 à 60 jours', '61 à 90 jours', 'Plus de 90 jours', 'Total'],
      ['Boulangerie "Chez Zoé"; Lyon', '1000,50', '0,00', '0,00', '0,00', '1234567,89', '1235568,39'],
      ['Élodie Durand', '0,00', '20,00', '0,00', '0,00', '0,00', '20,00'],
      ['Total', '1000,50', '20,00', '0,00', '0,00', '1234567,89', '1235588,39'],
    ]);
  });

  it('XLSX: read back with exceljs, numeric cells equal to the decimal strings', async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(new Uint8Array(await agedReceivablesXlsx(report)).buffer);
    const sheet = workbook.worksheets[0]!;
    const values = (row: number) => (sheet.getRow(row).values as unknown[]).slice(1);
    expect(values(1)).toEqual(['Balance âgée au 2026-06-30 (EUR)']);
    expect(values(2)).toEqual(['Client', 'Non échu', '1 à 30 jours', '31 à 60 jours', '61 à 90 jours', 'Plus de 90 jours', 'Total']);
    expect(values(3)[0]).toBe('Boulangerie "Chez Zoé"; Lyon');
    expect(values(3).slice(1).map(String)).toEqual(['1000.5', '0', '0', '0', '1234567.89', '1235568.39']);
    expect(values(5).map(String)).toEqual(['Total', '1000.5', '20', '0', '0', '1234567.89', '1235588.39']);
    expect(sheet.getColumn(2).numFmt).toBe('#,##0.00');
  });
});
