import { Select, type SelectProps } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatPercent } from '../../lib/format';
import { useVatRates } from './catalog-api';

/** VAT rate chooser fed by the company's VAT rates settings; the value is the rate ("20.00"). */
export function VatRateSelect({ value, onChange, ...props }: { value: string | null; onChange: (rate: string) => void } & Omit<SelectProps, 'value' | 'onChange' | 'data'>) {
  const { t } = useTranslation();
  const rates = useVatRates();
  const options = (rates.data?.data ?? []).filter((r) => r.active || r.rate === value).map((r) => ({ value: r.rate, label: `${formatPercent(r.rate)} · ${r.label}` }));
  // A rate no longer configured (or settings not loaded yet) still shows as itself.
  if (value && !options.some((o) => o.value === value)) options.unshift({ value, label: formatPercent(value) });
  const unique = options.filter((o, i) => options.findIndex((x) => x.value === o.value) === i);
  return <Select {...props} data={unique} value={value} onChange={(v) => v !== null && onChange(v)} allowDeselect={false} nothingFoundMessage={t('common.noResults')} />;
}
