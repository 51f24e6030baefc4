import { Paper, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { TableHead } from '../../components/TableHead';
import { formatMoney, formatPercent } from '../../lib/format';
import { documentHref } from '../sales/document-types';
import type { SalesDocument } from '../sales/sales-types';

type Line = SalesDocument['lines'][number];

/** The deposit deductions of a draft final invoice, read-only: the server keeps them when the other lines change. */
export function DepositDeductions({ lines, currency }: { lines: Line[]; currency: string }) {
  const { t } = useTranslation();
  if (!lines.length) return null;
  return (
    <Paper withBorder p="md" component="section" aria-label={t('deposits.deductions.title')}>
      <Title order={2} fz="md" fw={650} mb="xs">
        {t('deposits.deductions.title')}
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        {t('deposits.deductions.hint')}
      </Text>
      <Table aria-label={t('deposits.deductions.title')} verticalSpacing={4} fz="sm">
        <TableHead columns={[{ label: t('sales.lines.description') }, { label: t('deposits.deductions.vatRate'), align: 'right' }, { label: t('deposits.deductions.net'), align: 'right' }]} />
        <Table.Tbody>
          {lines.map((line) => (
            <Table.Tr key={line.id}>
              <Table.Td>{line.depositInvoiceId ? <Link to={documentHref('invoice', line.depositInvoiceId)}>{line.description}</Link> : line.description}</Table.Td>
              <Table.Td ta="right">{formatPercent(line.vatRate)}</Table.Td>
              <Table.Td ta="right">{formatMoney(line.net, currency)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Paper>
  );
}
