import { Alert, Badge, Button, Group, List, Modal, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCan } from '../../app/session';
import { Field } from '../../components/Field';
import { IconAlert, IconDownload, IconShield } from '../../components/icons';
import { ConfirmDialog, ErrorState, errorMessage, LoadingState } from '../../components/ui';
import { isApiError } from '../../lib/api';
import { downloadFile } from '../../lib/download';
import { formatDateTime } from '../../lib/format';
import type { SalesDocument } from '../sales/sales-types';
import { einvoiceUrl, useCheckEInvoice, useEInvoiceState, useEInvoicingSettings, useRefreshEInvoiceState, useSubmitEInvoice, type EInvoiceState } from './einvoicing-api';
import { EINVOICE_FORMATS, type EInvoiceFormat } from './einvoicing-types';
import { EInvoiceStatusBadge } from './EInvoiceStatusBadge';
import { LifecycleTable } from './LifecycleTable';
import { SellerStatusMenu } from './SellerStatusMenu';
import { ValidationReportView } from './ValidationReportView';

const FALLBACK_EXTENSIONS: Record<EInvoiceFormat, string> = { facturx: 'facturx.pdf', cii: 'cii.xml', ubl: 'ubl.xml' };

/** `S4` → "S4 — services, final invoice after deposit": the category letter, then the mode digit. */
function useBillingModeLabel() {
  const { t } = useTranslation();
  return (mode: string) => {
    const parts = [...mode].map((c) => t(`einvoicing.billingModes.${c as 'B'}`, { defaultValue: '' })).filter(Boolean);
    return parts.length ? `${mode} — ${parts.join(', ')}` : mode;
  };
}

function DownloadButtons({ doc, state }: { doc: SalesDocument; state: EInvoiceState }) {
  const { t } = useTranslation();
  const refresh = useRefreshEInvoiceState(doc.id);
  const [busy, setBusy] = useState<EInvoiceFormat | null>(null);
  const [error, setError] = useState<unknown>(null);
  const download = async (format: EInvoiceFormat) => {
    setBusy(format);
    setError(null);
    try {
      const filename = state.formats.find((f) => f.format === format)?.filename ?? `${doc.number ?? doc.id}.${FALLBACK_EXTENSIONS[format]}`;
      await downloadFile(einvoiceUrl(doc.id, format), filename);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(null);
      // The first download makes the originals when the worker has not yet: the status moves on.
      refresh();
    }
  };
  return (
    <Stack gap="xs">
      <Group gap="xs">
        {EINVOICE_FORMATS.map((format) => (
          <Button
            key={format}
            variant="default"
            size="xs"
            leftSection={<IconDownload size={14} />}
            loading={busy === format}
            onClick={() => void download(format)}
            aria-label={t('einvoicing.panel.downloadFormat', { format: t(`einvoicing.formats.${format}`) })}
          >
            {t(`einvoicing.formats.${format}`)}
          </Button>
        ))}
      </Group>
      {error ? (
        <Alert color="red" variant="light" role="alert" icon={<IconAlert />}>
          {errorMessage(error, t('common.errorGeneric'))}
        </Alert>
      ) : null}
    </Stack>
  );
}

function CheckButton({ id }: { id: string }) {
  const { t } = useTranslation();
  const check = useCheckEInvoice(id);
  const [opened, setOpened] = useState(false);
  const run = () => {
    setOpened(true);
    check.mutate();
  };
  return (
    <>
      <Button variant="light" size="xs" leftSection={<IconShield size={14} />} onClick={run} loading={check.isPending}>
        {t('einvoicing.panel.check')}
      </Button>
      <Modal opened={opened} onClose={() => setOpened(false)} title={t('einvoicing.check.title')} size="80rem">
        {check.isPending ? <LoadingState /> : null}
        {check.data ? <ValidationReportView result={check.data} /> : null}
        {check.error ? (
          isApiError(check.error, 501) ? (
            <Alert color="yellow" variant="light" role="alert" icon={<IconAlert />}>
              {t('einvoicing.check.standardsUnavailable')}
            </Alert>
          ) : (
            <ErrorState error={check.error} onRetry={() => check.mutate()} />
          )
        ) : null}
      </Modal>
    </>
  );
}

function SubmitButton({ doc, platform }: { doc: SalesDocument; platform: string }) {
  const { t } = useTranslation();
  const submit = useSubmitEInvoice(doc.id);
  const [opened, setOpened] = useState(false);
  const platformLabel = t(`einvoicing.settings.platforms.${platform as 'fake'}`, { defaultValue: platform });
  return (
    <>
      <Button size="xs" onClick={() => setOpened(true)}>
        {t('einvoicing.panel.submit')}
      </Button>
      <ConfirmDialog
        opened={opened}
        title={t('einvoicing.panel.submitConfirmTitle')}
        message={t('einvoicing.panel.submitConfirm', { platform: platformLabel })}
        confirmLabel={t('einvoicing.panel.submit')}
        loading={submit.isPending}
        error={submit.error}
        onClose={() => {
          submit.reset();
          setOpened(false);
        }}
        onConfirm={() => submit.mutate(undefined, { onSuccess: () => setOpened(false) })}
      />
    </>
  );
}

