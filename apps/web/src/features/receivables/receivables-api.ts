import { useQuery } from '@tanstack/react-query';
import type { Schemas } from '@comptoir/api-client';
import { useCompanyKey } from '../../app/company';
import { api, compact, unwrap } from '../../lib/api';

export type AgedReceivables = Schemas['AgedReceivablesDto'];
export type CustomerAgedBalance = Schemas['CustomerAgedBalanceDto'];
export type AgingBucket = Schemas['BucketAmountDto']['key'];
export type ReceivablesIndicators = Schemas['ReceivablesIndicatorsDto'];
export type CashFlowForecast = Schemas['CashFlowForecastDto'];

export const AGING_BUCKETS: AgingBucket[] = ['not_due', '1_30', '31_60', '61_90', 'over_90'];

export interface AgedFilter {
  asOf: string;
  establishmentId?: string | null;
  sectorId?: string | null;
}

const query = (filter: AgedFilter) => compact({ asOf: filter.asOf, establishmentId: filter.establishmentId ?? undefined, sectorId: filter.sectorId ?? undefined });

export function useAgedReceivables(filter: AgedFilter) {
  const key = useCompanyKey();
  return useQuery({
    queryKey: key('receivables', 'aged', filter),
    queryFn: () => unwrap(api.GET('/api/v1/reports/aged-receivables', { params: { query: query(filter) } })),
  });
}

/** A customer's open installments (drill-down), fetched when the row is opened. */
export function useAgedInvoices(accountId: string, filter: AgedFilter) {
  const key = useCompanyKey();
  return useQuery({
    queryKey: key('receivables', 'aged-invoices', accountId, filter),
    queryFn: () =>
      unwrap(api.GET('/api/v1/reports/aged-receivables/invoices', { params: { query: { accountId, asOf: filter.asOf, ...(filter.establishmentId ? { establishmentId: filter.establishmentId } : {}) } } })),
  });
}

export function useReceivablesIndicators(asOf: string) {
  const key = useCompanyKey();
  return useQuery({
    queryKey: key('receivables', 'indicators', asOf),
    queryFn: () => unwrap(api.GET('/api/v1/reports/receivables-indicators', { params: { query: { asOf } } })),
  });
}

export function useCashFlowForecast(from: string) {
  const key = useCompanyKey();
  return useQuery({
    queryKey: key('receivables', 'cash-flow', from),
    queryFn: () => unwrap(api.GET('/api/v1/reports/cash-flow-forecast', { params: { query: { from } } })),
  });
}

/** URL of the export in `format` with the screen's filters (downloaded with the session by downloadFile). */
export function exportUrl(filter: AgedFilter, format: 'csv' | 'xlsx'): string {
  const params = new URLSearchParams({ format, ...(query(filter) as Record<string, string>) });
  return `/api/v1/reports/aged-receivables/export?${params.toString()}`;
}
