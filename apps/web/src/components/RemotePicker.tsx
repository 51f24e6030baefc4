import { Select, type SelectProps } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';

export interface PickerOption {
  value: string;
  label: string;
}

/** The server's matches for a search text; `isFetching` while the next ones load. */
export type UseMatches = (q: string) => { data: PickerOption[] | undefined; isFetching: boolean };

export type RemotePickerProps = {
  value: string | null;
  /** Names the value until a search or a choice does (the value may not be among the matches). */
  valueLabel: string;
  useMatches: UseMatches;
  onChange: (id: string | null, label: string | null) => void;
} & Omit<SelectProps, 'value' | 'onChange' | 'data'>;

/**
 * A chooser that searches the server as the user types, for lists too long to load (accounts,
 * products): options are the current matches only, plus the chosen value so it keeps its label.
 */
export function RemotePicker({ value, valueLabel, useMatches, onChange, ...props }: RemotePickerProps) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search.trim(), 200);
  const matches = useMatches(q);
  // Labels of the options the user chose, so a new search does not rename the current value.
  const [known, setKnown] = useState<Record<string, string>>({});
  const data = useMemo(() => {
    const options = new Map<string, string>();
    if (value) options.set(value, known[value] ?? valueLabel);
    for (const m of matches.data ?? []) options.set(m.value, m.label);
    return [...options].map(([id, label]) => ({ value: id, label }));
  }, [matches.data, value, valueLabel, known]);

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
      nothingFoundMessage={matches.isFetching ? t('common.loading') : t('common.noResults')}
      onChange={(id, option) => {
        if (id && option) setKnown((prev) => ({ ...prev, [id]: option.label }));
        onChange(id, option?.label ?? null);
      }}
    />
  );
}
