import { Select, SimpleGrid, Stack, Switch, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useCan, useMe } from '../../app/session';
import { FormSection } from '../../components/FormSection';
import { SaveBar } from '../../components/SaveBar';
import { FormErrorAlert, PageHeader, QueryFallback } from '../../components/ui';
import { ApiError } from '../../lib/api';
import { useEInvoicingSettings, useUpdateEInvoicingSettings, type EInvoicingSettings, type EInvoicingSettingsBody } from './einvoicing-api';
import { EINVOICE_FORMATS, EINVOICE_PROFILES, type EInvoiceFormat, type EInvoiceProfile } from './einvoicing-types';

const SHOWN_FIELDS = ['enabled', 'electronicAddress', 'electronicAddressScheme', 'profile', 'platform', 'transmitFormat', 'autoTransmit'];

interface FormState {
  enabled: boolean;
  electronicAddress: string;
  electronicAddressScheme: string;
  profile: EInvoiceProfile;
  platform: string;
  transmitFormat: EInvoiceFormat;
  autoTransmit: boolean;
}

function EInvoicingForm({ settings }: { settings: EInvoicingSettings }) {
  const { t } = useTranslation();
  const can = useCan();
  const me = useMe();
  const update = useUpdateEInvoicingSettings();
  const [state, setState] = useState<FormState>({
    enabled: settings.enabled,
    electronicAddress: settings.electronicAddress ?? '',
    electronicAddressScheme: settings.electronicAddressScheme,
    profile: settings.profile,
    platform: settings.platform,
    transmitFormat: settings.transmitFormat,
    autoTransmit: settings.autoTransmit,
  });
  const [saved, setSaved] = useState(false);
  const errors = update.error instanceof ApiError ? update.error.fields : {};
  const set = <K extends keyof FormState>(field: K, value: FormState[K]) => {
    setSaved(false);
    setState((prev) => ({ ...prev, [field]: value }));
  };
  // The adapters this deployment registers; a company still set to a removed one keeps it listed.
  const platforms = settings.platforms.includes(settings.platform) ? settings.platforms : [...settings.platforms, settings.platform];

  const submit = (e: FormEvent) => {
    e.preventDefault();
    // Only the settable fields: the response may carry more (dates), which the API would refuse.
    const body: EInvoicingSettingsBody = {
      enabled: state.enabled,
      electronicAddress: state.electronicAddress.trim() || null,
      electronicAddressScheme: state.electronicAddressScheme.trim(),
      profile: state.profile,
      platform: state.platform,
      transmitFormat: state.transmitFormat,
      autoTransmit: state.autoTransmit,
    };
    update.mutate(body, { onSuccess: () => setSaved(true) });
  };

  return (
    <form onSubmit={submit} noValidate aria-label={t('einvoicing.settings.title')}>
      <fieldset disabled={!can('billing:write')} style={{ border: 0, padding: 0, margin: 0, minWidth: 0 }}>
        <Stack gap="lg" maw={900}>
          {update.error ? <FormErrorAlert error={update.error} shownFields={SHOWN_FIELDS} /> : null}
          <FormSection title={t('einvoicing.settings.scope')}>
            <Switch
              label={t('einvoicing.settings.enabled')}
              description={t('einvoicing.settings.enabledHint')}
              checked={state.enabled}
              onChange={(e) => set('enabled', e.currentTarget.checked)}
              error={errors['enabled']}
            />
          </FormSection>
          <FormSection title={t('einvoicing.settings.routing')}>
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
              <TextInput
                label={t('einvoicing.settings.electronicAddress')}
                description={t('einvoicing.settings.electronicAddressHint')}
                value={state.electronicAddress}
                onChange={(e) => set('electronicAddress', e.currentTarget.value)}
                placeholder={me.company.siren}
                error={errors['electronicAddress']}
                maxLength={125}
              />
              <TextInput
                label={t('einvoicing.settings.scheme')}
                description={t('einvoicing.settings.schemeHint')}
                value={state.electronicAddressScheme}
                onChange={(e) => set('electronicAddressScheme', e.currentTarget.value)}
                error={errors['electronicAddressScheme']}
                maxLength={4}
                w={200}
              />
            </SimpleGrid>
          </FormSection>
          <FormSection title={t('einvoicing.settings.format')}>
            <Select
              label={t('einvoicing.settings.profile')}
              description={t('einvoicing.settings.profileHint')}
              data={EINVOICE_PROFILES.map((p) => ({ value: p, label: t(`einvoicing.settings.profiles.${p}`) }))}
              value={state.profile}
              onChange={(v) => v && set('profile', v as EInvoiceProfile)}
              allowDeselect={false}
              error={errors['profile']}
              maw={400}
            />
          </FormSection>
          <FormSection title={t('einvoicing.settings.transmission')}>
            <Stack>
              <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
                <Select
                  label={t('einvoicing.settings.platform')}
                  description={t('einvoicing.settings.platformHint')}
                  data={platforms.map((p) => ({ value: p, label: t(`einvoicing.settings.platforms.${p as 'none'}`, { defaultValue: p }) }))}
                  value={state.platform}
                  onChange={(v) => v && set('platform', v)}
                  allowDeselect={false}
                  error={errors['platform']}
                />
                <Select
                  label={t('einvoicing.settings.transmitFormat')}
                  data={EINVOICE_FORMATS.map((f) => ({ value: f, label: t(`einvoicing.formats.${f}`) }))}
                  value={state.transmitFormat}
                  onChange={(v) => v && set('transmitFormat', v as EInvoiceFormat)}
                  allowDeselect={false}
                  error={errors['transmitFormat']}
                />
              </SimpleGrid>
              <Switch
                label={t('einvoicing.settings.autoTransmit')}
                description={t('einvoicing.settings.autoTransmitHint')}
                checked={state.autoTransmit}
                onChange={(e) => set('autoTransmit', e.currentTarget.checked)}
                error={errors['autoTransmit']}
              />
            </Stack>
          </FormSection>
          <SaveBar saved={saved} savedLabel={t('einvoicing.settings.saved')} saving={update.isPending} pb="xl" />
        </Stack>
      </fieldset>
    </form>
  );
}

export function EInvoicingSettingsPage() {
  const { t } = useTranslation();
  const settings = useEInvoicingSettings();
  return (
    <>
      <PageHeader title={t('einvoicing.settings.title')} description={t('einvoicing.settings.subtitle')} />
      {settings.data ? <EInvoicingForm settings={settings.data} /> : <QueryFallback query={settings} empty={null} />}
    </>
  );
}
