import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useCompanyKey } from '../../app/company';
import { request, type Page } from '../../lib/rest';
import type { BillingSettings, Closing, ClosingKind, LedgerVerification, Sequence, SequenceBody } from './ledger-types';

export function useSequences() {
  const key = useCompanyKey();
  return useQuery({ queryKey: key('ledger', 'sequences'), queryFn: () => request<Page<Sequence>>('GET', '/api/v1/numbering/sequences') });
}

export function useUpdateSequence(id: string) {
  const client = useQueryClient();
  const key = useCompanyKey();
  return useMutation({
    mutationFn: (body: SequenceBody) => request<Sequence>('PATCH', `/api/v1/numbering/sequences/${id}`, { body }),
    onSuccess: () => void client.invalidateQueries({ queryKey: key('ledger', 'sequences') }),
  });
}

export function useClosings() {
  const key = useCompanyKey();
  return useQuery({ queryKey: key('ledger', 'closings'), queryFn: () => request<Page<Closing>>('GET', '/api/v1/closings', { query: { limit: 200 } }) });
}

export function useCreateClosing() {
  const client = useQueryClient();
  const key = useCompanyKey();
  return useMutation({
    mutationFn: (body: { period: string; kind: ClosingKind }) => request<Closing>('POST', '/api/v1/closings', { body }),
    onSuccess: () => void client.invalidateQueries({ queryKey: key('ledger') }),
  });
}

/** Recomputes the whole chain on the server: run on demand, never cached. */
export function useLedgerVerification() {
  return useMutation({ mutationFn: () => request<LedgerVerification>('GET', '/api/v1/ledger/verify') });
}

export function useBillingSettings() {
  const key = useCompanyKey();
  return useQuery({ queryKey: key('billing', 'settings'), queryFn: () => request<BillingSettings>('GET', '/api/v1/billing/settings') });
}

export function useUpdateBillingSettings() {
  const client = useQueryClient();
  const key = useCompanyKey();
  return useMutation({
    mutationFn: (body: Partial<Omit<BillingSettings, 'updatedAt'>>) => request<BillingSettings>('PATCH', '/api/v1/billing/settings', { body }),
    onSuccess: (settings) => client.setQueryData(key('billing', 'settings'), settings),
  });
}
