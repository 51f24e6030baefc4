import { Alert, Paper, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { DocumentTotals, ScheduledInstallment } from '@comptoir/billing-engine';
import { formatDate, formatMoney, formatPercent } from '../../lib/format';
import { TableHead } from '../../components/TableHead';

type Totals = Omit<DocumentTotals, 'lines'>;

/**
 * Totals as printed: net, per-rate VAT breakdown, gross, prepaid and amount due. Rows are labelled
 * (row headers), so assistive technology and the browser suite read "Total TTC" and its amount.
 */
export function TotalsPanel({ totals, currency, problem, live }: { totals: Totals | null; currency: string; problem?: string | null; live?: boolean }) {
  const { t } = useTranslation();
  const money = (v: string) => formatMoney(v, currency);
  return (
    <Paper withBorder p="md" component="section" aria-label={t('sales.totals.title')}>
      <Title order={2} fz="md" fw={650} mb="sm">
        {t('sales.totals.title')}
        {live ? (
          <Text span size="xs" c="dimmed" fw={400} ml="xs">
            {t('sales.totals.live')}
          </Text>
        ) : null}
      </Title>
      {problem ? (
        <Alert color="yellow" variant="light" mb="sm" role="status">
          {t('sales.totals.incomplete', { problem })}
        </Alert>
      ) : null}
      {totals ? (
        <>
          <Table aria-label={t('sales.totals.tableLabel')} withRowBorders={false} verticalSpacing={4}>
            <Table.Tbody>
              <Row label={t('sales.totals.lineNetTotal')} value={money(totals.lineNetTotal)} />
              {totals.allowances.map((a, i) => (
                <Row key={`a${i}`} label={t('sales.totals.allowance', { rate: formatPercent(a.vatRate) })} value={`−${money(a.amount)}`} />
              ))}
              {totals.charges.map((c, i) => (
                <Row key={`c${i}`} label={`${c.reason} (${formatPercent(c.vatRate)})`} value={money(c.amount)} />
              ))}
              <Row label={t('sales.totals.net')} value={money(totals.net)} strong />
              <Row label={t('sales.totals.vatTotal')} value={money(totals.vatTotal)} />
              <Row label={t('sales.totals.gross')} value={money(totals.gross)} strong big />
              {Number(totals.deposits) !== 0 ? <Row label={t('deposits.totals.deposits')} value={money(totals.deposits)} /> : null}
              {Number(totals.prepaid) !== 0 ? <Row label={t('sales.totals.prepaid')} value={`−${money(totals.prepaid)}`} /> : null}
              {Number(totals.prepaid) !== 0 ? <Row label={t('sales.totals.due')} value={money(totals.due)} strong /> : null}
            </Table.Tbody>
          </Table>
          {totals.vat.length ? (
            <Table aria-label={t('sales.totals.vatBreakdown')} mt="md" fz="sm" verticalSpacing={4} withTableBorder>
              <TableHead columns={[{ label: t('sales.totals.vatRate') }, { label: t('sales.totals.vatBase'), align: 'right' }, { label: t('sales.totals.vatAmount'), align: 'right' }]} />
              <Table.Tbody>
                {totals.vat.map((v) => (
                  <Table.Tr key={`${v.category}${v.rate}`}>
                    <Table.Th scope="row" fw={500}>
                      {formatPercent(v.rate)}
                      {v.category !== 'S' ? ` (${v.category})` : ''}
                    </Table.Th>
                    <Table.Td ta="right">{money(v.base)}</Table.Td>
                    <Table.Td ta="right">{money(v.amount)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          ) : null}
        </>
      ) : null}
    </Paper>
  );
}

function Row({ label, value, strong, big }: { label: string; value: string; strong?: boolean; big?: boolean }) {
  return (
    <Table.Tr>
      <Table.Th scope="row" fw={strong ? 650 : 400} fz={big ? 'md' : 'sm'} style={{ paddingLeft: 0 }}>
        {label}
      </Table.Th>
      <Table.Td ta="right" fw={strong ? 650 : 400} fz={big ? 'md' : 'sm'} style={{ paddingRight: 0, whiteSpace: 'nowrap' }}>
        {value}
      </Table.Td>
    </Table.Tr>
  );
}

export function ScheduleTable({ schedule, currency }: { schedule: ScheduledInstallment[]; currency: string }) {
  const { t } = useTranslation();
  if (!schedule.length) return null;
  return (
    <Table aria-label={t('sales.terms.schedule')} fz="sm" verticalSpacing={4} withTableBorder mt="sm">
      <TableHead columns={[{ label: t('sales.terms.dueDate') }, { label: t('sales.terms.kind') }, { label: t('sales.terms.percent'), align: 'right' }, { label: t('sales.terms.amount'), align: 'right' }]} />
      <Table.Tbody>
        {schedule.map((s) => (
          <Table.Tr key={s.index}>
            <Table.Td>{formatDate(s.dueDate)}</Table.Td>
            <Table.Td>{s.label || t(`sales.terms.kinds.${s.kind}`)}</Table.Td>
            <Table.Td ta="right">{formatPercent(s.percent)}</Table.Td>
            <Table.Td ta="right">{formatMoney(s.amount, currency)}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
