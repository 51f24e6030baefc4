import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { components } from '@comptoir/api-client';
import { useCompanyKey } from '../../app/company';
import { api, unwrap } from '../../lib/api';

type Schemas = components['schemas'];
export type BankAccount = Schemas['BankAccountResponseDto'];
export type BankAccountBody = Schemas['CreateBankAccountDto'];
export type Mandate = Schemas['MandateResponseDto'];
export type MandateBody = Schemas['CreateMandateDto'];
export type MandateAmendment = Schemas['UpdateMandateDto'];
export type SepaBatch = Schemas['SepaBatchResponseDto'];
export type SepaBatchDetail = Schemas['SepaBatchDetailDto'];
export type SepaFormat = Schemas['CreateSepaBatchDto']['format'];

/** The company's own accounts without `accountId`, a customer's with it. */
export function useBankAccounts(accountId?: string) {
  const key = useCompanyKey();
  return useQuery({
    queryKey: key('bank-accounts', accountId ?? 'company'),
    queryFn: () => unwrap(api.GET('/api/v1/bank-accounts', { params: { query: accountId ? { accountId } : {} } })),
  });
}

function useInvalidate() {
  const client = useQueryClient();
  const key = useCompanyKey();
  return (...parts: string[]) => void client.invalidateQueries({ queryKey: key(...parts) });
}

export function useSaveBankAccount(id: string | null) {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (body: BankAccountBody) =>
      id
        ? unwrap(api.PATCH('/api/v1/bank-accounts/{id}', { params: { path: { id } }, body: { iban: body.iban, bic: body.bic ?? null, holder: body.holder, label: body.label ?? null, ...(body.isDefault ? { isDefault: true } : {}) } }))
        : unwrap(api.POST('/api/v1/bank-accounts', { body })),
    onSuccess: () => invalidate('bank-accounts'),
  });
}

export function useArchiveBankAccount() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (id: string) => unwrap(api.DELETE('/api/v1/bank-accounts/{id}', { params: { path: { id } } })),
    onSuccess: () => {
      invalidate('bank-accounts');
      invalidate('mandates');
    },
  });
}

export function useMandates(accountId?: string) {
  const key = useCompanyKey();
  return useQuery({
    queryKey: key('mandates', accountId ?? 'all'),
    queryFn: () => unwrap(api.GET('/api/v1/mandates', { params: { query: accountId ? { accountId } : {} } })),
  });
}

export function useCreateMandate() {
  const invalidate = useInvalidate();
  return useMutation({ mutationFn: (body: MandateBody) => unwrap(api.POST('/api/v1/mandates', { body })), onSuccess: () => invalidate('mandates') });
}

export function useAmendMandate(id: string) {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (body: MandateAmendment) => unwrap(api.PATCH('/api/v1/mandates/{id}', { params: { path: { id } }, body })),
    onSuccess: () => invalidate('mandates'),
  });
}

export function useRevokeMandate() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (id: string) => unwrap(api.POST('/api/v1/mandates/{id}/revoke', { params: { path: { id } }, body: {} })),
    onSuccess: () => invalidate('mandates'),
  });
}

export function useSaveCreditorId(companyId: string) {
  const client = useQueryClient();
  const key = useCompanyKey();
  return useMutation({
    mutationFn: (sepaCreditorId: string | null) => unwrap(api.PATCH('/api/v1/companies/{id}', { params: { path: { id: companyId } }, body: { sepaCreditorId } })),
    onSuccess: () => void client.invalidateQueries({ queryKey: key('companies') }),
  });
}

export function useCompanyDetails(companyId: string | null) {
  const key = useCompanyKey();
  return useQuery({
    queryKey: key('companies', companyId),
    queryFn: () => unwrap(api.GET('/api/v1/companies/{id}', { params: { path: { id: companyId ?? '' } } })),
    enabled: Boolean(companyId),
  });
}

export function useSepaBatches() {
  const key = useCompanyKey();
  return useQuery({ queryKey: key('sepa-batches'), queryFn: () => unwrap(api.GET('/api/v1/sepa/batches')) });
}

export function useSepaBatch(id: string | null) {
  const key = useCompanyKey();
  return useQuery({
    queryKey: key('sepa-batches', id),
    queryFn: () => unwrap(api.GET('/api/v1/sepa/batches/{id}', { params: { path: { id: id ?? '' } } })),
    enabled: Boolean(id),
  });
}

export function useCreateSepaBatch() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (body: { invoiceIds: string[]; collectionDate: string; format: SepaFormat }) => unwrap(api.POST('/api/v1/sepa/batches', { body })),
    onSuccess: () => {
      invalidate('sepa-batches');
      invalidate('documents');
      invalidate('mandates');
    },
  });
}

export function useSettleSepaBatch(id: string) {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (date: string) => unwrap(api.POST('/api/v1/sepa/batches/{id}/settle', { params: { path: { id } }, body: { date } })),
    onSuccess: () => invalidate('sepa-batches'),
  });
}

export function useRejectSepaDebit(id: string) {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (body: { invoiceId: string; reason: string; date?: string }) => unwrap(api.POST('/api/v1/sepa/batches/{id}/rejects', { params: { path: { id } }, body })),
    onSuccess: () => invalidate('sepa-batches'),
  });
}

/** Open invoices (validated, something left to pay), newest first: the candidates of a batch. */
export function useOpenInvoices() {
  const key = useCompanyKey();
  return useQuery({
    queryKey: key('documents', 'sepa-candidates'),
    queryFn: async () => {
      const [unpaid, partial] = await Promise.all(
        (['unpaid', 'partially_paid'] as const).map((paymentStatus) => unwrap(api.GET('/api/v1/invoices', { params: { query: { paymentStatus, limit: 200, kind: 'invoice' } } }))),
      );
      return [...(unpaid?.data ?? []), ...(partial?.data ?? [])];
    },
  });
}

export const sepaFileUrl = (id: string, format: 'xml' | 'zip') => `/api/v1/sepa/batches/${id}/file${format === 'zip' ? '?format=zip' : ''}`;
