import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useCompanyKey } from '../../app/company';
import { api, unwrap } from '../../lib/api';
import type { BillingSettingsBody, ClosingKind, SequenceBody } from './ledger-types';

export function useSequences() {
  const key = useCompanyKey();
  return useQuery({ queryKey: key('ledger', 'sequences'), queryFn: () => unwrap(api.GET('/api/v1/numbering/sequences')) });
}

export function useUpdateSequence(id: string) {
  const client = useQueryClient();
  const key = useCompanyKey();
  return useMutation({
    mutationFn: (body: SequenceBody) => unwrap(api.PATCH('/api/v1/numbering/sequences/{id}', { params: { path: { id } }, body })),
    onSuccess: () => void client.invalidateQueries({ queryKey: key('ledger', 'sequences') }),
  });
}

export function useClosings() {
  const key = useCompanyKey();
  return useQuery({ queryKey: key('ledger', 'closings'), queryFn: () => unwrap(api.GET('/api/v1/closings', { params: { query: { limit: 200 } } })) });
}

export function useCreateClosing() {
  const client = useQueryClient();
  const key = useCompanyKey();
  return useMutation({
    mutationFn: (body: { period: string; kind: ClosingKind }) => unwrap(api.POST('/api/v1/closings', { body })),
    onSuccess: () => void client.invalidateQueries({ queryKey: key('ledger') }),
  });
}

/** Recomputes the whole chain on the server: run on demand, never cached. */
export function useLedgerVerification() {
  return useMutation({ mutationFn: () => unwrap(api.GET('/api/v1/ledger/verify')) });
}

export function useBillingSettings() {
  const key = useCompanyKey();
  return useQuery({ queryKey: key('billing', 'settings'), queryFn: () => unwrap(api.GET('/api/v1/billing/settings')) });
}

export function useUpdateBillingSettings() {
  const client = useQueryClient();
  const key = useCompanyKey();
  return useMutation({
    mutationFn: (body: BillingSettingsBody) => unwrap(api.PATCH('/api/v1/billing/settings', { body })),
    onSuccess: (settings) => client.setQueryData(key('billing', 'settings'), settings),
  });
}
