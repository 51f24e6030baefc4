/** Contacts and the account timeline (events and tasks), over the typed client. */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Schemas } from '@comptoir/api-client';
import { api, unwrap } from '../../lib/api';
import { useCompanyKey } from '../../app/company';

export type Contact = Schemas['ContactResponseDto'];
export type CreateContactInput = Schemas['CreateContactDto'];
export type UpdateContactInput = Schemas['UpdateContactDto'];
export type Activity = Schemas['ActivityResponseDto'];
export type ActivityInput = Schemas['CreateActivityDto'];
export type ActivityKind = Activity['kind'];
export type ActivityType = Activity['type'];
export type UserActivityType = ActivityInput['type'];

export const ACTIVITY_KINDS: ActivityKind[] = ['event', 'task'];
/** The types a person may choose; `system` entries are written by Comptoir itself. */
export const USER_ACTIVITY_TYPES: UserActivityType[] = ['meeting', 'call', 'visit', 'email', 'quote_follow_up', 'note', 'other'];

export function useAccountContacts(accountId: string) {
  const key = useCompanyKey();
  return useQuery({
    queryKey: key('accounts', 'contacts', accountId),
    queryFn: () => unwrap(api.GET('/api/v1/accounts/{id}/contacts', { params: { path: { id: accountId }, query: { limit: 200 } } })),
  });
}

export function useSaveContact(accountId: string) {
  const client = useQueryClient();
  const key = useCompanyKey();
  return useMutation({
    mutationFn: (input: { id: string; changes: UpdateContactInput } | { contact: CreateContactInput }) =>
      'changes' in input
        ? unwrap(api.PATCH('/api/v1/contacts/{id}', { params: { path: { id: input.id } }, body: input.changes }))
        : unwrap(api.POST('/api/v1/accounts/{id}/contacts', { params: { path: { id: accountId } }, body: input.contact })),
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: key('accounts', 'contacts', accountId) });
      void client.invalidateQueries({ queryKey: key('accounts', 'audit', accountId) });
    },
  });
}

export function useDeleteContact(accountId: string) {
  const client = useQueryClient();
  const key = useCompanyKey();
  return useMutation({
    mutationFn: (id: string) => unwrap(api.DELETE('/api/v1/contacts/{id}', { params: { path: { id } } })),
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: key('accounts', 'contacts', accountId) });
      void client.invalidateQueries({ queryKey: key('accounts', 'activities', accountId) });
    },
  });
}

export function useAccountActivities(accountId: string) {
  const key = useCompanyKey();
  return useQuery({
    queryKey: key('accounts', 'activities', accountId),
    queryFn: () => unwrap(api.GET('/api/v1/accounts/{id}/activities', { params: { path: { id: accountId }, query: { limit: 100 } } })),
  });
}

export function useCreateActivity(accountId: string) {
  const client = useQueryClient();
  const key = useCompanyKey();
  return useMutation({
    mutationFn: (input: ActivityInput) => unwrap(api.POST('/api/v1/activities', { body: { ...input, accountId } })),
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: key('accounts', 'activities', accountId) });
    },
  });
}

export function useActivityActions(accountId: string) {
  const client = useQueryClient();
  const key = useCompanyKey();
  const refresh = () => void client.invalidateQueries({ queryKey: key('accounts', 'activities', accountId) });
  const complete = useMutation({
    mutationFn: ({ id, done }: { id: string; done: boolean }) =>
      done
        ? unwrap(api.POST('/api/v1/activities/{id}/complete', { params: { path: { id } } }))
        : unwrap(api.POST('/api/v1/activities/{id}/reopen', { params: { path: { id } } })),
    onSuccess: refresh,
  });
  const remove = useMutation({
    mutationFn: (id: string) => unwrap(api.DELETE('/api/v1/activities/{id}', { params: { path: { id } } })),
    onSuccess: refresh,
  });
  return { complete, remove };
}
