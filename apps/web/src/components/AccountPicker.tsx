import { useQuery } from '@tanstack/react-query';
import { useCompanyKey } from '../app/company';
import { api, unwrap } from '../lib/api';
import { useAccountById } from './AccountName';
import { RemotePicker, type RemotePickerProps, type UseMatches } from './RemotePicker';

type Role = 'customer' | 'prospect' | 'supplier';

/** The accounts (of a role, when given) whose name matches the search. */
function accountMatches(role: Role | undefined): UseMatches {
  return function useAccountMatches(q) {
    const key = useCompanyKey();
    const results = useQuery({
      queryKey: key('accounts', 'picker', role, q),
      queryFn: ({ signal }) => unwrap(api.GET('/api/v1/accounts', { params: { query: { q: q || undefined, role, limit: 20 } }, signal })),
      // No stale matches while the next ones load: an option shown is always one of the current search.
      staleTime: 60_000,
    });
    return { data: results.data?.data.map((a) => ({ value: a.id, label: a.name })), isFetching: results.isFetching };
  };
}

/**
 * Account chooser that searches the server as the user types (the list can hold 100,000 accounts).
 * `selectedName` labels the current value before any search ran.
 */
export function AccountPicker({
  value,
  selectedName,
  role,
  ...props
}: { value: string | null; selectedName?: string | null; role?: Role } & Omit<RemotePickerProps, 'value' | 'valueLabel' | 'useMatches'>) {
  // A value set from outside (a saved document) is named from its account.
  const current = useAccountById(value, Boolean(value) && !selectedName);
  return <RemotePicker {...props} value={value} valueLabel={selectedName ?? current.data?.name ?? '…'} useMatches={accountMatches(role)} />;
}
