import { Table } from '@mantine/core';
import type { ReactNode } from 'react';

export interface HeadColumn {
  label: ReactNode;
  /** Amounts and quantities are right-aligned. */
  align?: 'right';
}

/** A table's header row of column headers. */
export function TableHead({ columns }: { columns: HeadColumn[] }) {
  return (
    <Table.Thead>
      <Table.Tr>
        {columns.map((c, i) => (
          <Table.Th key={i} scope="col" ta={c.align}>
            {c.label}
          </Table.Th>
        ))}
      </Table.Tr>
    </Table.Thead>
  );
}
