import { Paper, Title } from '@mantine/core';
import type { ReactNode } from 'react';

/** A titled group of fields (a fieldset with its legend), as on the customer form. */
export function FormSection({ title, children, actions }: { title: string; children: ReactNode; actions?: ReactNode }) {
  return (
    <Paper withBorder p="lg" component="fieldset" style={{ border: '1px solid var(--mantine-color-gray-3)', margin: 0, minWidth: 0 }}>
      <Title order={2} fz="md" fw={650} mb="md" component="legend" style={{ float: 'left', width: '100%', padding: 0, display: 'flex', justifyContent: 'space-between', alignItems: 'center' }}>
        {title}
        {actions}
      </Title>
      <div style={{ clear: 'both' }}>{children}</div>
    </Paper>
  );
}
