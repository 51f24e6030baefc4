import { Alert, Badge, Button, Code, CopyButton, Group, Modal, MultiSelect, Paper, Stack, Text, TextInput, Tooltip } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Schemas } from '@comptoir/api-client';
import { useCan, useMe } from '../../app/session';
import { useCompanyKey } from '../../app/company';
import { api, ApiError, unwrap } from '../../lib/api';
import { formatDate, formatDateTime, formatRelative } from '../../lib/format';
import { IconAlert, IconCheck, IconCopy, IconKey, IconPlus } from '../../components/icons';
import { useConfirmTarget } from '../../components/useConfirmTarget';
import { SettingsTable } from '../../components/SettingsTable';
import { ConfirmDialog, EmptyBlock, FormErrorAlert, PageHeader, QueryFallback } from '../../components/ui';
import { useApiKeys, type ApiKey } from './org-api';

type Scope = Schemas['CreateApiKeyDto']['scopes'][number];
type CreatedKey = Schemas['CreatedApiKeyResponseDto'];

const MODULES = ['org', 'crm', 'catalog', 'billing', 'ledger', 'banking', 'planning', 'stock', 'integrations'] as const;

function CreateKeyModal({ onClose, onCreated }: { onClose: () => void; onCreated: (key: CreatedKey) => void }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const key = useCompanyKey();
  const [name, setName] = useState('');
  const [scopes, setScopes] = useState<Scope[]>(['crm:read']);
  const create = useMutation({
    mutationFn: () => unwrap(api.POST('/api/v1/api-keys', { body: { name: name.trim(), scopes } })),
    onSuccess: (created) => {
      void client.invalidateQueries({ queryKey: key('api-keys') });
      onCreated(created);
    },
  });
  const errors = create.error instanceof ApiError ? create.error.fields : {};
  const scopeData = [
    { group: t('settings.apiKeys.scopeGroups.all'), items: [{ value: '*', label: t('settings.apiKeys.allScopes') }] },
    ...MODULES.map((m) => ({
      group: t(`settings.apiKeys.modules.${m}`),
      items: [
        { value: `${m}:read`, label: `${m}:read · ${t('settings.apiKeys.read')}` },
        { value: `${m}:write`, label: `${m}:write · ${t('settings.apiKeys.write')}` },
      ],
    })),
  ];
  const submit = (e: FormEvent) => {
    e.preventDefault();
    create.mutate();
  };
  return (
    <Modal opened onClose={onClose} title={t('settings.apiKeys.new')} centered size="lg">
      <form onSubmit={submit} noValidate>
        <Stack>
          {create.error ? <FormErrorAlert error={create.error} shownFields={['name', 'scopes']} /> : null}
          <TextInput
            label={t('settings.apiKeys.fields.name')}
            placeholder={t('settings.apiKeys.namePlaceholder')}
            required
            value={name}
            onChange={(e) => setName(e.currentTarget.value)}
            error={errors['name']}
            data-autofocus
          />
          <MultiSelect
            label={t('settings.apiKeys.fields.scopes')}
            description={t('settings.apiKeys.scopesHint')}
            data={scopeData}
            value={scopes}
            onChange={(v) => setScopes(v as Scope[])}
            error={errors['scopes'] ?? Object.entries(errors).find(([p]) => p.startsWith('scopes['))?.[1]}
            searchable
            clearable
            required
            maxDropdownHeight={320}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={create.isPending} disabled={!name.trim() || !scopes.length}>
              {t('settings.apiKeys.create')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

function SecretRow({ label, value }: { label: string; value: string }) {
  const { t } = useTranslation();
  const id = `secret-${label.replace(/\W+/g, '-').toLowerCase()}`;
  return (
    <Stack gap={4}>
      <Text size="sm" fw={600} id={id}>
        {label}
      </Text>
      <Group gap="xs" wrap="nowrap" align="stretch">
        <Code block aria-labelledby={id} style={{ flex: 1, wordBreak: 'break-all', whiteSpace: 'pre-wrap', fontSize: 13 }}>
          {value}
        </Code>
        <CopyButton value={value} timeout={2000}>
          {({ copied, copy }) => (
            <Button
              variant={copied ? 'filled' : 'light'}
              color={copied ? 'teal' : undefined}
              onClick={copy}
              leftSection={copied ? <IconCheck size={16} /> : <IconCopy size={16} />}
              aria-label={`${copied ? t('common.copied') : t('common.copy')} : ${label}`}
              miw={110}
            >
              {copied ? t('common.copied') : t('common.copy')}
            </Button>
          )}
        </CopyButton>
      </Group>
    </Stack>
  );
}

function CreatedKeyModal({ created, onClose }: { created: CreatedKey; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Modal opened onClose={onClose} title={t('settings.apiKeys.createdTitle')} centered size="lg" closeOnClickOutside={false} closeOnEscape={false} withCloseButton={false}>
      <Stack>
        <Alert color="orange" variant="light" icon={<IconAlert />} role="alert">
          {t('settings.apiKeys.createdWarning')}
        </Alert>
        <SecretRow label={t('settings.apiKeys.token')} value={created.token} />
        <Text size="xs" c="dimmed">
          {t('settings.apiKeys.basicHint')}
        </Text>
        <SecretRow label={t('settings.apiKeys.fields.publicId')} value={created.publicId} />
        <SecretRow label={t('settings.apiKeys.secret')} value={created.secret} />
        <Group justify="flex-end">
          <Button onClick={onClose}>{t('settings.apiKeys.done')}</Button>
        </Group>
      </Stack>
    </Modal>
  );
}

export function ApiKeysPage() {
  const { t } = useTranslation();
  const me = useMe();
  const can = useCan();
  const client = useQueryClient();
  const key = useCompanyKey();
  const keys = useApiKeys();
  const [creating, setCreating] = useState(false);
  const [created, setCreated] = useState<CreatedKey | null>(null);
  const writable = can('org:write');

  const revoke = useMutation({
    mutationFn: (id: string) => unwrap(api.POST('/api/v1/api-keys/{id}/revoke', { params: { path: { id } } })),
    onSuccess: () => void client.invalidateQueries({ queryKey: key('api-keys') }),
  });
  const revoking = useConfirmTarget<ApiKey, unknown>(revoke);

  const newButton = writable ? (
    <Button leftSection={<IconPlus />} onClick={() => setCreating(true)}>
      {t('settings.apiKeys.new')}
    </Button>
  ) : null;

  return (
    <>
      <PageHeader title={t('settings.apiKeys.title')} description={t('settings.apiKeys.subtitle', { company: me.company.legalName })} actions={newButton} />
      <Paper withBorder>
        {!keys.isSuccess || keys.data.data.length === 0 ? (
          <QueryFallback query={keys} empty={<EmptyBlock icon={<IconKey size={26} />} title={t('settings.apiKeys.empty')} description={t('settings.apiKeys.emptyDescription')} action={newButton} />} />
        ) : (
          <SettingsTable
            label={t('settings.apiKeys.tableLabel')}
            minWidth={900}
            rows={keys.data.data}
            rowProps={(k) => ({ style: { opacity: k.revokedAt ? 0.6 : 1 } })}
            columns={[
              {
                header: t('settings.apiKeys.fields.name'),
                cell: (k) => (
                  <Text size="sm" fw={600}>
                    {k.name}
                  </Text>
                ),
              },
              { header: t('settings.apiKeys.fields.publicId'), cell: (k) => <Code>{k.publicId}</Code> },
              {
                header: t('settings.apiKeys.fields.scopes'),
                cell: (k) => (
                  <Group gap={4}>
                    {k.scopes.map((s) => (
                      <Badge key={s} size="xs" variant="outline" color="gray" tt="none">
                        {s === '*' ? t('settings.apiKeys.allScopes') : s}
                      </Badge>
                    ))}
                  </Group>
                ),
              },
              { header: t('settings.apiKeys.fields.createdAt'), td: { fz: 'sm' }, cell: (k) => formatDate(k.createdAt) },
              {
                header: t('settings.apiKeys.fields.lastUsedAt'),
                td: { fz: 'sm' },
                cell: (k) =>
                  k.lastUsedAt ? (
                    <Tooltip label={formatDateTime(k.lastUsedAt)}>
                      <span>{formatRelative(k.lastUsedAt)}</span>
                    </Tooltip>
                  ) : (
                    <Text span size="sm" c="dimmed">
                      {t('settings.apiKeys.never')}
                    </Text>
                  ),
              },
              {
                header: t('settings.apiKeys.fields.status'),
                cell: (k) =>
                  k.revokedAt ? (
                    <Tooltip label={formatDateTime(k.revokedAt)}>
                      <Badge color="red" variant="light">
                        {t('settings.apiKeys.revoked')}
                      </Badge>
                    </Tooltip>
                  ) : (
                    <Badge color="teal" variant="light">
                      {t('settings.apiKeys.active')}
                    </Badge>
                  ),
              },
            ]}
            actionsWidth={110}
            actions={
              writable
                ? (k) =>
                    !k.revokedAt ? (
                      <Button size="compact-sm" variant="subtle" color="red" onClick={() => revoking.ask(k)} aria-label={t('settings.apiKeys.revokeNamed', { name: k.name })}>
                        {t('settings.apiKeys.revoke')}
                      </Button>
                    ) : null
                : undefined
            }
          />
        )}
      </Paper>
      {creating ? (
        <CreateKeyModal
          onClose={() => setCreating(false)}
          onCreated={(k) => {
            setCreating(false);
            setCreated(k);
          }}
        />
      ) : null}
      {created ? <CreatedKeyModal created={created} onClose={() => setCreated(null)} /> : null}
      <ConfirmDialog
        {...revoking.dialog}
        title={t('settings.apiKeys.revokeTitle')}
        message={t('settings.apiKeys.revokeConfirm', { name: revoking.target?.name ?? '' })}
        confirmLabel={t('settings.apiKeys.revoke')}
      />
    </>
  );
}
