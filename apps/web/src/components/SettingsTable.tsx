import { ActionIcon, Group, Table, Tooltip, type TableTdProps, type TableTrProps } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { IconPencil, IconTrash } from './icons';

export interface SettingsColumn<T> {
  header: ReactNode;
  /** Width of the header cell, where a column must not grow. */
  width?: number;
  /** Amounts are right-aligned, header included. */
  align?: 'right';
  /** Props of every body cell of the column (font, weight…). */
  td?: TableTdProps;
  cell: (row: T) => ReactNode;
}

interface SettingsTableProps<T extends { id: string }> {
  /** Accessible name of the table. */
  label: string;
  rows: readonly T[];
  columns: SettingsColumn<T>[];
  /** The row's action buttons; without it (a read-only user) the table has no actions column. */
  actions?: (row: T) => ReactNode;
  actionsWidth?: number;
  /** Scrolls sideways below this width instead of squeezing the columns. */
  minWidth?: number;
  rowProps?: (row: T) => TableTrProps;
}

/** The plain table of the settings and catalog lists: a header row, one row per entity, an optional actions column. */
export function SettingsTable<T extends { id: string }>({ label, rows, columns, actions, actionsWidth = 60, minWidth, rowProps }: SettingsTableProps<T>) {
  const { t } = useTranslation();
  const table = (
    <Table aria-label={label}>
      <Table.Thead>
        <Table.Tr>
          {columns.map((c, i) => (
            <Table.Th key={i} scope="col" w={c.width} ta={c.align}>
              {c.header}
            </Table.Th>
          ))}
          {actions ? (
            <Table.Th scope="col" w={actionsWidth}>
              <span className="sr-only">{t('common.actions')}</span>
            </Table.Th>
          ) : null}
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {rows.map((row) => (
          <Table.Tr key={row.id} {...rowProps?.(row)}>
            {columns.map((c, i) => (
              <Table.Td key={i} ta={c.align} {...c.td}>
                {c.cell(row)}
              </Table.Td>
            ))}
            {actions ? <Table.Td>{actions(row)}</Table.Td> : null}
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
  return minWidth ? <Table.ScrollContainer minWidth={minWidth}>{table}</Table.ScrollContainer> : table;
}

/** Several row actions side by side, kept on one line. */
export function RowActions({ children }: { children: ReactNode }) {
  return (
    <Group gap={4} justify="flex-end" wrap="nowrap">
      {children}
    </Group>
  );
}

/** The pencil button of a row; `label` names the entity for assistive technology ("Edit Acme"). */
export function EditAction({ label, onClick }: { label: string; onClick: () => void }) {
  const { t } = useTranslation();
  return (
    <Tooltip label={t('common.edit')}>
      <ActionIcon variant="subtle" color="gray" aria-label={label} onClick={onClick}>
        <IconPencil size={16} />
      </ActionIcon>
    </Tooltip>
  );
}

/** The red bin button of a row; `tooltip` defaults to the generic "Delete". */
export function DeleteAction({ label, tooltip, onClick }: { label: string; tooltip?: string; onClick: () => void }) {
  const { t } = useTranslation();
  return (
    <Tooltip label={tooltip ?? t('common.delete')}>
      <ActionIcon variant="subtle" color="red" aria-label={label} onClick={onClick}>
        <IconTrash size={16} />
      </ActionIcon>
    </Tooltip>
  );
}
