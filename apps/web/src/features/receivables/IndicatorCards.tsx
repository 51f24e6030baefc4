import { Paper, SimpleGrid, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { QueryFallback } from '../../components/ui';
import { formatMoney, formatNumber } from '../../lib/format';
import { useReceivablesIndicators } from './receivables-api';

function Card({ label, value, hint }: { label: string; value: string; hint?: string }) {
  return (
    <Paper withBorder p="md" role="group" aria-label={label}>
      <Text size="xs" c="dimmed" tt="uppercase" fw={700}>
        {label}
      </Text>
      <Text size="xl" fw={700}>
        {value}
      </Text>
      {hint ? (
        <Text size="xs" c="dimmed">
          {hint}
        </Text>
      ) : null}
    </Paper>
  );
}

/** DSO, overdue total, top-10 concentration and the average payment delay (weighted over customers). */
export function IndicatorCards({ asOf }: { asOf: string }) {
  const { t } = useTranslation();
  const indicators = useReceivablesIndicators(asOf);
  if (!indicators.data) return <QueryFallback query={indicators} empty={null} />;
  const { dsoDays, overdue, top10Concentration, paymentDelays, currency, sales90Days } = indicators.data;
  const slowest = paymentDelays[0];
  return (
    <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }} mb="md">
      <Card label={t('receivables.indicators.dso')} value={dsoDays === null ? '—' : t('receivables.indicators.days', { days: formatNumber(dsoDays) })} hint={t('receivables.indicators.dsoHint', { sales: formatMoney(sales90Days, currency) })} />
      <Card label={t('receivables.indicators.overdue')} value={formatMoney(overdue, currency)} />
      <Card label={t('receivables.indicators.concentration')} value={top10Concentration === null ? '—' : `${formatNumber(Number(top10Concentration))} %`} hint={t('receivables.indicators.concentrationHint')} />
      <Card
        label={t('receivables.indicators.delay')}
        value={slowest ? t('receivables.indicators.days', { days: formatNumber(slowest.averageDelayDays) }) : '—'}
        hint={slowest ? t('receivables.indicators.delayHint', { name: slowest.name, count: paymentDelays.length }) : t('receivables.indicators.noDelay')}
      />
    </SimpleGrid>
  );
}
