import { TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useEffect, useState } from 'react';
import { IconSearch } from './icons';

/** Search box that reports its trimmed text a moment after the user stops typing. */
export function SearchField({ label, placeholder, value, onSearch }: { label: string; placeholder?: string; value: string; onSearch: (q: string) => void }) {
  const [text, setText] = useState(value);
  const [debounced] = useDebouncedValue(text.trim(), 250);
  useEffect(() => {
    if (debounced !== value) onSearch(debounced);
    // Only the debounced text drives the search; `value` follows from it.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [debounced]);
  return (
    <TextInput
      label={label}
      placeholder={placeholder}
      leftSection={<IconSearch size={16} />}
      value={text}
      onChange={(e) => setText(e.currentTarget.value)}
      type="search"
      style={{ flex: '2 1 240px' }}
    />
  );
}
