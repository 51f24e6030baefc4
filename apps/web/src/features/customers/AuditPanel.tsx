import { Badge, Code, Group, Paper, Stack, Table, Text } from '@mantine/core';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../lib/format';
import { useSectors, useUsers } from '../settings/org-api';
import { ACCOUNT_KINDS, ACCOUNT_ROLES, PAYMENT_METHODS } from './accounts-api';
import { TableHead } from '../../components/TableHead';
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

function isEmpty(value: unknown): boolean {
  if (value === null || value === undefined || value === '') return true;
  if (Array.isArray(value)) return value.length === 0;
  if (typeof value === 'object') return Object.keys(value).length === 0;
  return false;
}

function show(value: unknown): string {
  if (isEmpty(value)) return '—';
  if (Array.isArray(value)) return value.map(show).join(' · ');
  if (typeof value === 'object') {
    const v = value as Record<string, unknown>;
    // Postal addresses read as on an envelope, whatever order the stored JSON keeps.
    if ('line1' in v && 'city' in v) return [v['line1'], v['line2'], `${show(v['postalCode'])} ${show(v['city'])}`, v['country']].filter((x) => !isEmpty(x)).join(', ');
    return Object.entries(v)
      .filter(([, x]) => !isEmpty(x))
      .map(([k, x]) => `${k}: ${show(x)}`)
      .join(', ');
  }
  return String(value);
}

/** Stored enum values and ids shown as the UI names them. */
function displayValue(t: TFunction, field: string, value: unknown, names: Map<string, string>): string {
  const one = (v: unknown): string => {
    if (typeof v !== 'string') return show(v);
    if (field === 'kind' && (ACCOUNT_KINDS as string[]).includes(v)) return t(`customers.kind.${v as 'company'}`);
    if (field === 'roles' && (ACCOUNT_ROLES as string[]).includes(v)) return t(`customers.roles.${v as 'customer'}`);
    if (field === 'preferredPaymentMethod' && (PAYMENT_METHODS as string[]).includes(v)) return t(`customers.paymentMethods.${v as 'cash'}`);
    if (field === 'sectorId' || field === 'assignedUserId') return names.get(v) ?? v;
    if (field === 'deletedAt') return formatDateTime(v);
    return v;
  };
  if (isEmpty(value)) return '—';
  return Array.isArray(value) ? value.map(one).join(' · ') : one(value);
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
  const sectors = useSectors();
  const users = useUsers();
  const names = new Map<string, string>([
    ...(sectors.data?.data ?? []).map((x): [string, string] => [x.id, `${x.code} · ${x.name}`]),
    ...(users.data?.data ?? []).map((x): [string, string] => [x.id, x.name]),
  ]);

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
          <TableHead
            columns={[
              { label: t('audit.columns.at'), width: 170 },
              { label: t('audit.columns.actor'), width: 190 },
              { label: t('audit.columns.action'), width: 130 },
              { label: t('audit.columns.changes') },
            ]}
          />
          <Table.Tbody>
            {entries.map((entry) => {
              // A creation lists the fields that were set, not the ones left empty.
              const changes = Object.entries(entry.changes ?? {}).filter(([, c]) => entry.action !== 'create' || !isChange(c) || !isEmpty(c.to));
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
                                      {displayValue(t, field, change.from, names)}
                                    </Code>
                                    <Text span size="sm" c="dimmed" aria-label={t('audit.becomes')}>
                                      →
                                    </Text>
                                  </>
                                ) : null}
                                <Code c="teal.9" bg="teal.0">
                                  {displayValue(t, field, change.to, names)}
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
