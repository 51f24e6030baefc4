export * from './aged/aging-buckets';
export * from './aged/aged-receivables.query';
export { openInstallmentsCte, type ReceivablesScope } from './aged/open-installments.sql';
export * from './receivables.service';
export * from './cash-flow/cash-flow-source';
export * from './cash-flow/cash-flow-source.registry';
export * from './cash-flow/forecast-table';
export * from './cash-flow/cash-flow-forecast.service';
export { frenchDecimal, frenchExcelCsv } from './export/aged-receivables-csv';
