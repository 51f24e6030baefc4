import { Alert, Anchor, Badge, Button, DataList, Grid, Group, Paper, Stack, Tabs, Text, Title } from '@mantine/core';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate, useParams, useSearchParams } from 'react-router-dom';
import { useCan } from '../../app/session';
import { isApiError } from '../../lib/api';
import { formatDateTime, formatSiren, formatSiret } from '../../lib/format';
import { BackLink } from '../../components/BackLink';
import { IconCheck, IconFile, IconPencil, IconTrash } from '../../components/icons';
import { ConfirmDialog, ErrorState, LoadingState } from '../../components/ui';
import { useSectors, useUsers } from '../settings/org-api';
import { useAccount, useDeleteAccount, type Account } from './accounts-api';
import { ActivitiesPanel } from './ActivitiesPanel';
import { AuditPanel } from './AuditPanel';
import { ContactsPanel } from './ContactsPanel';
import { CustomerBankingPanel } from '../banking/CustomerBankingPanel';
import { StripeRegisterButton } from '../stripe/StripeRegisterButton';
import { NotFoundAccount } from './NotFoundAccount';
import { RoleBadges, TagList } from './RoleBadges';

const TABS = ['overview', 'contacts', 'activities', 'history'] as const;
type Tab = (typeof TABS)[number];

function Item({ label, children }: { label: string; children: ReactNode }) {
  return (
    <DataList.Item>
      <DataList.ItemLabel>{label}</DataList.ItemLabel>
      <DataList.ItemValue>{children ?? '—'}</DataList.ItemValue>
    </DataList.Item>
  );
}

function Card({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Paper withBorder p="lg" h="100%" component="section" aria-label={title}>
      <Title order={2} fz="md" fw={650} mb="md">
        {title}
      </Title>
      {children}
    </Paper>
  );
}

function Overview({ account }: { account: Account }) {
  const { t } = useTranslation();
  const sectors = useSectors();
  const users = useUsers();
  const sector = sectors.data?.data.find((s) => s.id === account.sectorId);
  const user = users.data?.data.find((u) => u.id === account.assignedUserId);
  const a = account.billingAddress;
  const dash = (v: string | null | undefined) => (v ? v : '—');
  return (
    <Grid gap="md">
      <Grid.Col span={{ base: 12, md: 6 }}>
        <Card title={t('customers.form.sections.contact')}>
          <DataList labelWidth={150}>
            <Item label={t('customers.fields.email')}>{account.email ? <Anchor href={`mailto:${account.email}`}>{account.email}</Anchor> : '—'}</Item>
            <Item label={t('customers.fields.phone')}>{account.phone ? <Anchor href={`tel:${account.phone}`}>{account.phone}</Anchor> : '—'}</Item>
            <Item label={t('customers.fields.mobile')}>{dash(account.mobile)}</Item>
            <Item label={t('customers.fields.website')}>
              {account.website ? (
                <Anchor href={account.website} target="_blank" rel="noreferrer">
                  {account.website}
                </Anchor>
              ) : (
                '—'
              )}
            </Item>
          </DataList>
        </Card>
      </Grid.Col>
      <Grid.Col span={{ base: 12, md: 6 }}>
        <Card title={t('customers.form.sections.legal')}>
          <DataList labelWidth={150}>
            <Item label={t('customers.fields.kind')}>{t(`customers.kind.${account.kind}`)}</Item>
            <Item label={t('customers.fields.siren')}>
              <Text span ff="monospace" size="sm">
                {formatSiren(account.siren)}
              </Text>
            </Item>
            <Item label={t('customers.fields.siret')}>
              <Text span ff="monospace" size="sm">
                {formatSiret(account.siret)}
              </Text>
            </Item>
            <Item label={t('customers.fields.vatNumber')}>{dash(account.vatNumber)}</Item>
            <Item label={t('einvoicing.customer.electronicAddress')}>
              {account.electronicAddress ? (
                <Text span ff="monospace" size="sm">
                  {account.electronicAddressScheme ?? '0225'}:{account.electronicAddress}
                </Text>
              ) : account.siren ? (
                t('einvoicing.customer.sirenByDefault')
              ) : (
                '—'
              )}
            </Item>
          </DataList>
        </Card>
      </Grid.Col>
      <Grid.Col span={{ base: 12, md: 6 }}>
        <Card title={t('customers.form.sections.address')}>
          {a ? (
            <Text size="sm" component="address" style={{ fontStyle: 'normal' }}>
              {a.line1}
              <br />
              {a.line2 ? (
                <>
                  {a.line2}
                  <br />
                </>
              ) : null}
              {a.postalCode} {a.city}
              <br />
              {a.country}
            </Text>
          ) : (
            <Text size="sm" c="dimmed">
              {t('customers.detail.noAddress')}
            </Text>
          )}
        </Card>
      </Grid.Col>
      <Grid.Col span={{ base: 12, md: 6 }}>
        <Card title={t('customers.form.sections.commercial')}>
          <DataList labelWidth={150}>
            <Item label={t('customers.fields.sector')}>{sector ? `${sector.code} · ${sector.name}` : '—'}</Item>
            <Item label={t('customers.fields.assignedUser')}>{user?.name ?? '—'}</Item>
            <Item label={t('customers.fields.paymentMethod')}>
              {account.preferredPaymentMethod ? t(`customers.paymentMethods.${account.preferredPaymentMethod}`) : '—'}
            </Item>
            <Item label={t('customers.fields.externalRef')}>{dash(account.externalRef)}</Item>
            <Item label={t('customers.fields.tags')}>{account.tags.length ? <TagList tags={account.tags} max={10} /> : '—'}</Item>
          </DataList>
        </Card>
      </Grid.Col>
      <Grid.Col span={12}>
        <Card title={t('customers.fields.notes')}>
          <Text size="sm" style={{ whiteSpace: 'pre-wrap' }} c={account.notes ? undefined : 'dimmed'}>
            {account.notes || t('customers.detail.noNotes')}
          </Text>
        </Card>
      </Grid.Col>
    </Grid>
  );
}

