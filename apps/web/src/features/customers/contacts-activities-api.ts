/**
 * Contacts and activities. These endpoints are being added to the contract; until openapi.json
 * declares them this is the one module that types them by hand (mirroring the API's DTOs) and calls
 * them with a thin fetch wrapper. When the generated schema has them, switch these calls to `api`.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ApiError, companyStore } from '../../lib/api';
import { useCompanyKey } from '../../app/company';

export interface Contact {
  id: string;
  accountId: string;
  civility: string | null;
  firstName: string | null;
  lastName: string;
  jobTitle: string | null;
  email: string | null;
  phone: string | null;
  mobile: string | null;
  isPrimary: boolean;
  notes: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface ContactInput {
  civility?: string | null;
  firstName?: string | null;
  lastName?: string;
  jobTitle?: string | null;
  email?: string | null;
  phone?: string | null;
  mobile?: string | null;
  isPrimary?: boolean;
  notes?: string | null;
}

export const ACTIVITY_KINDS = ['event', 'task'] as const;
export type ActivityKind = (typeof ACTIVITY_KINDS)[number];
export const USER_ACTIVITY_TYPES = ['meeting', 'call', 'visit', 'email', 'quote_follow_up', 'note', 'other'] as const;
export type ActivityType = (typeof USER_ACTIVITY_TYPES)[number] | 'system';

export interface Activity {
  id: string;
  kind: ActivityKind;
  type: ActivityType;
  title: string;
  notes: string | null;
  userId: string | null;
  accountId: string | null;
  contactId: string | null;
  startsAt: string | null;
  endsAt: string | null;
  dueOn: string | null;
  doneAt: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface ActivityInput {
  kind: ActivityKind;
  type: Exclude<ActivityType, 'system'>;
  title: string;
  notes?: string;
  accountId?: string;
  contactId?: string;
  startsAt?: string;
  endsAt?: string;
  dueOn?: string;
}

export interface Page<T> {
  data: T[];
  nextCursor: string | null;
}

type Query = Record<string, string | number | boolean | undefined>;

async function request<T>(method: string, path: string, options: { query?: Query; body?: unknown } = {}): Promise<T> {
  const url = new URL(path, window.location.origin);
  for (const [k, v] of Object.entries(options.query ?? {})) if (v !== undefined && v !== '') url.searchParams.set(k, String(v));
  const headers: Record<string, string> = { Accept: 'application/json' };
  const company = companyStore.get();
  if (company) headers['Comptoir-Company'] = company;
  if (options.body !== undefined) headers['Content-Type'] = 'application/json';
  const response = await fetch(url, {
    method,
    headers,
    credentials: 'same-origin',
    body: options.body === undefined ? undefined : JSON.stringify(options.body),
  });
  const text = response.status === 204 ? '' : await response.text();
  let body: unknown = undefined;
  try {
    body = text ? JSON.parse(text) : undefined;
  } catch {
    body = text;
  }
  if (!response.ok) throw new ApiError(response.status, body);
  return body as T;
}

const enc = encodeURIComponent;

export function useAccountContacts(accountId: string) {
  const key = useCompanyKey();
  return useQuery({
    queryKey: key('accounts', 'contacts', accountId),
    queryFn: () => request<Page<Contact>>('GET', `/api/v1/accounts/${enc(accountId)}/contacts`, { query: { limit: 200 } }),
  });
}

export function useSaveContact(accountId: string) {
  const client = useQueryClient();
  const key = useCompanyKey();
  return useMutation({
    mutationFn: ({ id, input }: { id?: string; input: ContactInput }) =>
      id
        ? request<Contact>('PATCH', `/api/v1/contacts/${enc(id)}`, { body: input })
        : request<Contact>('POST', `/api/v1/accounts/${enc(accountId)}/contacts`, { body: input }),
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: key('accounts', 'contacts', accountId) });
    },
  });
}

export function useDeleteContact(accountId: string) {
  const client = useQueryClient();
  const key = useCompanyKey();
  return useMutation({
    mutationFn: (id: string) => request<void>('DELETE', `/api/v1/contacts/${enc(id)}`),
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
    queryFn: () => request<Page<Activity>>('GET', `/api/v1/accounts/${enc(accountId)}/activities`, { query: { limit: 100 } }),
  });
}

export function useCreateActivity(accountId: string) {
  const client = useQueryClient();
  const key = useCompanyKey();
  return useMutation({
    mutationFn: (input: ActivityInput) => request<Activity>('POST', '/api/v1/activities', { body: { ...input, accountId } }),
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
    mutationFn: ({ id, done }: { id: string; done: boolean }) => request<Activity>('POST', `/api/v1/activities/${enc(id)}/${done ? 'complete' : 'reopen'}`),
    onSuccess: refresh,
  });
  const remove = useMutation({
    mutationFn: (id: string) => request<void>('DELETE', `/api/v1/activities/${enc(id)}`),
    onSuccess: refresh,
  });
  return { complete, remove };
}
