import { Select, type SelectProps } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatPercent } from '../../lib/format';
import { useVatRates } from './catalog-api';

/**
 * VAT rate chooser fed by the company's VAT rates settings. By `id` (products: the rate carries its
 * EN 16931 category and exemption wording, so two 0 % rates stay apart) or by `rate` ("20.00": shipping
 * and other taxes, standard rates).
 */
export function VatRateSelect({ value, onChange, by = 'rate', ...props }: { value: string | null; onChange: (value: string) => void; by?: 'rate' | 'id' } & Omit<SelectProps, 'value' | 'onChange' | 'data'>) {
  const { t } = useTranslation();
  const rates = useVatRates();
  const usable = (rates.data?.data ?? []).filter((r) => r.active || (by === 'id' ? r.id : r.rate) === value);
  const options =
    by === 'id'
      ? usable.map((r) => ({ value: r.id, label: r.label.includes(formatPercent(r.rate)) ? r.label : `${formatPercent(r.rate)} · ${r.label}` }))
      : usable.filter((r) => r.category === 'S' || r.rate === value).map((r) => ({ value: r.rate, label: formatPercent(r.rate) }));
  // A rate no longer configured (or settings not loaded yet) still shows as itself.
  if (by === 'rate' && value && !options.some((o) => o.value === value)) options.unshift({ value, label: formatPercent(value) });
  const unique = options.filter((o, i) => options.findIndex((x) => x.value === o.value) === i);
  return <Select {...props} data={unique} value={value} onChange={(v) => v !== null && onChange(v)} allowDeselect={false} nothingFoundMessage={t('common.noResults')} />;
}
