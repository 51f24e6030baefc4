import { Select, type SelectProps } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useProductSearch } from './catalog-api';

/** Product chooser searching the catalog on the server; `selectedLabel` names the value before any search. */
export function ProductPicker({ value, selectedLabel, onChange, ...props }: { value: string | null; selectedLabel?: string; onChange: (id: string | null) => void } & Omit<SelectProps, 'value' | 'onChange' | 'data'>) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search.trim(), 200);
  const results = useProductSearch(q);
  const data = useMemo(() => {
    const options = new Map<string, string>();
    if (value) options.set(value, selectedLabel ?? value);
    for (const p of results.data?.data ?? []) options.set(p.id, `${p.reference} · ${p.name}`);
    return [...options].map(([id, label]) => ({ value: id, label }));
  }, [results.data, value, selectedLabel]);
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
      onChange={onChange}
      nothingFoundMessage={results.isFetching ? t('common.loading') : t('common.noResults')}
    />
  );
}
