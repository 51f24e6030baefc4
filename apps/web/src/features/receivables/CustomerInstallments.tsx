import { Anchor, Table } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { QueryFallback } from '../../components/ui';
import { formatDate, formatMoney } from '../../lib/format';
import { type AgedFilter, useAgedInvoices } from './receivables-api';

/** Drill-down: the open installments behind one customer's balance, oldest due date first. */
export function CustomerInstallments({ accountId, name, filter, currency }: { accountId: string; name: string; filter: AgedFilter; currency: string }) {
  const { t } = useTranslation();
  const invoices = useAgedInvoices(accountId, filter);
  if (!invoices.data) return <QueryFallback query={invoices} empty={null} />;
  return (
    <Table aria-label={t('receivables.aged.invoicesOf', { name })} withRowBorders={false}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('receivables.aged.number')}</Table.Th>
          <Table.Th>{t('receivables.aged.date')}</Table.Th>
          <Table.Th>{t('receivables.aged.dueDate')}</Table.Th>
          <Table.Th ta="right">{t('receivables.aged.open')}</Table.Th>
          <Table.Th ta="right">{t('receivables.aged.daysOverdue')}</Table.Th>
          <Table.Th>{t('receivables.aged.bucket')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {invoices.data.data.map((row) => (
          <Table.Tr key={`${row.invoiceId}-${row.installment}`}>
            <Table.Td>
              <Anchor component={Link} to={`/invoices/${row.invoiceId}`}>
                {row.number}
              </Anchor>
            </Table.Td>
            <Table.Td>{formatDate(row.date)}</Table.Td>
            <Table.Td>{formatDate(row.dueDate)}</Table.Td>
            <Table.Td ta="right">{formatMoney(row.open, currency)}</Table.Td>
            <Table.Td ta="right">{row.daysOverdue > 0 ? row.daysOverdue : '—'}</Table.Td>
            <Table.Td>{t(`receivables.buckets.${row.bucket}`)}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
