import { Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { TableHead } from '../../components/TableHead';
import { formatDateTime } from '../../lib/format';
import type { LifecycleEvent } from './einvoicing-api';
import { EInvoiceStatusBadge } from './EInvoiceStatusBadge';

/** The statuses the platform (or the seller) reported, oldest first, as the timeline of the e-invoice. */
export function LifecycleTable({ events }: { events: LifecycleEvent[] }) {
  const { t } = useTranslation();
  if (!events.length) {
    return (
      <Text size="sm" c="dimmed">
        {t('einvoicing.panel.noLifecycle')}
      </Text>
    );
  }
  return (
    <Table.ScrollContainer minWidth={560}>
      <Table aria-label={t('einvoicing.panel.lifecycle')} verticalSpacing={4}>
        <TableHead
          columns={[
            { label: t('einvoicing.panel.columns.code'), width: 70 },
            { label: t('einvoicing.panel.columns.status') },
            { label: t('einvoicing.panel.columns.date') },
            { label: t('einvoicing.panel.columns.source') },
            { label: t('einvoicing.panel.columns.reason') },
          ]}
        />
        <Table.Tbody>
          {events.map((e) => (
            <Table.Tr key={`${e.code}-${e.occurredAt}`}>
              <Table.Td ff="monospace" fz="sm">
                {e.code}
              </Table.Td>
              <Table.Td>
                <EInvoiceStatusBadge status={e.status} />
              </Table.Td>
              <Table.Td fz="sm">{formatDateTime(e.occurredAt)}</Table.Td>
              <Table.Td fz="sm">{t(`einvoicing.panel.sources.${e.source}`)}</Table.Td>
              <Table.Td fz="sm">{e.reason ?? ''}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
