import { Anchor, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { formatDate, formatMoney } from '../../lib/format';
import { documentHref } from '../sales/document-types';
import type { Allocation } from './payments-api';

/** Dated movements (reversals included, negative) with a link to the record at their other end. */
export function AllocationTable({ rows, currency, from }: { rows: Allocation[]; currency: string; from: string }) {
  const { t } = useTranslation();
  if (!rows.length) return <Text size="sm" c="dimmed">{t('payments.history.none')}</Text>;
  const other = (a: Allocation) =>
    a.sourceId === from
      ? { label: a.targetLabel, href: a.targetType === 'invoice' ? documentHref('invoice', a.targetId) : `/payments/${a.targetId}` }
      : { label: a.sourceLabel, href: a.sourceType === 'credit_note' ? documentHref('invoice', a.sourceId) : `/payments/${a.sourceId}` };
  return (
    <Table aria-label={t('payments.history.title')} verticalSpacing={4}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('payments.history.date')}</Table.Th>
          <Table.Th>{t('payments.history.with')}</Table.Th>
          <Table.Th ta="right">{t('payments.history.amount')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {rows.map((a) => (
          <Table.Tr key={a.id}>
            <Table.Td>{formatDate(a.date)}</Table.Td>
            <Table.Td>
              <Anchor component={Link} to={other(a).href} size="sm">
                {other(a).label || '—'}
              </Anchor>
              {a.reversesId ? (
                <Text span size="xs" c="dimmed">
                  {' '}
                  ({t('payments.history.reversal')})
                </Text>
              ) : null}
            </Table.Td>
            <Table.Td ta="right">{formatMoney(a.amount, currency)}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
