import { Table } from '@mantine/core';
import type { ReactNode } from 'react';

export interface HeadColumn {
  label: ReactNode;
  /** Amounts and quantities are right-aligned. */
  align?: 'right';
  /** Fixed width, where a column must not grow. */
  width?: number;
}

/** A table's header row of column headers. */
export function TableHead({ columns }: { columns: HeadColumn[] }) {
  return (
    <Table.Thead>
      <Table.Tr>
        {columns.map((c, i) => (
          <Table.Th key={i} scope="col" w={c.width} ta={c.align}>
            {c.label}
          </Table.Th>
        ))}
      </Table.Tr>
    </Table.Thead>
  );
}
