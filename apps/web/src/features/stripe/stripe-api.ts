import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { components } from '@comptoir/api-client';
import { useCompanyKey } from '../../app/company';
import { api, unwrap } from '../../lib/api';

type Schemas = components['schemas'];
export type StripeSettings = Schemas['StripeSettingsResponseDto'];
export type StripeSettingsBody = Schemas['UpdateStripeSettingsDto'];
export type StripeCustomer = Schemas['StripeCustomerResponseDto'];
export type StripePaymentAttempt = Schemas['StripePaymentAttemptDto'];

export function useStripeSettings() {
  const key = useCompanyKey();
  return useQuery({ queryKey: key('stripe', 'settings'), queryFn: () => unwrap(api.GET('/api/v1/stripe/settings')) });
}

export function useUpdateStripeSettings() {
  const client = useQueryClient();
  const key = useCompanyKey();
  return useMutation({
    mutationFn: (body: StripeSettingsBody) => unwrap(api.PUT('/api/v1/stripe/settings', { body })),
    onSuccess: (settings) => client.setQueryData(key('stripe', 'settings'), settings),
  });
}

/** Asks Stripe on demand: never cached. */
export function useTestStripeConnection() {
  return useMutation({ mutationFn: () => unwrap(api.POST('/api/v1/stripe/settings/test')) });
}

export function useStripeCustomer(accountId: string, enabled: boolean) {
  const key = useCompanyKey();
  return useQuery({
    queryKey: key('stripe', 'customer', accountId),
    queryFn: () => unwrap(api.GET('/api/v1/accounts/{id}/stripe-customer', { params: { path: { id: accountId } } })),
    enabled,
  });
}

export function useRegisterStripeCustomer(accountId: string) {
  const client = useQueryClient();
  const key = useCompanyKey();
  return useMutation({
    mutationFn: (body: { bankAccountId: string; email?: string }) => unwrap(api.POST('/api/v1/accounts/{id}/stripe-customer', { params: { path: { id: accountId } }, body })),
    onSuccess: (customer) => client.setQueryData(key('stripe', 'customer', accountId), customer),
  });
}

/** The customer's own bank accounts (BANKING's list), to pick the IBAN Stripe will debit. */
export function useCustomerBankAccounts(accountId: string, enabled: boolean) {
  const key = useCompanyKey();
  return useQuery({
    queryKey: key('bank-accounts', accountId),
    queryFn: () => unwrap(api.GET('/api/v1/bank-accounts', { params: { query: { accountId } } })),
    enabled,
  });
}

export function useStripePayments(invoiceId: string, enabled: boolean) {
  const key = useCompanyKey();
  return useQuery({
    queryKey: key('stripe', 'payments', invoiceId),
    queryFn: () => unwrap(api.GET('/api/v1/invoices/{id}/stripe-payments', { params: { path: { id: invoiceId } } })),
    enabled,
  });
}

export function useCollectWithStripe(invoiceId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => unwrap(api.POST('/api/v1/invoices/{id}/stripe-collect', { params: { path: { id: invoiceId } } })),
    // The invoice is now collection-pending: refresh it and its attempts.
    onSettled: () => void client.invalidateQueries({ predicate: (q) => q.queryKey.includes(invoiceId) }),
  });
}
