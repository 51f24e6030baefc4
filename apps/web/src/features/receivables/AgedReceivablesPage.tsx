import { ActionIcon, Button, Paper, Select, Table, Text, TextInput } from '@mantine/core';
import { Fragment, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { IconArrowDown, IconArrowUp, IconDownload } from '../../components/icons';
import { EmptyBlock, FormErrorAlert, PageHeader, QueryFallback } from '../../components/ui';
import { downloadFile } from '../../lib/download';
import { formatMoney } from '../../lib/format';
import { today } from '../sales/editor/editor-state';
import { useEstablishments, useSectors } from '../settings/org-api';
import { AgingChart } from './AgingChart';
import { CustomerInstallments } from './CustomerInstallments';
import { IndicatorCards } from './IndicatorCards';
import { AGING_BUCKETS, type AgedFilter, exportUrl, useAgedReceivables } from './receivables-api';

/** Aged receivables at a date: indicators, stacked chart of the largest balances, table per customer with drill-down, exports. */
export function AgedReceivablesPage() {
  const { t } = useTranslation();
  const [filter, setFilter] = useState<AgedFilter>({ asOf: today(), establishmentId: null, sectorId: null });
  const [opened, setOpened] = useState<string | null>(null);
  const [downloadError, setDownloadError] = useState<unknown>(null);
  const report = useAgedReceivables(filter);
  const establishments = useEstablishments();
  const sectors = useSectors();
  const currency = report.data?.currency ?? 'EUR';

  const download = (format: 'csv' | 'xlsx') => {
    setDownloadError(null);
    downloadFile(exportUrl(filter, format), `balance-agee-${filter.asOf}.${format}`).catch(setDownloadError);
  };

  return (
    <>
      <PageHeader
        title={t('receivables.aged.title')}
        description={t('receivables.aged.description')}
        actions={
          <>
            <TextInput type="date" label={t('receivables.aged.asOf')} value={filter.asOf} onChange={(e) => e.currentTarget.value && setFilter({ ...filter, asOf: e.currentTarget.value })} />
            <Select
              label={t('receivables.aged.establishment')}
              placeholder={t('receivables.aged.all')}
              clearable
              data={(establishments.data?.data ?? []).map((e) => ({ value: e.id, label: e.name }))}
              value={filter.establishmentId ?? null}
              onChange={(establishmentId) => setFilter({ ...filter, establishmentId })}
            />
            <Select
              label={t('receivables.aged.sector')}
              placeholder={t('receivables.aged.all')}
              clearable
              data={(sectors.data?.data ?? []).map((s) => ({ value: s.id, label: s.name }))}
              value={filter.sectorId ?? null}
              onChange={(sectorId) => setFilter({ ...filter, sectorId })}
            />
            <Button variant="default" leftSection={<IconDownload size={14} />} onClick={() => download('csv')}>
              {t('receivables.aged.exportCsv')}
            </Button>
            <Button variant="default" leftSection={<IconDownload size={14} />} onClick={() => download('xlsx')}>
              {t('receivables.aged.exportXlsx')}
            </Button>
          </>
        }
      />
      <FormErrorAlert error={downloadError} />
      <IndicatorCards asOf={filter.asOf} />
      <QueryFallback query={report} empty={null} />
      {report.data && !report.data.customers.length ? <EmptyBlock title={t('receivables.aged.empty')} /> : null}
      {report.data?.customers.length ? (
        <>
          <AgingChart report={report.data} />
          <Paper withBorder>
            <Table striped highlightOnHover aria-label={t('receivables.aged.table')}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('receivables.aged.customer')}</Table.Th>
                  {AGING_BUCKETS.map((b) => (
                    <Table.Th key={b} ta="right">
                      {t(`receivables.buckets.${b}`)}
                    </Table.Th>
                  ))}
                  <Table.Th ta="right">{t('receivables.aged.total')}</Table.Th>
                  <Table.Th />
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {report.data.customers.map((c) => (
                  <Fragment key={c.accountId}>
                    <Table.Tr>
                      <Table.Td>{c.name}</Table.Td>
                      {c.buckets.map((b) => (
                        <Table.Td key={b.key} ta="right">
                          {formatMoney(b.amount, currency)}
                        </Table.Td>
                      ))}
                      <Table.Td ta="right" fw={600}>
                        {formatMoney(c.total, currency)}
                      </Table.Td>
                      <Table.Td>
                        <ActionIcon
                          variant="subtle"
                          aria-expanded={opened === c.accountId}
                          aria-label={t('receivables.aged.drillDown', { name: c.name })}
                          onClick={() => setOpened(opened === c.accountId ? null : c.accountId)}
                        >
                          {opened === c.accountId ? <IconArrowUp size={14} /> : <IconArrowDown size={14} />}
                        </ActionIcon>
                      </Table.Td>
                    </Table.Tr>
                    {opened === c.accountId ? (
                      <Table.Tr>
                        <Table.Td colSpan={AGING_BUCKETS.length + 3}>
                          <CustomerInstallments accountId={c.accountId} name={c.name} filter={filter} currency={currency} />
                        </Table.Td>
                      </Table.Tr>
                    ) : null}
                  </Fragment>
                ))}
              </Table.Tbody>
              <Table.Tfoot>
                <Table.Tr>
                  <Table.Th>{t('receivables.aged.total')}</Table.Th>
                  {report.data.buckets.map((b) => (
                    <Table.Th key={b.key} ta="right">
                      {formatMoney(b.amount, currency)}
                    </Table.Th>
                  ))}
                  <Table.Th ta="right">{formatMoney(report.data.total, currency)}</Table.Th>
                  <Table.Th />
                </Table.Tr>
              </Table.Tfoot>
            </Table>
          </Paper>
          <Text size="xs" c="dimmed" mt="xs">
            {t('receivables.aged.rule')}
          </Text>
        </>
      ) : null}
    </>
  );
}
