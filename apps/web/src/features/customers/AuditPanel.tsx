import { Badge, Code, Group, Paper, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../lib/format';
import { IconHistory } from '../../components/icons';
import { EmptyBlock, ErrorState, LoadingState } from '../../components/ui';
import { useAccountAudit } from './accounts-api';

const FIELD_KEYS: Record<string, string> = {
  name: 'name',
  kind: 'kind',
  roles: 'roles',
  siren: 'siren',
  siret: 'siret',
  vatNumber: 'vatNumber',
  email: 'email',
  phone: 'phone',
  mobile: 'mobile',
  website: 'website',
  tags: 'tags',
  sectorId: 'sector',
  assignedUserId: 'assignedUser',
  preferredPaymentMethod: 'paymentMethod',
  externalRef: 'externalRef',
  notes: 'notes',
  billingAddress: 'billingAddress',
  deliveryAddresses: 'deliveryAddresses',
  customFields: 'customFields',
  deletedAt: 'deletedAt',
};

const ACTION_COLORS: Record<string, string> = { create: 'teal', update: 'blue', delete: 'red' };

function show(value: unknown): string {
  if (value === null || value === undefined || value === '') return '—';
  if (Array.isArray(value)) return value.length ? value.map(show).join(', ') : '—';
  if (typeof value === 'object') {
    return Object.values(value as Record<string, unknown>)
      .filter((v) => v !== null && v !== undefined && v !== '')
      .map(show)
      .join(', ');
  }
  return String(value);
}

interface Change {
  from?: unknown;
  to?: unknown;
}

function isChange(value: unknown): value is Change {
  return typeof value === 'object' && value !== null && ('from' in value || 'to' in value);
}

export function AuditPanel({ accountId }: { accountId: string }) {
  const { t } = useTranslation();
  const audit = useAccountAudit(accountId);

  if (audit.isPending) return <LoadingState />;
  if (audit.isError) return <ErrorState error={audit.error} onRetry={() => void audit.refetch()} />;
  const entries = audit.data.data;
  if (!entries.length) {
    return (
      <Paper withBorder>
        <EmptyBlock icon={<IconHistory size={26} />} title={t('audit.empty')} />
      </Paper>
    );
  }

  const fieldLabel = (field: string) => {
    const key = FIELD_KEYS[field];
    return key ? t(`customers.fields.${key}` as 'customers.fields.name') : field;
  };

  return (
    <Paper withBorder>
      <Table.ScrollContainer minWidth={760}>
        <Table aria-label={t('audit.tableLabel')} verticalSpacing="sm">
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col" w={170}>
                {t('audit.columns.at')}
              </Table.Th>
              <Table.Th scope="col" w={190}>
                {t('audit.columns.actor')}
              </Table.Th>
              <Table.Th scope="col" w={130}>
                {t('audit.columns.action')}
              </Table.Th>
              <Table.Th scope="col">{t('audit.columns.changes')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {entries.map((entry) => {
              const changes = Object.entries(entry.changes ?? {});
              return (
                <Table.Tr key={entry.id} style={{ verticalAlign: 'top' }}>
                  <Table.Td fz="sm">{formatDateTime(entry.at)}</Table.Td>
                  <Table.Td>
                    <Stack gap={0}>
                      <Text size="sm">{entry.actor.type === 'system' ? t('audit.system') : entry.actor.name}</Text>
                      {entry.actor.type === 'api_key' ? (
                        <Text size="xs" c="dimmed">
                          {t('audit.viaApiKey')}
                        </Text>
                      ) : null}
                    </Stack>
                  </Table.Td>
                  <Table.Td>
                    <Badge variant="light" color={ACTION_COLORS[entry.action] ?? 'gray'} size="sm">
                      {entry.action in ACTION_COLORS ? t(`audit.actions.${entry.action as 'create'}`) : entry.action}
                    </Badge>
                  </Table.Td>
                  <Table.Td>
                    {changes.length ? (
                      <Stack gap={4}>
                        {changes.map(([field, change]) => (
                          <Group key={field} gap={6} wrap="wrap" fz="sm">
                            <Text span size="sm" fw={600}>
                              {fieldLabel(field)}
                            </Text>
                            {isChange(change) ? (
                              <>
                                {entry.action !== 'create' ? (
                                  <>
                                    <Code c="red.8" bg="red.0">
                                      {show(change.from)}
                                    </Code>
                                    <Text span size="sm" c="dimmed" aria-label={t('audit.becomes')}>
                                      →
                                    </Text>
                                  </>
                                ) : null}
                                <Code c="teal.9" bg="teal.0">
                                  {show(change.to)}
                                </Code>
                              </>
                            ) : (
                              <Code>{show(change)}</Code>
                            )}
                          </Group>
                        ))}
                      </Stack>
                    ) : (
                      <Text size="sm" c="dimmed">
                        —
                      </Text>
                    )}
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Paper>
  );
}
