import { Button, Group, Paper } from '@mantine/core';
import type { InfiniteData, UseInfiniteQueryResult } from '@tanstack/react-query';
import { useMemo, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { EmptyBlock, QueryFallback } from './ui';
import { VirtualTable, type VirtualColumn } from './VirtualTable';

/** The filter strip above a list; its reset button shows while a filter is set. */
export function FilterBar({ filtered, onReset, label, resetLabel, children }: { filtered: boolean; onReset: () => void; label?: string; resetLabel?: string; children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <Paper withBorder p="md" mb="md" component="section" aria-label={label ?? t('common.filters')}>
      <Group gap="md" align="flex-end" wrap="wrap">
        {children}
        {filtered ? (
          <Button variant="subtle" color="gray" onClick={onReset}>
            {resetLabel ?? t('common.resetFilters')}
          </Button>
        ) : null}
      </Group>
    </Paper>
  );
}

interface PagedTableProps<T> {
  /** The keyset-paged list query (one page: `{ data, nextCursor }`). */
  query: UseInfiniteQueryResult<InfiniteData<{ data: T[] }>>;
  label: string;
  columns: VirtualColumn<T>[];
  rowKey: (row: T) => string;
  onOpen: (row: T) => void;
  /** Whether a filter is set: an empty list then says "no results" rather than inviting a first entry. */
  filtered: boolean;
  empty: { icon: ReactNode; title: string; description: string; action: ReactNode };
}

/** A keyset-paged list under its filters: loading, error and empty states, then the windowed table fed page by page. */
export function PagedTable<T>({ query, label, columns, rowKey, onOpen, filtered, empty }: PagedTableProps<T>) {
  const { t } = useTranslation();
  const rows = useMemo(() => query.data?.pages.flatMap((p) => p.data) ?? [], [query.data]);
  return (
    <Paper withBorder>
      {!query.isSuccess || rows.length === 0 ? (
        <QueryFallback
          query={query}
          empty={<EmptyBlock icon={empty.icon} title={filtered ? t('common.noResults') : empty.title} description={filtered ? undefined : empty.description} action={filtered ? null : empty.action} />}
        />
      ) : (
        <VirtualTable
          label={label}
          columns={columns}
          rows={rows}
          rowKey={rowKey}
          hasMore={Boolean(query.hasNextPage)}
          loadingMore={query.isFetchingNextPage}
          stale={query.isPlaceholderData}
          onLoadMore={() => void query.fetchNextPage()}
          onOpen={onOpen}
        />
      )}
    </Paper>
  );
}
