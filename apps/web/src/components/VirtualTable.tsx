import { Button, Group, Table, Text, type TableTdProps } from '@mantine/core';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../lib/format';

export interface VirtualColumn<T> {
  key: string;
  header: ReactNode;
  width: string;
  align?: 'left' | 'right' | 'center';
  render: (row: T) => ReactNode;
  /** Overrides of the cell props (by default: one line with an ellipsis, small text). */
  td?: TableTdProps;
}

const ROW_HEIGHT = 48;
/** Start loading the next page when this many rows remain below the viewport. */
const PREFETCH_ROWS = 30;

/**
 * A real `<table>` whose rows are windowed (spacer rows above and below, aria-rowcount/rowindex kept),
 * fed page by page from a keyset cursor: the next page loads before the end is reached.
 */
export function VirtualTable<T>({
  label,
  columns,
  rows,
  rowKey,
  hasMore,
  loadingMore,
  stale,
  onLoadMore,
  onOpen,
  footer,
  rowHeight = ROW_HEIGHT,
  reservedHeight = 360,
  countLabel,
}: {
  label: string;
  columns: VirtualColumn<T>[];
  rows: T[];
  rowKey: (row: T) => string;
  hasMore: boolean;
  loadingMore: boolean;
  stale?: boolean;
  onLoadMore: () => void;
  onOpen?: (row: T) => void;
  footer?: ReactNode;
  rowHeight?: number;
  /** Height of the page around the scroller, which takes the rest of the viewport (at least 380 px). */
  reservedHeight?: number;
  /** The footer's "N rows shown" wording, by default about rows. */
  countLabel?: (count: number, formatted: string, hasMore: boolean) => string;
}) {
  const { t } = useTranslation();
  const scrollRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({ count: rows.length, getScrollElement: () => scrollRef.current, estimateSize: () => rowHeight, overscan: 12 });
  const items = virtualizer.getVirtualItems();
  const lastIndex = items[items.length - 1]?.index ?? -1;

  useEffect(() => {
    if (hasMore && !loadingMore && lastIndex >= rows.length - PREFETCH_ROWS) onLoadMore();
  }, [hasMore, loadingMore, lastIndex, rows.length, onLoadMore]);

  const paddingTop = items[0]?.start ?? 0;
  const paddingBottom = virtualizer.getTotalSize() - (items[items.length - 1]?.end ?? 0);

  return (
    <>
      <div ref={scrollRef} className="virtual-table-scroller" style={{ height: `max(380px, calc(100vh - ${reservedHeight}px))`, opacity: stale ? 0.6 : 1 }}>
        <Table stickyHeader aria-label={label} aria-rowcount={hasMore ? -1 : rows.length + 1} aria-busy={loadingMore || stale} verticalSpacing={0} highlightOnHover>
          <colgroup>
            {columns.map((c) => (
              <col key={c.key} style={{ width: c.width }} />
            ))}
          </colgroup>
          <Table.Thead>
            <Table.Tr aria-rowindex={1}>
              {columns.map((c) => (
                <Table.Th key={c.key} scope="col" style={{ height: 44, textAlign: c.align ?? 'left' }}>
                  {c.header}
                </Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {paddingTop > 0 ? (
              <tr aria-hidden="true" style={{ height: paddingTop }}>
                <td colSpan={columns.length} style={{ padding: 0, border: 0 }} />
              </tr>
            ) : null}
            {items.map((item) => {
              const row = rows[item.index];
              if (row === undefined) return null;
              return (
                <Table.Tr
                  key={rowKey(row)}
                  aria-rowindex={item.index + 2}
                  className={onOpen ? 'clickable-row' : undefined}
                  style={{ height: rowHeight }}
                  onClick={(e) => {
                    if (onOpen && !(e.target as HTMLElement).closest('a, button')) onOpen(row);
                  }}
                >
                  {columns.map((c) => (
                    <Table.Td key={c.key} className="cell-ellipsis" fz="sm" style={{ textAlign: c.align ?? 'left' }} {...c.td}>
                      {c.render(row)}
                    </Table.Td>
                  ))}
                </Table.Tr>
              );
            })}
            {paddingBottom > 0 ? (
              <tr aria-hidden="true" style={{ height: paddingBottom }}>
                <td colSpan={columns.length} style={{ padding: 0, border: 0 }} />
              </tr>
            ) : null}
          </Table.Tbody>
        </Table>
      </div>
      <Group justify="space-between" px="md" py="sm" style={{ borderTop: '1px solid var(--mantine-color-gray-3)' }}>
        <Text size="sm" c="dimmed" aria-live="polite">
          {countLabel ? countLabel(rows.length, formatNumber(rows.length), hasMore) : t(hasMore ? 'common.rowsLoaded' : 'common.rowsAll', { count: rows.length, formatted: formatNumber(rows.length) })}
        </Text>
        <Group gap="md">
          {footer}
          {hasMore ? (
            <Button variant="default" size="xs" onClick={onLoadMore} loading={loadingMore}>
              {t('common.loadMore')}
            </Button>
          ) : null}
        </Group>
      </Group>
    </>
  );
}
