import { Select, SimpleGrid, TextInput } from '@mantine/core';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { locale } from '../lib/format';

export interface AddressState {
  line1: string;
  line2: string;
  postalCode: string;
  city: string;
  country: string;
}

export const EMPTY_ADDRESS: AddressState = { line1: '', line2: '', postalCode: '', city: '', country: 'FR' };

const COUNTRIES = ['FR', 'BE', 'LU', 'CH', 'MC', 'DE', 'ES', 'IT', 'PT', 'NL', 'AT', 'IE', 'GB', 'DK', 'SE', 'FI', 'PL', 'CZ', 'GR', 'US', 'CA', 'MA', 'TN', 'DZ', 'SN', 'CI', 'RE', 'GP', 'MQ', 'GF', 'YT', 'NC', 'PF'];

export function toAddressState(address: { line1: string; line2?: string | null; postalCode: string; city: string; country: string } | null | undefined): AddressState {
  if (!address) return { ...EMPTY_ADDRESS };
  return { line1: address.line1, line2: address.line2 ?? '', postalCode: address.postalCode, city: address.city, country: address.country };
}

export function isAddressEmpty(a: AddressState): boolean {
  return !a.line1.trim() && !a.line2.trim() && !a.postalCode.trim() && !a.city.trim();
}

/** The address as the API takes it, or undefined when the user left it blank. */
export function addressBody(a: AddressState): { line1: string; line2?: string; postalCode: string; city: string; country: string } | undefined {
  if (isAddressEmpty(a)) return undefined;
  return {
    line1: a.line1.trim(),
    ...(a.line2.trim() ? { line2: a.line2.trim() } : {}),
    postalCode: a.postalCode.trim(),
    city: a.city.trim(),
    country: a.country || 'FR',
  };
}

/** Postal address inputs; `errors` holds the server's field errors under `<prefix>.line1` and so on. */
export function AddressFields({
  value,
  onChange,
  errors,
  prefix,
}: {
  value: AddressState;
  onChange: (next: AddressState) => void;
  errors: Record<string, string>;
  prefix: string;
}) {
  const { t, i18n } = useTranslation();
  const countries = useMemo(() => {
    let names: Intl.DisplayNames | null = null;
    try {
      names = new Intl.DisplayNames([locale()], { type: 'region' });
    } catch {
      names = null;
    }
    return COUNTRIES.map((code) => ({ value: code, label: names?.of(code) ?? code })).sort((a, b) =>
      a.value === 'FR' ? -1 : b.value === 'FR' ? 1 : a.label.localeCompare(b.label, locale()),
    );
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [i18n.language]);
  const set = (field: keyof AddressState) => (v: string) => onChange({ ...value, [field]: v });
  const err = (field: string) => errors[`${prefix}.${field}`] ?? (field === 'line1' ? errors[prefix] : undefined);
  return (
    <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
      <TextInput label={t('address.line1')} value={value.line1} onChange={(e) => set('line1')(e.currentTarget.value)} error={err('line1')} autoComplete="address-line1" />
      <TextInput label={t('address.line2')} value={value.line2} onChange={(e) => set('line2')(e.currentTarget.value)} error={err('line2')} autoComplete="address-line2" />
      <TextInput label={t('address.postalCode')} value={value.postalCode} onChange={(e) => set('postalCode')(e.currentTarget.value)} error={err('postalCode')} autoComplete="postal-code" />
      <TextInput label={t('address.city')} value={value.city} onChange={(e) => set('city')(e.currentTarget.value)} error={err('city')} autoComplete="address-level2" />
      <Select
        label={t('address.country')}
        data={countries}
        value={value.country || 'FR'}
        onChange={(v) => set('country')(v ?? 'FR')}
        error={err('country')}
        searchable
        allowDeselect={false}
      />
    </SimpleGrid>
  );
}
