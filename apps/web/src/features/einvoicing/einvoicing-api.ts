import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Schemas } from '@comptoir/api-client';
import { useCompanyKey } from '../../app/company';
import { api, ApiError, companyStore, unwrap } from '../../lib/api';
import type { EInvoiceFormat } from './einvoicing-types';

export type EInvoicingSettings = Schemas['EInvoicingSettingsResponseDto'];
export type EInvoicingSettingsBody = Schemas['PutEInvoicingSettingsDto'];

export type EInvoiceState = Schemas['EInvoiceStatusDto'];
export type LifecycleEvent = Schemas['EInvoiceLifecycleEventDto'];

export interface ValidationIssue {
  id: string;
  flag: 'fatal' | 'warning' | 'information';
  location: string;
  message: string;
  test?: string;
}
export interface ValidationCheck {
  name: string;
  kind: 'xsd' | 'schematron';
  artefact: string;
  fatal: number;
  warnings: number;
  issues: ValidationIssue[];
}
export interface ValidationReport {
  valid: boolean;
  syntax: 'cii' | 'ubl';
  profile: string;
  checks: ValidationCheck[];
  durationMs: number;
}
export interface FacturXInspection {
  pdfVersion: string;
  encrypted: boolean;
  trailerId: boolean;
  pdfaPart: number | null;
  pdfaConformance: string | null;
  facturX: { documentType: string | null; documentFileName: string | null; version: string | null; conformanceLevel: string | null };
  facturXSchemaDeclared: boolean;
  outputIntent: { subtype: string; outputConditionIdentifier: string | null; iccComponents: number | null } | null;
  attachment: { name: string; mimeType: string | null; afRelationship: string | null; inCatalogAF: boolean; size: number } | null;
  fonts: { name: string; subtype: string; embedded: boolean }[];
}
export interface CheckResult {
  cii: ValidationReport;
  ubl: ValidationReport;
  /** `xml` is null when the PDF embeds no factur-x.xml. */
  facturx: { pdf: FacturXInspection; xml: ValidationReport | null };
}

export interface EReport {
  from: string;
  to: string;
  b2cSales: { date: string; rate: string; count: number; net: string; vat: string; gross: string }[];
  internationalSales: { id: string; number: string; date: string; kind: string; buyerName: string; buyerCountry: string | null; buyerVatNumber: string | null; currency: string; net: string; vat: string; gross: string }[];
  servicePayments: { date: string; rate: string; received: string; vat: string }[];
}

const BASE = '/api/v1';

// The e-invoicing endpoints are being added to the API contract while this screen is written: calls
// go through fetch with the session and company header, as the typed client does.
async function request<T>(method: 'GET' | 'PUT' | 'POST', path: string, body?: unknown): Promise<T> {
  const company = companyStore.get();
  const response = await fetch(`${BASE}${path}`, {
    method,
    credentials: 'same-origin',
    headers: { ...(company ? { 'Comptoir-Company': company } : {}), ...(body === undefined ? {} : { 'Content-Type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  const parsed: unknown = text ? JSON.parse(text) : undefined;
  if (!response.ok) throw new ApiError(response.status, parsed);
  return parsed as T;
}

/** Where the e-invoice of a validated document is served, per format. */
export function einvoiceUrl(id: string, format: EInvoiceFormat): string {
  return `${BASE}/invoices/${id}/einvoice?format=${format}`;
}

/** The same report for French Excel (BOM, `;`, decimal comma). */
export function eReportingCsvUrl(from: string, to: string): string {
  return `${BASE}/einvoicing/e-reporting?from=${from}&to=${to}&format=csv`;
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

/** Polls while the worker has not made the originals yet ('pending'), then stays until something changes it. */
export function useEInvoiceState(id: string) {
  const key = useCompanyKey();
  return useQuery({
    queryKey: key('einvoicing', 'state', id),
    queryFn: () => unwrap(api.GET('/api/v1/invoices/{id}/einvoice/status', { params: { path: { id } } })),
    refetchInterval: (query) => (query.state.data?.status === 'pending' ? 2_000 : false),
  });
}

/** After a download (which makes the originals on the spot) or a submission, the state has moved. */
export function useRefreshEInvoiceState(id: string) {
  const client = useQueryClient();
  const key = useCompanyKey();
  return () => void client.invalidateQueries({ queryKey: key('einvoicing', 'state', id) });
}

/** Runs the validators on demand: never cached. */
export function useCheckEInvoice(id: string) {
  return useMutation({ mutationFn: () => request<CheckResult>('POST', `/invoices/${id}/einvoice/check`) });
}

export function useSubmitEInvoice(id: string) {
  const refresh = useRefreshEInvoiceState(id);
  return useMutation({ mutationFn: () => request<unknown>('POST', `/invoices/${id}/einvoice/submit`), onSettled: refresh });
}

export function useEReport(from: string, to: string) {
  const key = useCompanyKey();
  return useQuery({
    queryKey: key('einvoicing', 'e-reporting', from, to),
    queryFn: () => request<EReport>('GET', `/einvoicing/e-reporting?from=${from}&to=${to}`),
    enabled: from <= to,
  });
}

/** The statuses the seller emits itself: 212 cashed in, 207 disputed (with its reason), 209 completed after a suspension. */
export const SELLER_CODES = [212, 207, 209] as const;
export type SellerCode = (typeof SELLER_CODES)[number];

export function useEmitSellerStatus(id: string) {
  const refresh = useRefreshEInvoiceState(id);
  return useMutation({
    mutationFn: (body: { code: SellerCode; reason?: string | null }) => request<unknown>('POST', `/invoices/${id}/einvoice/lifecycle`, body),
    onSuccess: refresh,
  });
}
