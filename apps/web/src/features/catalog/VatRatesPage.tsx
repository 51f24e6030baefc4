import { Button, Checkbox, Paper, Select, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { VAT_CATEGORY_CODES, type VatCategoryCode } from '@comptoir/billing-engine';
import { useCan } from '../../app/session';
import { IconPercent, IconPlus } from '../../components/icons';
import { FormModal } from '../../components/FormModal';
import { EditAction, SettingsTable } from '../../components/SettingsTable';
import { ActiveBadge } from './CatalogBadges';
import { EmptyBlock, PageHeader, QueryFallback } from '../../components/ui';
import { ApiError } from '../../lib/api';
import { toDecimalInput } from '../../lib/decimal';
import { formatPercent } from '../../lib/format';
import { useSaveVatRate, useVatRates } from './catalog-api';
import type { VatRate } from './catalog-types';

function VatRateModal({ rate, onClose }: { rate: VatRate | null; onClose: () => void }) {
  const { t } = useTranslation();
  const save = useSaveVatRate(rate?.id);
  const [values, setValues] = useState({
    rate: rate?.rate ?? '',
    label: rate?.label ?? '',
    category: rate?.category ?? ('S' as VatCategoryCode),
    country: rate?.country ?? 'FR',
    exemptionReason: rate?.exemptionReason ?? '',
    active: rate?.active ?? true,
  });
  const errors = save.error instanceof ApiError ? save.error.fields : {};
  const submit = () => {
    save.mutate(
      { ...values, rate: toDecimalInput(values.rate), label: values.label.trim(), exemptionReason: values.exemptionReason.trim() || undefined },
      { onSuccess: onClose },
    );
  };
  return (
    <FormModal title={rate ? t('catalog.vat.edit') : t('catalog.vat.new')} onClose={onClose} onSubmit={submit} error={save.error} shownFields={['rate', 'label', 'category', 'country', 'exemptionReason']} submitLabel={rate ? t('common.save') : t('common.create')} loading={save.isPending}>
      <TextInput label={t('catalog.vat.fields.rate')} inputMode="decimal" required value={values.rate} onChange={(e) => setValues({ ...values, rate: e.currentTarget.value })} error={errors['rate']} rightSection="%" />
      <TextInput label={t('catalog.vat.fields.label')} required value={values.label} onChange={(e) => setValues({ ...values, label: e.currentTarget.value })} error={errors['label']} />
      <Select label={t('catalog.fields.vatCategory')} data={VAT_CATEGORY_CODES.map((c) => ({ value: c, label: t(`catalog.vatCategories.${c}`) }))} value={values.category} onChange={(v) => v && setValues({ ...values, category: v as VatCategoryCode })} allowDeselect={false} error={errors['category']} />
      <TextInput label={t('catalog.vat.fields.country')} maxLength={2} value={values.country} onChange={(e) => setValues({ ...values, country: e.currentTarget.value.toUpperCase() })} error={errors['country']} />
      {values.category !== 'S' ? <TextInput label={t('catalog.fields.vatExemptionReason')} value={values.exemptionReason} onChange={(e) => setValues({ ...values, exemptionReason: e.currentTarget.value })} error={errors['exemptionReason']} /> : null}
      <Checkbox label={t('catalog.active')} checked={values.active} onChange={(e) => setValues({ ...values, active: e.currentTarget.checked })} />
    </FormModal>
  );
}

export function VatRatesPage() {
  const { t } = useTranslation();
  const can = useCan();
  const rates = useVatRates();
  const [editing, setEditing] = useState<VatRate | 'new' | null>(null);
  const writable = can('catalog:write');
  const newButton = writable ? (
    <Button leftSection={<IconPlus />} onClick={() => setEditing('new')}>
      {t('catalog.vat.new')}
    </Button>
  ) : null;
  return (
    <>
      <PageHeader title={t('catalog.vat.title')} description={t('catalog.vat.subtitle')} actions={newButton} />
      <Paper withBorder>
        {!rates.isSuccess || rates.data.data.length === 0 ? (
          <QueryFallback query={rates} empty={<EmptyBlock icon={<IconPercent size={26} />} title={t('catalog.vat.empty')} action={newButton} />} />
        ) : (
          <SettingsTable
            label={t('catalog.vat.tableLabel')}
            rows={rates.data.data}
            columns={[
              { header: t('catalog.vat.fields.rate'), td: { fw: 600 }, cell: (r) => formatPercent(r.rate) },
              { header: t('catalog.vat.fields.label'), cell: (r) => r.label },
              { header: t('catalog.fields.vatCategory'), td: { fz: 'sm' }, cell: (r) => t(`catalog.vatCategories.${r.category}`) },
              { header: t('catalog.vat.fields.country'), cell: (r) => r.country ?? '—' },
              { header: t('catalog.fields.status'), cell: (r) => <ActiveBadge active={r.active} /> },
            ]}
            actions={writable ? (r) => <EditAction label={t('catalog.vat.editNamed', { name: r.label })} onClick={() => setEditing(r)} /> : undefined}
          />
        )}
      </Paper>
      {editing ? <VatRateModal key={editing === 'new' ? 'new' : editing.id} rate={editing === 'new' ? null : editing} onClose={() => setEditing(null)} /> : null}
    </>
  );
}
