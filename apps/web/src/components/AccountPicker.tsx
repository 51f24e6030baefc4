import { Select, type SelectProps } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCompanyKey } from '../app/company';
import { api, unwrap } from '../lib/api';
import { useAccountById } from './AccountName';

type Role = 'customer' | 'prospect' | 'supplier';

/**
 * Account chooser that searches the server as the user types (the list can hold 100,000 accounts).
 * `selectedName` labels the current value before any search ran.
 */
export function AccountPicker({
  value,
  selectedName,
  onChange,
  role,
  ...props
}: { value: string | null; selectedName?: string | null; onChange: (id: string | null, name: string | null) => void; role?: Role } & Omit<SelectProps, 'value' | 'onChange' | 'data'>) {
  const { t } = useTranslation();
  const key = useCompanyKey();
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search.trim(), 200);
  const results = useQuery({
    queryKey: key('accounts', 'picker', role, q),
    queryFn: ({ signal }) => unwrap(api.GET('/api/v1/accounts', { params: { query: { q: q || undefined, role, limit: 20 } }, signal })),
    // No stale matches while the next ones load: an option shown is always one of the current search.
    staleTime: 60_000,
  });
  const [known, setKnown] = useState<Record<string, string>>({});
  // A value set from outside (a saved document) is named from its account until a search names it.
  const current = useAccountById(value, Boolean(value) && !selectedName && !(value && known[value]));
  const data = useMemo(() => {
    const options = new Map<string, string>();
    if (value) options.set(value, known[value] ?? selectedName ?? current.data?.name ?? '…');
    for (const a of results.data?.data ?? []) options.set(a.id, a.name);
    return [...options].map(([id, name]) => ({ value: id, label: name }));
  }, [results.data, value, selectedName, known, current.data]);

  return (
    <Select
      {...props}
      searchable
      clearable
      data={data}
      value={value}
      filter={({ options }) => options}
      searchValue={search}
      onSearchChange={setSearch}
      nothingFoundMessage={results.isFetching ? t('common.loading') : t('common.noResults')}
      onChange={(id, option) => {
        if (id && option) setKnown((prev) => ({ ...prev, [id]: option.label }));
        onChange(id, option?.label ?? null);
      }}
    />
  );
}
