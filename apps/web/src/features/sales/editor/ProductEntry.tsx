import { Button, Combobox, Group, Loader, Text, TextInput, useCombobox } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCompanyKey } from '../../../app/company';
import { IconNote, IconPageBreak, IconPlus, IconSearch } from '../../../components/icons';
import { formatMoney } from '../../../lib/format';
import { productSearchQuery, useProductSearch } from '../../catalog/catalog-api';
import type { Product } from '../../catalog/catalog-types';

/**
 * Fast line entry: quantity, then a few letters of a product and Enter; the first match (or the one
 * chosen with the arrows) becomes a priced line. The field is free again at once: products typed in a
 * burst are queued and added in order, each search resolved on the server if its results were not in
 * yet. Buttons add a free line, a comment or a page break.
 */
export function ProductEntry({
  onProduct,
  onFreeLine,
  onComment,
  onPageBreak,
  busy,
}: {
  onProduct: (product: Product, quantity: string) => Promise<unknown>;
  onFreeLine: () => void;
  onComment: () => void;
  onPageBreak: () => void;
  busy: boolean;
}) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const key = useCompanyKey();
  const [search, setSearch] = useState('');
  const [quantity, setQuantity] = useState('1');
  const [q] = useDebouncedValue(search.trim(), 120);
  const combobox = useCombobox({ onDropdownClose: () => combobox.resetSelectedOption() });
  const results = useProductSearch(q, search.trim().length > 0);
  const inputRef = useRef<HTMLInputElement>(null);
  const options = search.trim() && q === search.trim() ? (results.data?.data ?? []) : [];
  const settled = q === search.trim() && !results.isFetching;
  const [pending, setPending] = useState(0);
  const queue = useRef<Promise<unknown>>(Promise.resolve());
  const add = useRef(onProduct);
  add.current = onProduct;

  const enqueue = (resolve: () => Promise<Product | undefined>, qty: string) => {
    setPending((n) => n + 1);
    queue.current = queue.current
      .then(async () => {
        const product = await resolve();
        if (product) await add.current(product, qty);
      })
      .catch(() => undefined)
      .finally(() => setPending((n) => n - 1));
    setSearch('');
    setQuantity('1');
    combobox.closeDropdown();
    inputRef.current?.focus();
  };

  /** Enter without a highlighted option: the first match of what was typed. */
  const addFirstMatch = (text: string, qty: string) =>
    enqueue(async () => (await client.fetchQuery(productSearchQuery(key, text))).data[0], qty);

  const addChosen = (id: string) => {
    const product = options.find((p) => p.id === id);
    if (product) enqueue(async () => product, quantity.trim() || '1');
  };

  useEffect(() => {
    // The arrows start from the first match once the results of what was typed are in.
    if (settled && options.length) combobox.selectFirstOption();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [settled, results.data]);

  return (
    <Group gap="sm" align="flex-end" wrap="wrap" className="product-entry">
      <TextInput label={t('sales.entry.quantity')} value={quantity} onChange={(e) => setQuantity(e.currentTarget.value)} inputMode="decimal" w={90} styles={{ input: { textAlign: 'right' } }} />
      <Combobox store={combobox} onOptionSubmit={addChosen} withinPortal>
        <Combobox.Target>
          <TextInput
            ref={inputRef}
            label={t('sales.entry.product')}
            placeholder={t('sales.entry.placeholder')}
            leftSection={<IconSearch size={16} />}
            rightSection={busy || pending > 0 || (search.trim() && !settled) ? <Loader size={14} /> : null}
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
              // A highlighted option of the current results: the combobox submits it (addChosen).
              if (settled && combobox.getSelectedOptionIndex() !== -1) return;
              e.preventDefault();
              addFirstMatch(search.trim(), quantity.trim() || '1');
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
