import { Button, Combobox, Group, Loader, Text, TextInput, useCombobox } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { IconNote, IconPageBreak, IconPlus, IconSearch } from '../../../components/icons';
import { formatMoney } from '../../../lib/format';
import { useProductSearch } from '../../catalog/catalog-api';
import type { Product } from '../../catalog/catalog-types';

/**
 * Fast line entry: quantity, then type a few letters of a product and press Enter; the first match
 * (or the one chosen with the arrows) becomes a priced line and the cursor is back in the search for
 * the next one. Buttons add a free line, a comment or a page break.
 */
export function ProductEntry({
  onProduct,
  onFreeLine,
  onComment,
  onPageBreak,
  busy,
  autoFocus,
}: {
  onProduct: (product: Product, quantity: string) => Promise<unknown> | void;
  onFreeLine: () => void;
  onComment: () => void;
  onPageBreak: () => void;
  busy: boolean;
  autoFocus?: boolean;
}) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const [quantity, setQuantity] = useState('1');
  const [q] = useDebouncedValue(search.trim(), 120);
  const combobox = useCombobox({ onDropdownClose: () => combobox.resetSelectedOption() });
  const results = useProductSearch(q, search.trim().length > 0);
  const inputRef = useRef<HTMLInputElement>(null);
  const options = search.trim() ? (results.data?.data ?? []) : [];
  const settled = q === search.trim() && !results.isFetching;

  useEffect(() => {
    if (autoFocus) inputRef.current?.focus();
  }, [autoFocus]);

  // Enter pressed before the results of the last keystrokes arrived: taken as soon as they do.
  const pendingEnter = useRef(false);
  // The first match is highlighted once the results match what was typed, so Enter takes it.
  useEffect(() => {
    if (!settled || !options.length) return;
    const first = options[0];
    if (pendingEnter.current && first) {
      pendingEnter.current = false;
      void choose(first.id);
      return;
    }
    combobox.selectFirstOption();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [settled, results.data]);

  const choose = async (id: string) => {
    const product = options.find((p) => p.id === id);
    if (!product) return;
    combobox.closeDropdown();
    setSearch('');
    await onProduct(product, quantity.trim() || '1');
    setQuantity('1');
    inputRef.current?.focus();
  };

  return (
    <Group gap="sm" align="flex-end" wrap="wrap" className="product-entry">
      <TextInput label={t('sales.entry.quantity')} value={quantity} onChange={(e) => setQuantity(e.currentTarget.value)} inputMode="decimal" w={90} styles={{ input: { textAlign: 'right' } }} />
      <Combobox store={combobox} onOptionSubmit={(id) => void choose(id)} withinPortal>
        <Combobox.Target>
          <TextInput
            ref={inputRef}
            label={t('sales.entry.product')}
            placeholder={t('sales.entry.placeholder')}
            leftSection={<IconSearch size={16} />}
            rightSection={busy || (search.trim() && !settled) ? <Loader size={14} /> : null}
            value={search}
            onChange={(e) => {
              setSearch(e.currentTarget.value);
              combobox.openDropdown();
              combobox.resetSelectedOption();
            }}
            onFocus={() => search && combobox.openDropdown()}
            onBlur={() => combobox.closeDropdown()}
            onKeyDown={(e) => {
              if (e.key !== 'Enter' || !search.trim()) return;
              if (!settled || combobox.getSelectedOptionIndex() === -1) {
                e.preventDefault();
                if (!settled) pendingEnter.current = true;
              }
            }}
            style={{ flex: '1 1 340px', minWidth: 280 }}
          />
        </Combobox.Target>
        <Combobox.Dropdown hidden={!search.trim()}>
          <Combobox.Options aria-label={t('sales.entry.results')}>
            {options.length === 0 ? (
              <Combobox.Empty>{settled ? t('common.noResults') : t('common.loading')}</Combobox.Empty>
            ) : (
              options.map((p) => (
                <Combobox.Option value={p.id} key={p.id}>
                  <Group justify="space-between" wrap="nowrap" gap="md">
                    <Text size="sm">
                      <Text span ff="monospace" c="dimmed" size="xs" mr={6}>
                        {p.reference}
                      </Text>
                      {p.name}
                    </Text>
                    <Text size="sm" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
                      {formatMoney(p.unitPrice, 'EUR', 4)} / {t(`catalog.units.${p.unit}`, { defaultValue: p.unit })}
                    </Text>
                  </Group>
                </Combobox.Option>
              ))
            )}
          </Combobox.Options>
        </Combobox.Dropdown>
      </Combobox>
      <Button variant="default" leftSection={<IconPlus size={16} />} onClick={onFreeLine}>
        {t('sales.entry.freeLine')}
      </Button>
      <Button variant="default" leftSection={<IconNote size={16} />} onClick={onComment}>
        {t('sales.entry.comment')}
      </Button>
      <Button variant="default" leftSection={<IconPageBreak size={16} />} onClick={onPageBreak}>
        {t('sales.entry.pageBreak')}
      </Button>
    </Group>
  );
}
