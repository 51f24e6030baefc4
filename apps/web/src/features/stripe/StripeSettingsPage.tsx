import { Alert, Badge, Button, CopyButton, Group, PasswordInput, Stack, Text, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useCan } from '../../app/session';
import { FormSection } from '../../components/FormSection';
import { SaveBar } from '../../components/SaveBar';
import { IconCheck, IconCopy } from '../../components/icons';
import { FormErrorAlert, PageHeader, QueryFallback } from '../../components/ui';
import { ApiError } from '../../lib/api';
import { formatDateTime } from '../../lib/format';
import { useStripeSettings, useTestStripeConnection, useUpdateStripeSettings, type StripeSettings } from './stripe-api';

const FIELDS = ['secretKey', 'publishableKey', 'webhookSecret'] as const;

/** Keys are write-only: the form starts empty and the page shows only "configured ••••last4". */
function KeysForm({ settings }: { settings: StripeSettings }) {
  const { t } = useTranslation();
  const can = useCan();
  const update = useUpdateStripeSettings();
  const [values, setValues] = useState({ secretKey: '', publishableKey: settings.publishableKey ?? '', webhookSecret: '' });
  const [saved, setSaved] = useState(false);
  const errors = update.error instanceof ApiError ? update.error.fields : {};
  const set = (field: (typeof FIELDS)[number], value: string) => {
    setSaved(false);
    setValues((prev) => ({ ...prev, [field]: value.trim() }));
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const { webhookSecret, ...keys } = values;
    update.mutate(webhookSecret ? { ...keys, webhookSecret } : keys, {
      onSuccess: () => {
        setSaved(true);
        setValues((prev) => ({ ...prev, secretKey: '', webhookSecret: '' }));
      },
    });
  };
  return (
    <form onSubmit={submit} noValidate aria-label={t('stripe.settings.keys')}>
      <fieldset disabled={!can('banking:write')} style={{ border: 0, padding: 0, margin: 0, minWidth: 0 }}>
        <FormSection title={t('stripe.settings.keys')}>
          <Stack>
            {update.error ? <FormErrorAlert error={update.error} shownFields={[...FIELDS]} /> : null}
            <PasswordInput
              label={t('stripe.settings.secretKey')}
              description={settings.configured ? t('stripe.settings.secretKeyConfigured', { last4: settings.secretKeyLast4 }) : t('stripe.settings.secretKeyHint')}
              placeholder="sk_test_…"
              autoComplete="off"
              value={values.secretKey}
              onChange={(e) => set('secretKey', e.currentTarget.value)}
              error={errors['secretKey']}
              required
            />
            <TextInput label={t('stripe.settings.publishableKey')} placeholder="pk_test_…" autoComplete="off" value={values.publishableKey} onChange={(e) => set('publishableKey', e.currentTarget.value)} error={errors['publishableKey']} required />
            <PasswordInput
              label={t('stripe.settings.webhookSecret')}
              description={settings.webhookSecretConfigured ? t('stripe.settings.webhookSecretConfigured') : t('stripe.settings.webhookSecretHint')}
              placeholder="whsec_…"
              autoComplete="off"
              value={values.webhookSecret}
              onChange={(e) => set('webhookSecret', e.currentTarget.value)}
              error={errors['webhookSecret']}
            />
            <SaveBar saved={saved} savedLabel={t('stripe.settings.saved')} saving={update.isPending} />
          </Stack>
        </FormSection>
      </fieldset>
    </form>
  );
}

function ConnectionSection({ settings }: { settings: StripeSettings }) {
  const { t } = useTranslation();
  const can = useCan();
  const test = useTestStripeConnection();
  return (
    <FormSection title={t('stripe.settings.connection')}>
      <Stack>
        <Group gap="sm">
          {settings.configured ? (
            <>
              <Badge color="teal" variant="light">
                {t('stripe.settings.configured', { last4: settings.secretKeyLast4 })}
              </Badge>
              <Badge color={settings.mode === 'live' ? 'red' : 'gray'} variant="outline">
                {t(`stripe.mode.${settings.mode ?? 'test'}`)}
              </Badge>
              {settings.updatedAt ? (
                <Text size="xs" c="dimmed">
                  {t('stripe.settings.updatedAt', { at: formatDateTime(settings.updatedAt) })}
                </Text>
              ) : null}
            </>
          ) : (
            <Badge color="gray" variant="light">
              {t('stripe.settings.notConfigured')}
            </Badge>
          )}
        </Group>
        <Group>
          <Button variant="light" onClick={() => test.mutate()} loading={test.isPending} disabled={!settings.configured || !can('banking:write')}>
            {t('stripe.settings.test')}
          </Button>
        </Group>
        {test.data ? (
          <Alert color="teal" variant="light" icon={<IconCheck />} role="status" title={t('stripe.settings.testOk')}>
            {test.data.accountName ? t('stripe.settings.testAccount', { name: test.data.accountName, mode: t(`stripe.mode.${test.data.mode}`) }) : t(`stripe.mode.${test.data.mode}`)}
          </Alert>
        ) : null}
        {test.error ? <FormErrorAlert error={test.error} /> : null}
      </Stack>
    </FormSection>
  );
}

function WebhookSection({ url }: { url: string }) {
  const { t } = useTranslation();
  return (
    <FormSection title={t('stripe.settings.webhook')}>
      <Stack gap="xs">
        <Text size="sm">{t('stripe.settings.webhookHelp')}</Text>
        <Group gap="xs" wrap="nowrap">
          <TextInput aria-label={t('stripe.settings.webhookUrl')} value={url} readOnly style={{ flex: 1 }} onFocus={(e) => e.currentTarget.select()} />
          <CopyButton value={url}>
            {({ copied, copy }) => (
              <Button variant="default" leftSection={copied ? <IconCheck size={16} /> : <IconCopy size={16} />} onClick={copy}>
                {copied ? t('stripe.settings.copied') : t('stripe.settings.copy')}
              </Button>
            )}
          </CopyButton>
        </Group>
        <Text size="xs" c="dimmed">
          {t('stripe.settings.webhookEvents')}
        </Text>
      </Stack>
    </FormSection>
  );
}

export function StripeSettingsPage() {
  const { t } = useTranslation();
  const settings = useStripeSettings();
  return (
    <>
      <PageHeader title={t('stripe.settings.title')} description={t('stripe.settings.subtitle')} />
      {settings.data ? (
        <Stack gap="lg" pb="xl">
          <ConnectionSection settings={settings.data} />
          <KeysForm key={settings.data.updatedAt ?? 'new'} settings={settings.data} />
          <WebhookSection url={settings.data.webhookUrl} />
        </Stack>
      ) : (
        <QueryFallback query={settings} empty={null} />
      )}
    </>
  );
}
