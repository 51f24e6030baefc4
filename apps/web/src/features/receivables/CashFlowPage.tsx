import { Paper, SimpleGrid, Table, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Bar, CartesianGrid, ComposedChart, Legend, Line, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { PageHeader, QueryFallback } from '../../components/ui';
import { formatMoney } from '../../lib/format';
import { today } from '../sales/editor/editor-state';
import { useCashFlowForecast } from './receivables-api';

/** "2026-11" → "nov. 2026" in the interface language. */
function monthLabel(month: string, language: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return new Intl.DateTimeFormat(language, { month: 'short', year: 'numeric', timeZone: 'UTC' }).format(new Date(Date.UTC(y, m - 1, 1)));
}

/** Expected receipts (and, once a source gives them, payments) of the next 12 months; overdue amounts apart. */
export function CashFlowPage() {
  const { t, i18n } = useTranslation();
  const [from, setFrom] = useState(today);
  const forecast = useCashFlowForecast(from);
  const data = forecast.data;
  const currency = data?.currency ?? 'EUR';
  // Chart geometry only: amounts are drawn as numbers, shown formatted from their decimal strings.
  const points = (data?.months ?? []).map((m) => ({ month: monthLabel(m.month, i18n.language), receipts: Number(m.receipts), payments: Number(m.payments), net: Number(m.net) }));
  return (
    <>
      <PageHeader
        title={t('receivables.cashFlow.title')}
        description={t('receivables.cashFlow.description')}
        actions={<TextInput type="date" label={t('receivables.cashFlow.from')} value={from} onChange={(e) => e.currentTarget.value && setFrom(e.currentTarget.value)} />}
      />
      <QueryFallback query={forecast} empty={null} />
      {data ? (
        <>
          <SimpleGrid cols={{ base: 1, sm: 2 }} mb="md">
            <Paper withBorder p="md" role="group" aria-label={t('receivables.cashFlow.overdue')}>
              <Text size="xs" c="dimmed" tt="uppercase" fw={700}>
                {t('receivables.cashFlow.overdue')}
              </Text>
              <Text size="xl" fw={700}>
                {formatMoney(data.overdue.receipts, currency)}
              </Text>
              <Text size="xs" c="dimmed">
                {t('receivables.cashFlow.overdueHint')}
              </Text>
            </Paper>
          </SimpleGrid>
          <Paper withBorder p="md" mb="md" role="figure" aria-label={t('receivables.cashFlow.chart')}>
            <ResponsiveContainer width="100%" height={300}>
              <ComposedChart data={points}>
                <CartesianGrid strokeDasharray="3 3" />
                <XAxis dataKey="month" />
                <YAxis tickFormatter={(v: number) => formatMoney(v, currency)} width={110} />
                <Tooltip formatter={(v) => formatMoney(Number(v), currency)} />
                <Legend />
                <Bar dataKey="receipts" name={t('receivables.cashFlow.receipts')} fill="#4dabf7" />
                <Bar dataKey="payments" name={t('receivables.cashFlow.payments')} fill="#ff8787" />
                <Line dataKey="net" name={t('receivables.cashFlow.net')} stroke="#2b8a3e" strokeWidth={2} />
              </ComposedChart>
            </ResponsiveContainer>
          </Paper>
          <Paper withBorder>
            <Table striped aria-label={t('receivables.cashFlow.table')}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('receivables.cashFlow.month')}</Table.Th>
                  <Table.Th ta="right">{t('receivables.cashFlow.receipts')}</Table.Th>
                  <Table.Th ta="right">{t('receivables.cashFlow.payments')}</Table.Th>
                  <Table.Th ta="right">{t('receivables.cashFlow.net')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {data.months.map((m) => (
                  <Table.Tr key={m.month}>
                    <Table.Td>{monthLabel(m.month, i18n.language)}</Table.Td>
                    <Table.Td ta="right">{formatMoney(m.receipts, currency)}</Table.Td>
                    <Table.Td ta="right">{formatMoney(m.payments, currency)}</Table.Td>
                    <Table.Td ta="right">{formatMoney(m.net, currency)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Paper>
          <Text size="xs" c="dimmed" mt="xs">
            {t('receivables.cashFlow.sources', { sources: data.sources.map((s) => t(`receivables.cashFlow.source.${s.key}`, { defaultValue: s.key })).join(', ') })}
          </Text>
        </>
      ) : null}
    </>
  );
}