export function CustomerDetailPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const location = useLocation();
  const can = useCan();
  const [params, setParams] = useSearchParams();
  const account = useAccount(id);
  const remove = useDeleteAccount(id);
  const [confirming, setConfirming] = useState(false);
  const [flash, setFlash] = useState<string | null>(((location.state as { flash?: string } | null)?.flash ?? null) || null);

  const tabParam = params.get('tab');
  const tab: Tab = (TABS as readonly string[]).includes(tabParam ?? '') ? (tabParam as Tab) : 'overview';

  if (account.isPending) return <LoadingState />;
  if (account.isError) {
    return isApiError(account.error, 404) || isApiError(account.error, 400) ? <NotFoundAccount /> : <ErrorState error={account.error} onRetry={() => void account.refetch()} />;
  }
  const a = account.data;

  return (
    <>
      <Stack gap={6} mb="lg">
        <BackLink to="/customers" label={t('customers.detail.backToList')} />
        <Group justify="space-between" align="flex-start" wrap="wrap">
          <Stack gap={6}>
            <Group gap="sm" align="center">
              <Title order={1} fz={26} fw={650}>
                {a.name}
              </Title>
              <Badge variant="outline" color="gray" radius="sm">
                {t(`customers.kind.${a.kind}`)}
              </Badge>
            </Group>
            <Group gap="md">
              <RoleBadges roles={a.roles} />
              <Text size="xs" c="dimmed">
                {t('customers.detail.meta', { created: formatDateTime(a.createdAt), updated: formatDateTime(a.updatedAt) })}
              </Text>
            </Group>
          </Stack>
          <Group gap="sm">
            <StripeRegisterButton accountId={a.id} email={a.email ?? null} />
            {can('billing:write') ? (
              <Button variant="light" component={Link} to={`/quotes/new?${new URLSearchParams({ accountId: a.id, accountName: a.name })}`} leftSection={<IconFile />}>
                {t('sales.types.quote.new')}
              </Button>
            ) : null}
            {can('crm:write') ? (
              <>
                <Button variant="default" color="red" leftSection={<IconTrash />} onClick={() => setConfirming(true)}>
                  {t('common.delete')}
                </Button>
                <Button component={Link} to={`/customers/${a.id}/edit`} leftSection={<IconPencil />}>
                  {t('common.edit')}
                </Button>
              </>
            ) : null}
          </Group>
        </Group>
      </Stack>

      {flash ? (
        <Alert color="teal" variant="light" icon={<IconCheck />} role="status" mb="md" withCloseButton closeButtonLabel={t('common.close')} onClose={() => setFlash(null)}>
          {flash === 'created' ? t('customers.form.created') : t('customers.form.saved')}
        </Alert>
      ) : null}

      <Tabs
        value={tab}
        onChange={(value) =>
          setParams(
            (prev) => {
              const next = new URLSearchParams(prev);
              if (!value || value === 'overview') next.delete('tab');
              else next.set('tab', value);
              return next;
            },
            { replace: true },
          )
        }
        keepMounted={false}
      >
        <Tabs.List mb="md">
          {TABS.map((key) => (
            <Tabs.Tab key={key} value={key}>
              {t(`customers.detail.tabs.${key}`)}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        <Tabs.Panel value="overview">
          <Overview account={a} />
          <CustomerBankingPanel accountId={a.id} name={a.name} />
        </Tabs.Panel>
        <Tabs.Panel value="contacts">
          <ContactsPanel accountId={a.id} />
        </Tabs.Panel>
        <Tabs.Panel value="activities">
          <ActivitiesPanel accountId={a.id} />
        </Tabs.Panel>
        <Tabs.Panel value="history">
          <AuditPanel accountId={a.id} />
        </Tabs.Panel>
      </Tabs>

      <ConfirmDialog
        opened={confirming}
        title={t('customers.detail.deleteTitle')}
        message={t('customers.detail.deleteConfirm', { name: a.name })}
        confirmLabel={t('common.delete')}
        loading={remove.isPending}
        error={remove.error}
        onClose={() => setConfirming(false)}
        onConfirm={() => remove.mutate(undefined, { onSuccess: () => navigate('/customers', { replace: true }) })}
      />
    </>
  );
}
