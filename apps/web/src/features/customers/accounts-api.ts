import { keepPreviousData, useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { operations, Schemas } from '@comptoir/api-client';
import { api, unwrap } from '../../lib/api';
import { useCompanyKey } from '../../app/company';

export type Account = Schemas['AccountResponseDto'];
export type AccountRole = Account['roles'][number];
export type AccountKind = Account['kind'];
export type PaymentMethod = NonNullable<Account['preferredPaymentMethod']>;
export type CreateAccountBody = Schemas['CreateAccountDto'];
export type UpdateAccountBody = Schemas['UpdateAccountDto'];
export type AccountListQuery = NonNullable<operations['listAccounts']['parameters']['query']>;
export type AccountSort = NonNullable<AccountListQuery['sort']>;

export const ACCOUNT_ROLES: AccountRole[] = ['customer', 'prospect', 'supplier'];
export const ACCOUNT_KINDS: AccountKind[] = ['company', 'person'];
export const PAYMENT_METHODS: PaymentMethod[] = ['transfer', 'direct_debit', 'card', 'cheque', 'cash', 'stripe'];
export const ACCOUNT_SORTS: AccountSort[] = ['name', '-name', '-updatedAt', 'updatedAt', '-createdAt', 'createdAt'];

export const PAGE_SIZE = 100;

export type AccountFilters = Omit<AccountListQuery, 'limit' | 'cursor'>;

/** Pages of accounts, fetched one cursor at a time as the list scrolls. */
export function useAccountPages(filters: AccountFilters) {
  const key = useCompanyKey();
  return useInfiniteQuery({
    queryKey: key('accounts', 'list', filters),
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam, signal }) =>
      unwrap(api.GET('/api/v1/accounts', { params: { query: { ...filters, limit: PAGE_SIZE, cursor: pageParam } }, signal })),
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
  });
}

export function useAccount(id: string) {
  const key = useCompanyKey();
  return useQuery({
    queryKey: key('accounts', 'detail', id),
    queryFn: () => unwrap(api.GET('/api/v1/accounts/{id}', { params: { path: { id } } })),
  });
}

export function useAccountAudit(id: string) {
  const key = useCompanyKey();
  return useQuery({
    queryKey: key('accounts', 'audit', id),
    queryFn: () => unwrap(api.GET('/api/v1/audit', { params: { query: { entity: 'account', id } } })),
  });
}

export function useCreateAccount() {
  const client = useQueryClient();
  const key = useCompanyKey();
  return useMutation({
    mutationFn: (body: CreateAccountBody) => unwrap(api.POST('/api/v1/accounts', { body })),
    onSuccess: (account) => {
      client.setQueryData(key('accounts', 'detail', account.id), account);
      void client.invalidateQueries({ queryKey: key('accounts', 'list') });
    },
  });
}

export function useUpdateAccount(id: string) {
  const client = useQueryClient();
  const key = useCompanyKey();
  return useMutation({
    mutationFn: (body: UpdateAccountBody) => unwrap(api.PATCH('/api/v1/accounts/{id}', { params: { path: { id } }, body })),
    onSuccess: (account) => {
      client.setQueryData(key('accounts', 'detail', id), account);
      void client.invalidateQueries({ queryKey: key('accounts', 'list') });
      void client.invalidateQueries({ queryKey: key('accounts', 'audit', id) });
    },
  });
}

export function useDeleteAccount(id: string) {
  const client = useQueryClient();
  const key = useCompanyKey();
  return useMutation({
    mutationFn: () => unwrap(api.DELETE('/api/v1/accounts/{id}', { params: { path: { id } } })),
    onSuccess: () => {
      client.removeQueries({ queryKey: key('accounts', 'detail', id) });
      void client.invalidateQueries({ queryKey: key('accounts', 'list') });
    },
  });
}
