import { Anchor, Button, Paper, Select, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useEffect, useMemo, useState } from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import { useCan } from '../../app/session';
import { IconPlus, IconSearch, IconUsers } from '../../components/icons';
import { VirtualTable, type VirtualColumn } from '../../components/VirtualTable';
import { FilterBar } from '../../components/ListPage';
import { EmptyBlock, ErrorState, LoadingState, PageHeader } from '../../components/ui';
import { formatDate, formatSiren } from '../../lib/format';
import { useUrlParams } from '../../lib/url-params';
import { useSectors } from '../settings/org-api';
import { ACCOUNT_ROLES, ACCOUNT_SORTS, useAccountPages, type Account, type AccountFilters, type AccountRole, type AccountSort } from './accounts-api';
import { RoleBadges, TagList } from './RoleBadges';

const ROW_HEIGHT = 52;

/** The customer list's columns (cells keep their own font: names and badges set theirs). */
function accountColumns(t: TFunction): VirtualColumn<Account>[] {
  return [
    {
      key: 'name',
      header: t('customers.columns.name'),
      width: '24%',
      render: (a) => (
        <Anchor component={Link} to={`/customers/${a.id}`} fw={600} size="sm" c="dark">
          {a.name}
        </Anchor>
      ),
      td: { fz: undefined },
    },
    { key: 'roles', header: t('customers.columns.roles'), width: '14%', render: (a) => <RoleBadges roles={a.roles} size="xs" />, td: { className: undefined, fz: undefined } },
    { key: 'siren', header: t('customers.columns.siren'), width: '11%', render: (a) => formatSiren(a.siren), td: { ff: 'monospace' } },
    { key: 'city', header: t('customers.columns.city'), width: '12%', render: (a) => a.billingAddress?.city ?? '—' },
    { key: 'email', header: t('customers.columns.email'), width: '17%', render: (a) => a.email ?? '—' },
    { key: 'tags', header: t('customers.columns.tags'), width: '12%', render: (a) => <TagList tags={a.tags} max={2} />, td: { className: undefined, fz: undefined, style: { overflow: 'hidden' } } },
    { key: 'updatedAt', header: t('customers.columns.updatedAt'), width: '10%', render: (a) => formatDate(a.updatedAt), td: { c: 'dimmed' } },
  ];
}

function isRole(value: string | null): value is AccountRole {
  return (ACCOUNT_ROLES as string[]).includes(value ?? '');
}

function isSort(value: string | null): value is AccountSort {
  return (ACCOUNT_SORTS as string[]).includes(value ?? '');
}

