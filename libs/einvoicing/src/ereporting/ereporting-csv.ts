import { frenchDecimal, frenchExcelCsv } from '@comptoir/billing';
import type { EReport } from './ereporting.report';

const HEADER = ['Type', 'Date', 'Numéro', 'Client', 'Pays', 'Taux TVA', 'Nombre', 'Montant HT', 'TVA', 'Montant TTC'];

/** The e-reporting of a period as one French Excel CSV: a row per B2C day and rate, per international sale, per day and rate of cash received on services. */
export function eReportCsv(report: EReport): string {
  return frenchExcelCsv([
    HEADER,
    ...report.b2cSales.map((r) => ['Ventes B2C', r.date, '', '', '', frenchDecimal(r.rate), String(r.count), frenchDecimal(r.net), frenchDecimal(r.vat), frenchDecimal(r.gross)]),
    ...report.internationalSales.map((s) => ['Ventes internationales', s.date, s.number, s.buyerName, s.buyerCountry ?? '', '', '1', frenchDecimal(s.net), frenchDecimal(s.vat), frenchDecimal(s.gross)]),
    ...report.servicePayments.map((p) => ['Encaissements services', p.date, '', '', '', frenchDecimal(p.rate), '', '', frenchDecimal(p.vat), frenchDecimal(p.received)]),
  ]);
}
