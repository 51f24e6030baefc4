import { Anchor, Button, Group, Paper, Select, Table, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { useCan } from '../../app/session';
import { IconPlus, IconSearch, IconUsers } from '../../components/icons';
import { FilterBar } from '../../components/ListPage';
import { EmptyBlock, ErrorState, LoadingState, PageHeader } from '../../components/ui';
import { formatDate, formatNumber, formatSiren } from '../../lib/format';
import { useSectors } from '../settings/org-api';
import { ACCOUNT_ROLES, ACCOUNT_SORTS, useAccountPages, type Account, type AccountFilters, type AccountRole, type AccountSort } from './accounts-api';
import { RoleBadges, TagList } from './RoleBadges';

const ROW_HEIGHT = 52;
/** Start loading the next page when this many rows remain below the viewport. */
const PREFETCH_ROWS = 30;

const COLUMNS = [
  { key: 'name', width: '24%' },
  { key: 'roles', width: '14%' },
  { key: 'siren', width: '11%' },
  { key: 'city', width: '12%' },
  { key: 'email', width: '17%' },
  { key: 'tags', width: '12%' },
  { key: 'updatedAt', width: '10%' },
] as const;

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
  const [params, setParams] = useSearchParams();
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

  const setParam = (name: string, value: string | null | undefined) => {
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        if (value) next.set(name, value);
        else next.delete(name);
        return next;
      },
      { replace: true },
    );
  };

  useEffect(() => {
    if ((params.get('q') ?? '') !== debouncedSearch) setParam('q', debouncedSearch);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [debouncedSearch]);

  const query = useAccountPages(filters);
  const rows = useMemo(() => query.data?.pages.flatMap((page) => page.data) ?? [], [query.data]);
  const filtered = Boolean(filters.q || filters.role || filters.tag || filters.sectorId);

  const resetFilters = () => {
    setSearch('');
    setParams(new URLSearchParams(filters.sort && filters.sort !== 'name' ? { sort: filters.sort } : {}), { replace: true });
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
          <VirtualAccountTable
            rows={rows}
            hasMore={Boolean(query.hasNextPage)}
            loadingMore={query.isFetchingNextPage}
            stale={query.isPlaceholderData}
            onLoadMore={() => void query.fetchNextPage()}
            onOpen={(account) => navigate(`/customers/${account.id}`)}
          />
        )}
      </Paper>
    </>
  );
}

function VirtualAccountTable({
  rows,
  hasMore,
  loadingMore,
  stale,
  onLoadMore,
  onOpen,
}: {
  rows: Account[];
  hasMore: boolean;
  loadingMore: boolean;
  stale: boolean;
  onLoadMore: () => void;
  onOpen: (account: Account) => void;
}) {
  const { t } = useTranslation();
  const scrollRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
  });
  const items = virtualizer.getVirtualItems();
  const lastIndex = items[items.length - 1]?.index ?? -1;

  // Infinite scroll: fetch the next cursor page before the user reaches the end of what is loaded.
  useEffect(() => {
    if (hasMore && !loadingMore && lastIndex >= rows.length - PREFETCH_ROWS) onLoadMore();
  }, [hasMore, loadingMore, lastIndex, rows.length, onLoadMore]);

  const paddingTop = items[0]?.start ?? 0;
  const paddingBottom = virtualizer.getTotalSize() - (items[items.length - 1]?.end ?? 0);

  return (
    <>
      <div ref={scrollRef} className="virtual-table-scroller" style={{ height: 'max(380px, calc(100vh - 350px))', opacity: stale ? 0.6 : 1 }}>
        <Table
          stickyHeader
          aria-label={t('customers.tableLabel')}
          aria-rowcount={hasMore ? -1 : rows.length + 1}
          aria-busy={loadingMore || stale}
          verticalSpacing={0}
          highlightOnHover
        >
          <colgroup>
            {COLUMNS.map((c) => (
              <col key={c.key} style={{ width: c.width }} />
            ))}
          </colgroup>
          <Table.Thead>
            <Table.Tr aria-rowindex={1}>
              {COLUMNS.map((c) => (
                <Table.Th key={c.key} scope="col" style={{ height: 44 }}>
                  {t(`customers.columns.${c.key}`)}
                </Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {paddingTop > 0 ? (
              <tr aria-hidden="true" style={{ height: paddingTop }}>
                <td colSpan={COLUMNS.length} style={{ padding: 0, border: 0 }} />
              </tr>
            ) : null}
            {items.map((item) => {
              const account = rows[item.index];
              if (!account) return null;
              return (
                <Table.Tr
                  key={account.id}
                  aria-rowindex={item.index + 2}
                  className="clickable-row"
                  style={{ height: ROW_HEIGHT }}
                  onClick={(e) => {
                    if (!(e.target as HTMLElement).closest('a')) onOpen(account);
                  }}
                >
                  <Table.Td className="cell-ellipsis">
                    <Anchor component={Link} to={`/customers/${account.id}`} fw={600} size="sm" c="dark">
                      {account.name}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>
                    <RoleBadges roles={account.roles} size="xs" />
                  </Table.Td>
                  <Table.Td className="cell-ellipsis" ff="monospace" fz="sm">
                    {formatSiren(account.siren)}
                  </Table.Td>
                  <Table.Td className="cell-ellipsis" fz="sm">
                    {account.billingAddress?.city ?? '—'}
                  </Table.Td>
                  <Table.Td className="cell-ellipsis" fz="sm">
                    {account.email ?? '—'}
                  </Table.Td>
                  <Table.Td style={{ overflow: 'hidden' }}>
                    <TagList tags={account.tags} max={2} />
                  </Table.Td>
                  <Table.Td className="cell-ellipsis" fz="sm" c="dimmed">
                    {formatDate(account.updatedAt)}
                  </Table.Td>
                </Table.Tr>
              );
            })}
            {paddingBottom > 0 ? (
              <tr aria-hidden="true" style={{ height: paddingBottom }}>
                <td colSpan={COLUMNS.length} style={{ padding: 0, border: 0 }} />
              </tr>
            ) : null}
          </Table.Tbody>
        </Table>
      </div>
      <Group justify="space-between" px="md" py="sm" style={{ borderTop: '1px solid var(--mantine-color-gray-3)' }}>
        <Text size="sm" c="dimmed" aria-live="polite">
          {hasMore ? t('customers.loaded', { count: rows.length, formatted: formatNumber(rows.length) }) : t('customers.allLoaded', { count: rows.length, formatted: formatNumber(rows.length) })}
        </Text>
        {hasMore ? (
          <Button variant="default" size="xs" onClick={onLoadMore} loading={loadingMore}>
            {t('common.loadMore')}
          </Button>
        ) : null}
      </Group>
    </>
  );
}