export function CustomerListPage() {
  const { t } = useTranslation();
  const can = useCan();
  const navigate = useNavigate();
  const [params, setParam, resetParams] = useUrlParams({ keepOnReset: ['sort'] });
  const [search, setSearch] = useState(params.get('q') ?? '');
  const [debouncedSearch] = useDebouncedValue(search.trim(), 250);
  const sectors = useSectors();

  const role = params.get('role');
  const sort = params.get('sort');
  const filters: AccountFilters = useMemo(
    () => ({
      q: params.get('q') || undefined,
      role: isRole(role) ? role : undefined,
      tag: params.get('tag') || undefined,
      sectorId: params.get('sectorId') || undefined,
      sort: isSort(sort) ? sort : 'name',
    }),
    [params, role, sort],
  );

  useEffect(() => {
    if ((params.get('q') ?? '') !== debouncedSearch) setParam('q', debouncedSearch);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [debouncedSearch]);

  const query = useAccountPages(filters);
  const rows = useMemo(() => query.data?.pages.flatMap((page) => page.data) ?? [], [query.data]);
  const filtered = Boolean(filters.q || filters.role || filters.tag || filters.sectorId);

  const resetFilters = () => {
    setSearch('');
    resetParams();
  };

  return (
    <>
      <PageHeader
        title={t('customers.title')}
        description={t('customers.subtitle')}
        actions={
          can('crm:write') ? (
            <Button component={Link} to="/customers/new" leftSection={<IconPlus />}>
              {t('customers.new')}
            </Button>
          ) : null
        }
      />

      <FilterBar filtered={filtered} onReset={resetFilters} label={t('customers.filters.title')} resetLabel={t('customers.filters.reset')}>
        <TextInput
          label={t('customers.searchLabel')}
          placeholder={t('customers.searchPlaceholder')}
          leftSection={<IconSearch size={16} />}
          value={search}
          onChange={(e) => setSearch(e.currentTarget.value)}
          type="search"
          style={{ flex: '2 1 260px' }}
        />
        <Select
          label={t('customers.filters.role')}
          placeholder={t('customers.filters.allRoles')}
          data={ACCOUNT_ROLES.map((r) => ({ value: r, label: t(`customers.roles.${r}`) }))}
          value={filters.role ?? null}
          onChange={(value) => setParam('role', value)}
          clearable
          style={{ flex: '1 1 150px' }}
        />
        <TextInput
          label={t('customers.filters.tag')}
          placeholder={t('customers.filters.tagPlaceholder')}
          defaultValue={filters.tag ?? ''}
          key={filters.tag ?? ''}
          onBlur={(e) => setParam('tag', e.currentTarget.value.trim())}
          onKeyDown={(e) => {
            if (e.key === 'Enter') setParam('tag', e.currentTarget.value.trim());
          }}
          style={{ flex: '1 1 140px' }}
        />
        <Select
          label={t('customers.filters.sector')}
          placeholder={t('customers.filters.allSectors')}
          data={(sectors.data?.data ?? []).map((s) => ({ value: s.id, label: `${s.code} · ${s.name}` }))}
          value={filters.sectorId ?? null}
          onChange={(value) => setParam('sectorId', value)}
          clearable
          searchable
          nothingFoundMessage={t('common.noResults')}
          style={{ flex: '1 1 170px' }}
        />
        <Select
          label={t('customers.filters.sort')}
          data={ACCOUNT_SORTS.map((s) => ({ value: s, label: t(`customers.sort.${s}`) }))}
          value={filters.sort ?? 'name'}
          onChange={(value) => setParam('sort', value === 'name' ? null : value)}
          allowDeselect={false}
          style={{ flex: '1 1 170px' }}
        />
      </FilterBar>

      <Paper withBorder>
        {query.isPending ? (
          <LoadingState />
        ) : query.isError ? (
          <ErrorState error={query.error} onRetry={() => void query.refetch()} />
        ) : rows.length === 0 ? (
          filtered ? (
            <EmptyBlock
              icon={<IconSearch size={26} />}
              title={t('customers.empty.filteredTitle')}
              description={t('customers.empty.filteredDescription')}
              action={
                <Button variant="default" onClick={resetFilters}>
                  {t('customers.filters.reset')}
                </Button>
              }
            />
          ) : (
            <EmptyBlock
              icon={<IconUsers size={26} />}
              title={t('customers.empty.title')}
              description={t('customers.empty.description')}
              action={
                can('crm:write') ? (
                  <Button component={Link} to="/customers/new" leftSection={<IconPlus />}>
                    {t('customers.new')}
                  </Button>
                ) : null
              }
            />
          )
        ) : (
          <VirtualTable
            label={t('customers.tableLabel')}
            columns={accountColumns(t)}
            rows={rows}
            rowKey={(a) => a.id}
            hasMore={Boolean(query.hasNextPage)}
            loadingMore={query.isFetchingNextPage}
            stale={query.isPlaceholderData}
            onLoadMore={() => void query.fetchNextPage()}
            onOpen={(account) => navigate(`/customers/${account.id}`)}
            rowHeight={ROW_HEIGHT}
            reservedHeight={350}
            countLabel={(count, formatted, hasMore) => t(hasMore ? 'customers.loaded' : 'customers.allLoaded', { count, formatted })}
          />
        )}
      </Paper>
    </>
  );
}
