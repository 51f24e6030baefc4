import { Alert, Button, Center, EmptyState, Group, Loader, Modal, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../lib/api';
import { IconAlert, IconInbox } from './icons';

export function PageHeader({ title, description, actions, back }: { title: ReactNode; description?: ReactNode; actions?: ReactNode; back?: ReactNode }) {
  return (
    <Group justify="space-between" align="flex-end" mb="lg" wrap="wrap" gap="md">
      <Stack gap={4}>
        {back}
        <Title order={1} fz={26} fw={650} lh={1.2}>
          {title}
        </Title>
        {description ? (
          <Text c="dimmed" size="sm">
            {description}
          </Text>
        ) : null}
      </Stack>
      {actions ? <Group gap="sm">{actions}</Group> : null}
    </Group>
  );
}

/** Busy state with an accessible name, so screen readers (and tests) know something is loading. */
export function LoadingState({ label, minHeight = 160 }: { label?: string; minHeight?: number }) {
  const { t } = useTranslation();
  return (
    <Center mih={minHeight} role="status" aria-live="polite" aria-label={label ?? t('common.loading')}>
      <Group gap="sm">
        <Loader size="sm" />
        <Text size="sm" c="dimmed">
          {label ?? t('common.loading')}
        </Text>
      </Group>
    </Center>
  );
}

export function EmptyBlock({ title, description, action, icon }: { title: string; description?: string; action?: ReactNode; icon?: ReactNode }) {
  return (
    <EmptyState
      py={48}
      variant="light"
      icon={icon ?? <IconInbox size={26} />}
      title={title}
      description={description}
      role="status"
    >
      {action ? <EmptyState.Actions>{action}</EmptyState.Actions> : null}
    </EmptyState>
  );
}

export function errorMessage(error: unknown, fallback: string): string {
  if (error instanceof ApiError) return error.problem?.detail || error.problem?.title || fallback;
  return fallback;
}

export function ErrorState({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t } = useTranslation();
  return (
    <Alert color="red" variant="light" icon={<IconAlert />} title={t('common.errorTitle')} role="alert" my="md">
      <Stack gap="xs" align="flex-start">
        <Text size="sm">{errorMessage(error, t('common.errorGeneric'))}</Text>
        {onRetry ? (
          <Button size="xs" variant="white" color="red" onClick={onRetry}>
            {t('common.retry')}
          </Button>
        ) : null}
      </Stack>
    </Alert>
  );
}

/** What a list shows instead of its rows: loading, the error with a retry, or its empty state. */
export function QueryFallback({ query, empty }: { query: { isPending: boolean; isError: boolean; error: unknown; refetch: () => unknown }; empty: ReactNode }) {
  if (query.isPending) return <LoadingState />;
  if (query.isError) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  return <>{empty}</>;
}

/** The Cancel / submit pair at the bottom of every form dialog. */
export function FormActions({ onCancel, submitLabel, loading }: { onCancel: () => void; submitLabel: ReactNode; loading: boolean }) {
  const { t } = useTranslation();
  return (
    <Group justify="flex-end">
      <Button variant="default" onClick={onCancel}>
        {t('common.cancel')}
      </Button>
      <Button type="submit" loading={loading}>
        {submitLabel}
      </Button>
    </Group>
  );
}

/** Problem without field errors (or with errors on fields the form does not show). */
export function FormErrorAlert({ error, shownFields = [] }: { error: unknown; shownFields?: string[] }) {
  const { t } = useTranslation();
  if (!error) return null;
  const fields = error instanceof ApiError ? error.fields : {};
  const other = Object.entries(fields).filter(([path]) => !shownFields.includes(path));
  const hasShown = Object.keys(fields).some((path) => shownFields.includes(path));
  return (
    <Alert color="red" variant="light" icon={<IconAlert />} title={hasShown ? t('common.fixErrors') : t('common.errorTitle')} role="alert">
      {other.length ? (
        <Stack gap={2}>
          {other.map(([path, message]) => (
            <Text size="sm" key={path}>
              <Text span fw={600}>
                {path}
              </Text>{' '}
              : {message}
            </Text>
          ))}
        </Stack>
      ) : hasShown ? null : (
        <Text size="sm">{errorMessage(error, t('common.errorGeneric'))}</Text>
      )}
    </Alert>
  );
}

export function ConfirmDialog({
  opened,
  title,
  message,
  confirmLabel,
  onConfirm,
  onClose,
  loading,
  error,
}: {
  opened: boolean;
  title: string;
  message: ReactNode;
  confirmLabel: string;
  onConfirm: () => void;
  onClose: () => void;
  loading?: boolean;
  error?: unknown;
}) {
  const { t } = useTranslation();
  return (
    <Modal opened={opened} onClose={onClose} title={title} centered>
      <Stack>
        <Text size="sm">{message}</Text>
        {error ? <FormErrorAlert error={error} /> : null}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button color="red" onClick={onConfirm} loading={loading}>
            {confirmLabel}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
