import { useQuery } from '@tanstack/react-query';
import { useCompanyKey } from '../app/company';
import { api, unwrap } from '../lib/api';

/** The (cached) account of an id: documents and prices carry the id only. */
export function useAccountById(id: string | null | undefined, enabled = true) {
  const key = useCompanyKey();
  return useQuery({
    queryKey: key('accounts', 'detail', id),
    queryFn: () => unwrap(api.GET('/api/v1/accounts/{id}', { params: { path: { id: id ?? '' } } })),
    enabled: Boolean(id) && enabled,
    staleTime: 300_000,
  });
}

/** Name of an account id. */
export function AccountName({ id }: { id: string }) {
  const account = useAccountById(id);
  return <>{account.data?.name ?? '…'}</>;
}
