import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Schemas } from '@comptoir/api-client';
import { useCompanyKey } from '../../app/company';
import { api, unwrap } from '../../lib/api';

export type DunningCandidate = Schemas['DunningCandidateDto'];
export type DunningEvent = Schemas['DunningEventDto'];
export type DunningRun = Schemas['DunningRunDto'];
export type DunningSteps = Schemas['DunningStepsDto'];
export type DunningStepInput = Schemas['DunningStepInputDto'];
export type RecoveryStatus = NonNullable<Schemas['RecoveryStatusDto']['status']>;
export const RECOVERY_STATUSES: RecoveryStatus[] = ['disputed', 'judicial_recovery', 'factored'];

/** Every open invoice with its colour and next step (scope open): the screen filters and selects among them. */
export function useDunningCandidates(asOf: string) {
  const key = useCompanyKey();
  return useQuery({
    queryKey: key('dunning', 'candidates', asOf),
    queryFn: () => unwrap(api.GET('/api/v1/dunning/candidates', { params: { query: { asOf, scope: 'open' } } })),
  });
}

export function useDunningPreview(invoiceId: string | null, asOf: string) {
  const key = useCompanyKey();
  return useQuery({
    queryKey: key('dunning', 'preview', invoiceId, asOf),
    queryFn: () => unwrap(api.GET('/api/v1/invoices/{id}/dunning/preview', { params: { path: { id: invoiceId ?? '' }, query: { asOf } } })),
    enabled: Boolean(invoiceId),
  });
}

export function useStartDunningRun() {
  return useMutation({ mutationFn: (body: { invoiceIds: string[]; asOf: string }) => unwrap(api.POST('/api/v1/dunning/runs', { body })) });
}

/** A run's progress, polled every second until no mail of it is pending or sending. */
export function useDunningRun(id: string | null) {
  const key = useCompanyKey();
  const client = useQueryClient();
  return useQuery({
    queryKey: key('dunning', 'run', id),
    queryFn: async () => {
      const run = await unwrap(api.GET('/api/v1/dunning/runs/{id}', { params: { path: { id: id ?? '' } } }));
      if (run.done) void client.invalidateQueries({ queryKey: key('dunning', 'candidates') });
      return run;
    },
    enabled: Boolean(id),
    refetchInterval: (query) => (query.state.data?.done ? false : 1000),
  });
}

/** Steps whose mail may or may not have left (the worker stopped between the mark and the send). */
export function useUncertainDunning() {
  const key = useCompanyKey();
  return useQuery({ queryKey: key('dunning', 'uncertain'), queryFn: () => unwrap(api.GET('/api/v1/dunning/uncertain')) });
}

export function useDunningSteps() {
  const key = useCompanyKey();
  return useQuery({ queryKey: key('dunning', 'steps'), queryFn: () => unwrap(api.GET('/api/v1/dunning/steps')) });
}

export function useSaveDunningSteps() {
  const key = useCompanyKey();
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: Schemas['UpdateDunningStepsDto']) => unwrap(api.PUT('/api/v1/dunning/steps', { body })),
    onSuccess: (data) => {
      client.setQueryData(key('dunning', 'steps'), data);
      void client.invalidateQueries({ queryKey: key('dunning', 'candidates') });
    },
  });
}

export function useInvoiceDunning(invoiceId: string) {
  const key = useCompanyKey();
  return useQuery({
    queryKey: key('dunning', 'invoice', invoiceId),
    queryFn: () => unwrap(api.GET('/api/v1/invoices/{id}/dunning', { params: { path: { id: invoiceId } } })),
  });
}

export function useSetRecoveryStatus(invoiceId: string) {
  const key = useCompanyKey();
  const client = useQueryClient();
  return useMutation({
    mutationFn: (status: RecoveryStatus | null) => unwrap(api.PUT('/api/v1/invoices/{id}/recovery-status', { params: { path: { id: invoiceId } }, body: { status } })),
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: key('documents') });
      void client.invalidateQueries({ queryKey: key('dunning') });
    },
  });
}

export function useResolveDunningEvent() {
  const key = useCompanyKey();
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, action }: { id: string; action: 'mark_sent' | 'send_again' }) => unwrap(api.POST('/api/v1/dunning/events/{id}/resolve', { params: { path: { id } }, body: { action } })),
    onSuccess: () => void client.invalidateQueries({ queryKey: key('dunning') }),
  });
}
