import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Schemas } from '@comptoir/api-client';
import { useCompanyKey } from '../../app/company';
import { api, unwrap } from '../../lib/api';
import type { EInvoiceFormat } from './einvoicing-types';

export type EInvoicingSettings = Schemas['EInvoicingSettingsResponseDto'];
export type EInvoicingSettingsBody = Schemas['PutEInvoicingSettingsDto'];
export type EInvoiceState = Schemas['EInvoiceStatusDto'];
export type LifecycleEvent = Schemas['EInvoiceLifecycleEventDto'];
export type CheckResult = Schemas['EInvoiceCheckDto'];
export type ValidationReport = Schemas['ValidationReportDto'];
export type ValidationCheck = Schemas['ValidationCheckDto'];
export type ValidationIssue = Schemas['ValidationIssueDto'];
export type FacturXInspection = Schemas['FacturXPdfInspectionDto'];
export type EReport = Schemas['EReportDto'];
export type SellerStatusBody = Schemas['SellerStatusDto'];
export type SellerCode = SellerStatusBody['code'];

/** The statuses the seller emits itself: 212 cashed in, 207 disputed (with its reason), 209 completed after a suspension. */
export const SELLER_CODES: SellerCode[] = [212, 207, 209];

/** Where the e-invoice of a validated document is served, per format. */
export function einvoiceUrl(id: string, format: EInvoiceFormat): string {
  return `/api/v1/invoices/${id}/einvoice?format=${format}`;
}

/** The e-reporting of a period for French Excel (BOM, `;`, decimal comma). */
export function eReportingCsvUrl(from: string, to: string): string {
  return `/api/v1/einvoicing/e-reporting?from=${from}&to=${to}&format=csv`;
}

export function useEInvoicingSettings() {
  const key = useCompanyKey();
  return useQuery({ queryKey: key('einvoicing', 'settings'), queryFn: () => unwrap(api.GET('/api/v1/einvoicing/settings')) });
}

export function useUpdateEInvoicingSettings() {
  const client = useQueryClient();
  const key = useCompanyKey();
  return useMutation({
    mutationFn: (body: EInvoicingSettingsBody) => unwrap(api.PUT('/api/v1/einvoicing/settings', { body })),
    onSuccess: (settings) => client.setQueryData(key('einvoicing', 'settings'), settings),
  });
}

/**
 * Polls while the worker is making the originals ('pending' in a company with e-invoicing enabled),
 * then stays until something changes it. Elsewhere the worker makes none: the first download does.
 */
export function useEInvoiceState(id: string, madeByWorker: boolean) {
  const key = useCompanyKey();
  return useQuery({
    queryKey: key('einvoicing', 'state', id),
    queryFn: () => unwrap(api.GET('/api/v1/invoices/{id}/einvoice/status', { params: { path: { id } } })),
    refetchInterval: (query) => (madeByWorker && query.state.data?.status === 'pending' ? 2_000 : false),
  });
}

/**
 * After a download (which makes the originals when the worker has not yet), a submission or a status:
 * the e-invoice and the lists showing its status are out of date.
 */
export function useRefreshEInvoiceState(id: string) {
  const client = useQueryClient();
  const key = useCompanyKey();
  return () => {
    void client.invalidateQueries({ queryKey: key('einvoicing', 'state', id) });
    void client.invalidateQueries({ queryKey: key('documents') });
  };
}

/** Runs the validators on demand: never cached. */
export function useCheckEInvoice(id: string) {
  return useMutation({ mutationFn: () => unwrap(api.POST('/api/v1/invoices/{id}/einvoice/check', { params: { path: { id } } })) });
}

export function useSubmitEInvoice(id: string) {
  const refresh = useRefreshEInvoiceState(id);
  return useMutation({ mutationFn: () => unwrap(api.POST('/api/v1/invoices/{id}/einvoice/submit', { params: { path: { id } } })), onSettled: refresh });
}

export function useEmitSellerStatus(id: string) {
  const refresh = useRefreshEInvoiceState(id);
  return useMutation({
    mutationFn: (body: SellerStatusBody) => unwrap(api.POST('/api/v1/invoices/{id}/einvoice/lifecycle', { params: { path: { id } }, body })),
    onSuccess: refresh,
  });
}

export function useEReport(from: string, to: string) {
  const key = useCompanyKey();
  return useQuery({
    queryKey: key('einvoicing', 'e-reporting', from, to),
    queryFn: () => unwrap(api.GET('/api/v1/einvoicing/e-reporting', { params: { query: { from, to } } })),
    enabled: from <= to,
  });
}