function PanelBody({ doc, state }: { doc: SalesDocument; state: EInvoiceState }) {
  const { t } = useTranslation();
  const can = useCan();
  const settings = useEInvoicingSettings();
  const billingMode = useBillingModeLabel();
  const platform = settings.data?.platform ?? 'none';
  // Only domestic B2B e-invoices go through a platform; test documents never leave the company.
  const submittable = can('billing:write') && !doc.testMode && state.flow === 'B2B' && platform !== 'none' && (state.status === 'generated' || state.status === 'failed');
  return (
    <Stack gap="md">
      {state.status === 'pending' ? (
        <Text size="sm" c="dimmed" role="status">
          {t(settings.data?.enabled ? 'einvoicing.panel.pending' : 'einvoicing.panel.onDemand')}
        </Text>
      ) : null}
      <SimpleGrid cols={{ base: 2, md: 4 }} spacing="md">
        {state.flow ? <Field label={t('einvoicing.panel.flow')}>{t(`einvoicing.flows.${state.flow}`)}</Field> : null}
        {state.billingMode ? <Field label={t('einvoicing.panel.billingMode')}>{billingMode(state.billingMode)}</Field> : null}
        {state.profile ? <Field label={t('einvoicing.panel.profile')}>{t(`einvoicing.settings.profiles.${state.profile}`)}</Field> : null}
        {state.generatedAt ? <Field label={t('einvoicing.panel.generatedAt')}>{formatDateTime(state.generatedAt)}</Field> : null}
        {state.platform ? (
          <Field label={t('einvoicing.panel.platform')}>
            {t(`einvoicing.settings.platforms.${state.platform as 'fake'}`, { defaultValue: state.platform })}
            {state.platformRef ? (
              <Text span ff="monospace" size="xs" c="dimmed" ml={6}>
                {state.platformRef}
              </Text>
            ) : null}
          </Field>
        ) : null}
        {state.submittedAt ? <Field label={t('einvoicing.panel.submittedAt')}>{formatDateTime(state.submittedAt)}</Field> : null}
      </SimpleGrid>
      {!state.inScope ? (
        <Alert color="gray" variant="light" title={t('einvoicing.panel.outOfScope')}>
          {t('einvoicing.panel.outOfScopeHint')}
        </Alert>
      ) : null}
      {state.warnings.length ? (
        <Alert color="yellow" variant="light" icon={<IconAlert />} title={t('einvoicing.panel.warnings')}>
          <List size="sm" spacing={2}>
            {state.warnings.map((w) => (
              <List.Item key={w.path}>
                <Text span fw={600} ff="monospace" size="xs">
                  {w.path}
                </Text>{' '}
                : {w.message}
              </List.Item>
            ))}
          </List>
        </Alert>
      ) : null}
      {state.lastError ? (
        <Alert color="red" variant="light" icon={<IconAlert />} title={t('einvoicing.panel.lastError')} role="alert">
          {state.lastError}
        </Alert>
      ) : null}
      <Group justify="space-between" align="flex-start">
        <DownloadButtons doc={doc} state={state} />
        <Group gap="xs">
          <CheckButton id={doc.id} />
          {submittable ? <SubmitButton doc={doc} platform={platform} /> : null}
          {can('billing:write') && state.platformRef ? <SellerStatusMenu id={doc.id} /> : null}
        </Group>
      </Group>
      {/* Only domestic B2B e-invoices travel through a platform and have a lifecycle. */}
      {state.flow === 'B2B' || state.lifecycle.length ? (
        <Stack gap={4}>
          <Title order={3} fz="sm" fw={650}>
            {t('einvoicing.panel.lifecycle')}
          </Title>
          <LifecycleTable events={state.lifecycle} />
        </Stack>
      ) : null}
    </Stack>
  );
}

/**
 * The e-invoice of a validated invoice, credit note or deposit invoice: its status, flow and billing
 * mode, its files per format, their validation report, its transmission and the platform's lifecycle.
 */
export function EInvoicePanel({ doc }: { doc: SalesDocument }) {
  const { t } = useTranslation();
  const settings = useEInvoicingSettings();
  const state = useEInvoiceState(doc.id, settings.data?.enabled === true);
  return (
    <Paper withBorder p="lg" component="section" aria-label={t('einvoicing.panel.title')}>
      <Group justify="space-between" mb="md">
        <Title order={2} fz="md" fw={650}>
          {t('einvoicing.panel.title')}
        </Title>
        <Group gap={6}>
          {state.data?.profile ? (
            <Badge variant="outline" color="gray" size="sm" radius="sm">
              {state.data.profile}
            </Badge>
          ) : null}
          <EInvoiceStatusBadge status={state.data?.status} size="lg" />
        </Group>
      </Group>
      {state.data ? (
        <PanelBody doc={doc} state={state.data} />
      ) : state.isPending ? (
        <LoadingState minHeight={60} />
      ) : isApiError(state.error, 404) ? (
        <Text size="sm" c="dimmed">
          {t('einvoicing.panel.notValidated')}
        </Text>
      ) : (
        <ErrorState error={state.error} onRetry={() => void state.refetch()} />
      )}
    </Paper>
  );
}
