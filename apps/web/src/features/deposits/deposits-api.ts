import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Schemas } from '@comptoir/api-client';
import { useCompanyKey } from '../../app/company';
import { api, unwrap } from '../../lib/api';

export type DepositSourceType = 'quote' | 'order';
export type DepositInvoiceBody = Schemas['CreateDepositInvoiceDto'];
export type DepositPaymentBody = Schemas['RecordDepositPaymentDto'];

/** After a deposit: the source's map, the invoice lists and the payments all changed. */
function useRefresh() {
  const client = useQueryClient();
  const key = useCompanyKey();
  return () => {
    void client.invalidateQueries({ queryKey: key('documents') });
    void client.invalidateQueries({ queryKey: key('payments') });
  };
}

/** POST /{orders|quotes}/{id}/deposit-invoices: a validated deposit invoice for a percent or an amount. */
export function useCreateDepositInvoice(type: DepositSourceType, id: string) {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (body: DepositInvoiceBody) =>
      unwrap(type === 'order' ? api.POST('/api/v1/orders/{id}/deposit-invoices', { params: { path: { id } }, body }) : api.POST('/api/v1/quotes/{id}/deposit-invoices', { params: { path: { id } }, body })),
    onSuccess: refresh,
  });
}

/** POST /{orders|quotes}/{id}/deposit-payments: the money received, invoiced as a deposit and allocated to it. */
export function useRecordDepositPayment(type: DepositSourceType, id: string) {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (body: DepositPaymentBody) =>
      unwrap(type === 'order' ? api.POST('/api/v1/orders/{id}/deposit-payments', { params: { path: { id } }, body }) : api.POST('/api/v1/quotes/{id}/deposit-payments', { params: { path: { id } }, body })),
    onSuccess: refresh,
  });
}
