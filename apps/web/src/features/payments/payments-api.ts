import { keepPreviousData, useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { operations, Schemas } from '@comptoir/api-client';
import { useCompanyKey } from '../../app/company';
import { api, unwrap } from '../../lib/api';

export type Payment = Schemas['PaymentResponseDto'];
export type PaymentDetail = Schemas['PaymentDetailDto'];
export type Allocation = Schemas['AllocationResponseDto'];
export type RecordPaymentBody = Schemas['RecordPaymentDto'];
export type RefundBody = Schemas['RecordRefundDto'];
export type AllocationsBody = Schemas['ApplyAllocationsDto'];
export type PaymentFilters = Omit<NonNullable<operations['listPayments']['parameters']['query']>, 'limit' | 'cursor'>;

const PAGE_SIZE = 100;

/** A payment moves invoice balances, credit notes and customer credit: every one of those lists is stale after it. */
function useRefresh() {
  const client = useQueryClient();
  const key = useCompanyKey();
  return () => {
    void client.invalidateQueries({ queryKey: key('payments') });
    void client.invalidateQueries({ queryKey: key('documents') });
    void client.invalidateQueries({ queryKey: key('settlements') });
  };
}

export function usePaymentPages(filters: PaymentFilters) {
  const key = useCompanyKey();
  return useInfiniteQuery({
    queryKey: key('payments', 'list', filters),
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam, signal }) => unwrap(api.GET('/api/v1/payments', { params: { query: { ...filters, limit: PAGE_SIZE, cursor: pageParam } }, signal })),
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
  });
}

export function usePayment(id: string | undefined) {
  const key = useCompanyKey();
  return useQuery({ queryKey: key('payments', 'detail', id), queryFn: () => unwrap(api.GET('/api/v1/payments/{id}', { params: { path: { id: id ?? '' } } })), enabled: Boolean(id) });
}

/** What settled an invoice, or what a credit note was spent on (GET /invoices/{id}/payments). */
export function useSettlementHistory(documentId: string) {
  const key = useCompanyKey();
  return useQuery({ queryKey: key('settlements', documentId), queryFn: () => unwrap(api.GET('/api/v1/invoices/{id}/payments', { params: { path: { id: documentId } } })) });
}

/** The customer's validated invoices that still have a balance due (candidates for an allocation). */
export function useOpenInvoices(accountId: string) {
  const key = useCompanyKey();
  return useQuery({
    queryKey: key('documents', 'invoice', 'open', accountId),
    queryFn: async () => {
      const page = await unwrap(api.GET('/api/v1/invoices', { params: { query: { accountId, status: 'validated', sort: 'date', limit: 200 } } }));
      return page.data.filter((d) => d.kind !== 'credit_note' && d.balance !== null && d.balance.due !== '0.00');
    },
  });
}

/** The company's own bank accounts; none when banking is not set up (or not readable): the field is then simply empty. */
export function useOwnBankAccounts() {
  const key = useCompanyKey();
  return useQuery({
    queryKey: key('bank-accounts', 'own'),
    queryFn: async () => {
      try {
        return (await unwrap(api.GET('/api/v1/bank-accounts', {}))).data;
      } catch {
        return [];
      }
    },
  });
}

export function useRecordPayment() {
  const refresh = useRefresh();
  return useMutation({ mutationFn: (body: RecordPaymentBody) => unwrap(api.POST('/api/v1/payments', { body })), onSuccess: refresh });
}

export function useCancelPayment(id: string) {
  const refresh = useRefresh();
  return useMutation({ mutationFn: (body: { date: string; reason: string }) => unwrap(api.POST('/api/v1/payments/{id}/cancel', { params: { path: { id } }, body })), onSuccess: refresh });
}

export function useApplyCredit(id: string) {
  const refresh = useRefresh();
  return useMutation({ mutationFn: (body: AllocationsBody) => unwrap(api.POST('/api/v1/payments/{id}/allocations', { params: { path: { id } }, body })), onSuccess: refresh });
}

export function useAllocateCreditNote(id: string) {
  const refresh = useRefresh();
  return useMutation({ mutationFn: (body: AllocationsBody) => unwrap(api.POST('/api/v1/credit-notes/{id}/allocations', { params: { path: { id } }, body })), onSuccess: refresh });
}

export function useRecordRefund() {
  const refresh = useRefresh();
  return useMutation({ mutationFn: (body: RefundBody) => unwrap(api.POST('/api/v1/refunds', { body })), onSuccess: refresh });
}

/** Today in the browser's calendar, YYYY-MM-DD (the server refuses a future date with its own today). */
export const todayIso = () => new Intl.DateTimeFormat('en-CA', { year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());
