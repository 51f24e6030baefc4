import { Paper, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { formatMoney } from '../../lib/format';
import { AGING_BUCKETS, type AgedReceivables } from './receivables-api';

/** From not due (calm) to over 90 days (alarming). */
export const BUCKET_COLOURS: Record<string, string> = { not_due: '#74c0fc', '1_30': '#ffd43b', '31_60': '#ffa94d', '61_90': '#ff6b6b', over_90: '#c92a2a' };
const TOP = 10;

/** Stacked buckets of the 10 largest balances, plus one bar for all customers. */
export function AgingChart({ report }: { report: AgedReceivables }) {
  const { t } = useTranslation();
  // Chart geometry only: amounts are drawn as numbers, shown formatted from their decimal strings.
  const row = (name: string, buckets: AgedReceivables['buckets']) => ({ name, ...Object.fromEntries(buckets.map((b) => [b.key, Number(b.amount)])) });
  const data = [row(t('receivables.aged.allCustomers'), report.buckets), ...report.customers.slice(0, TOP).map((c) => row(c.name, c.buckets))];
  return (
    <Paper withBorder p="md" mb="md" role="figure" aria-label={t('receivables.aged.chart')}>
      <Text fw={600} mb="sm">
        {t('receivables.aged.chart')}
      </Text>
      <ResponsiveContainer width="100%" height={320}>
        <BarChart data={data} layout="vertical" margin={{ left: 24 }}>
          <CartesianGrid strokeDasharray="3 3" />
          <XAxis type="number" tickFormatter={(v: number) => formatMoney(v, report.currency)} />
          <YAxis type="category" dataKey="name" width={160} />
          <Tooltip formatter={(v) => formatMoney(Number(v), report.currency)} />
          <Legend />
          {AGING_BUCKETS.map((key) => (
            <Bar key={key} dataKey={key} name={t(`receivables.buckets.${key}`)} stackId="aging" fill={BUCKET_COLOURS[key]} />
          ))}
        </BarChart>
      </ResponsiveContainer>
    </Paper>
  );
}
