import { Checkbox, NumberInput, SimpleGrid, Stack, Switch, Textarea } from '@mantine/core';
import { useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { validatePaymentTerms, type InstallmentInput } from '@comptoir/billing-engine';
import { useCan } from '../../app/session';
import { FormSection } from '../../components/FormSection';
import { SaveBar } from '../../components/SaveBar';
import { FormErrorAlert, PageHeader, QueryFallback } from '../../components/ui';
import { ApiError } from '../../lib/api';
import { toInstallment } from '../sales/editor/editor-state';
import { PaymentTermsEditor } from '../sales/editor/FooterFields';
import { PDF_OPTION_KEYS } from '../sales/sales-types';
import { useBillingSettings, useUpdateBillingSettings } from './ledger-api';
import type { BillingSettings } from './ledger-types';

type FormState = Omit<BillingSettings, 'paymentTerms' | 'updatedAt'> & { paymentTerms: InstallmentInput[] };

function SettingsForm({ settings }: { settings: BillingSettings }) {
  const { t } = useTranslation();
  const can = useCan();
  const update = useUpdateBillingSettings();
  const [values, setValues] = useState<FormState>(() => {
    const { updatedAt: _updatedAt, ...rest } = settings;
    return { ...rest, paymentTerms: settings.paymentTerms.map(toInstallment) };
  });
  const [saved, setSaved] = useState(false);
  const errors = update.error instanceof ApiError ? update.error.fields : {};
  const problems = useMemo(() => (values.paymentTerms.length ? validatePaymentTerms(values.paymentTerms) : []), [values.paymentTerms]);
  const set = <K extends keyof FormState>(field: K, value: FormState[K]) => {
    setSaved(false);
    setValues((prev) => ({ ...prev, [field]: value }));
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    update.mutate({ ...values, termsOfSale: values.termsOfSale?.trim() || null }, { onSuccess: () => setSaved(true) });
  };
  return (
    <form onSubmit={submit} noValidate aria-label={t('ledger.billingSettings.title')}>
      <fieldset disabled={!can('billing:write')} style={{ border: 0, padding: 0, margin: 0, minWidth: 0 }}>
        <Stack gap="lg">
          {update.error ? <FormErrorAlert error={update.error} shownFields={['latePenaltyText', 'earlyPaymentText', 'termsOfSale', 'quoteValidityDays']} /> : null}
          <FormSection title={t('ledger.billingSettings.legal')}>
            <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
              <Textarea label={t('ledger.billingSettings.latePenaltyText')} autosize minRows={2} value={values.latePenaltyText} onChange={(e) => set('latePenaltyText', e.currentTarget.value)} error={errors['latePenaltyText']} />
              <Textarea label={t('ledger.billingSettings.earlyPaymentText')} autosize minRows={2} value={values.earlyPaymentText} onChange={(e) => set('earlyPaymentText', e.currentTarget.value)} error={errors['earlyPaymentText']} />
            </SimpleGrid>
            <Switch mt="md" label={t('ledger.billingSettings.vatOnDebits')} description={t('ledger.billingSettings.vatOnDebitsHint')} checked={values.vatOnDebits} onChange={(e) => set('vatOnDebits', e.currentTarget.checked)} />
          </FormSection>
          <FormSection title={t('ledger.billingSettings.defaults')}>
            <Stack>
              <Textarea label={t('sales.header.termsOfSale')} autosize minRows={3} maxRows={12} value={values.termsOfSale ?? ''} onChange={(e) => set('termsOfSale', e.currentTarget.value)} error={errors['termsOfSale']} />
              <NumberInput label={t('ledger.billingSettings.quoteValidityDays')} min={1} max={365} value={values.quoteValidityDays} onChange={(v) => set('quoteValidityDays', Number(v) || 30)} error={errors['quoteValidityDays']} w={220} />
              <SimpleGrid cols={{ base: 1, sm: 2, md: 5 }} spacing="xs" role="group" aria-label={t('sales.header.pdfOptions')}>
                {PDF_OPTION_KEYS.map((option) => (
                  <Checkbox key={option} size="xs" label={t(`sales.pdfOptions.${option}`)} checked={values.pdfOptions[option] ?? false} onChange={(e) => set('pdfOptions', { ...values.pdfOptions, [option]: e.currentTarget.checked })} />
                ))}
              </SimpleGrid>
            </Stack>
          </FormSection>
          <PaymentTermsEditor terms={values.paymentTerms} onChange={(terms) => set('paymentTerms', terms)} schedule={[]} problems={problems} currency="EUR" errors={errors} />
          <SaveBar saved={saved} savedLabel={t('ledger.billingSettings.saved')} saving={update.isPending} pb="xl" />
        </Stack>
      </fieldset>
    </form>
  );
}

export function BillingSettingsPage() {
  const { t } = useTranslation();
  const settings = useBillingSettings();
  return (
    <>
      <PageHeader title={t('ledger.billingSettings.title')} description={t('ledger.billingSettings.subtitle')} />
      {settings.data ? <SettingsForm key={settings.data.updatedAt ?? 'defaults'} settings={settings.data} /> : <QueryFallback query={settings} empty={null} />}
    </>
  );
}
