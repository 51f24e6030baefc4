import { Alert, Button, Group, Paper, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { TableHead, type HeadColumn } from '../../components/TableHead';
import { IconAlert, IconDownload } from '../../components/icons';
import { errorMessage, PageHeader, QueryFallback } from '../../components/ui';
import { downloadFile } from '../../lib/download';
import { formatDate, formatMoney, formatPercent } from '../../lib/format';
import { eReportingCsvUrl, useEReport, type EReport } from './einvoicing-api';

const iso = (d: Date) => `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;

/** The current month so far: the period most often reported. */
function currentMonth(today = new Date()): { from: string; to: string } {
  return { from: iso(new Date(today.getFullYear(), today.getMonth(), 1)), to: iso(today) };
}

function ReportTable({ title, columns, rows }: { title: string; columns: HeadColumn[]; rows: ReactNode[][] }) {
  const { t } = useTranslation();
  return (
    <Paper withBorder p="lg" component="section" aria-label={title}>
      <Title order={2} fz="md" fw={650} mb="md">
        {title}
      </Title>
      {rows.length ? (
        <Table.ScrollContainer minWidth={560}>
          <Table aria-label={title} verticalSpacing={4} striped>
            <TableHead columns={columns} />
            <Table.Tbody>
              {rows.map((cells, i) => (
                <Table.Tr key={i}>
                  {cells.map((cell, j) => (
                    <Table.Td key={j} ta={columns[j]?.align} fz="sm">
                      {cell}
                    </Table.Td>
                  ))}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      ) : (
        <Text size="sm" c="dimmed">
          {t('einvoicing.eReporting.empty')}
        </Text>
      )}
    </Paper>
  );
}

function ReportTables({ report }: { report: EReport }) {
  const { t } = useTranslation();
  const c = (key: 'date' | 'vatRate' | 'count' | 'net' | 'vat' | 'gross' | 'number' | 'customer' | 'country' | 'vatNumber' | 'amount', align?: 'right'): HeadColumn => ({ label: t(`einvoicing.eReporting.columns.${key}`), align });
  // B2C sales and the cash received are reported in the company's currency (euro); international sales each in their own.
  return (
    <Stack gap="lg">
      <ReportTable
        title={t('einvoicing.eReporting.b2c')}
        columns={[c('date'), c('vatRate', 'right'), c('count', 'right'), c('net', 'right'), c('vat', 'right'), c('gross', 'right')]}
        rows={report.b2cSales.map((r) => [formatDate(r.date), formatPercent(r.rate), r.count, formatMoney(r.net), formatMoney(r.vat), formatMoney(r.gross)])}
      />
      <ReportTable
        title={t('einvoicing.eReporting.international')}
        columns={[c('number'), c('date'), c('customer'), c('country'), c('vatNumber'), c('net', 'right'), c('vat', 'right'), c('gross', 'right')]}
        rows={report.internationalSales.map((r) => [
          r.number,
          formatDate(r.date),
          r.buyerName,
          r.buyerCountry ?? '—',
          r.buyerVatNumber ?? '—',
          formatMoney(r.net, r.currency),
          formatMoney(r.vat, r.currency),
          formatMoney(r.gross, r.currency),
        ])}
      />
      <ReportTable
        title={t('einvoicing.eReporting.payments')}
        columns={[c('date'), c('vatRate', 'right'), c('amount', 'right'), c('vat', 'right')]}
        rows={report.servicePayments.map((r) => [formatDate(r.date), formatPercent(r.rate), formatMoney(r.received), formatMoney(r.vat)])}
      />
    </Stack>
  );
}

/**
 * E-reporting of a period: what the tax administration receives for the sales that are not e-invoices
 * (consumers, foreign businesses) and the cash received on services, shown as tables and exported as CSV.
 */
export function EReportingPage() {
  const { t } = useTranslation();
  const [period, setPeriod] = useState(currentMonth);
  const valid = Boolean(period.from && period.to && period.from <= period.to);
  const report = useEReport(period.from, period.to);
  const [csvError, setCsvError] = useState<unknown>(null);
  const [downloading, setDownloading] = useState(false);
  const downloadCsv = async () => {
    setDownloading(true);
    setCsvError(null);
    try {
      await downloadFile(eReportingCsvUrl(period.from, period.to), `e-reporting-${period.from}-${period.to}.csv`);
    } catch (e) {
      setCsvError(e);
    } finally {
      setDownloading(false);
    }
  };
  return (
    <>
      <PageHeader title={t('einvoicing.eReporting.title')} description={t('einvoicing.eReporting.subtitle')} />
      <Stack gap="lg" pb="xl">
        <Paper withBorder p="md">
          <Group align="flex-end">
            <TextInput type="date" label={t('einvoicing.eReporting.from')} value={period.from} onChange={(e) => setPeriod((p) => ({ ...p, from: e.currentTarget.value }))} w={180} />
            <TextInput type="date" label={t('einvoicing.eReporting.to')} value={period.to} onChange={(e) => setPeriod((p) => ({ ...p, to: e.currentTarget.value }))} w={180} />
            <Button variant="default" leftSection={<IconDownload size={16} />} onClick={() => void downloadCsv()} loading={downloading} disabled={!valid}>
              {t('einvoicing.eReporting.csv')}
            </Button>
          </Group>
          {!valid ? (
            <Text size="sm" c="red.8" mt="xs" role="alert">
              {t('einvoicing.eReporting.badPeriod')}
            </Text>
          ) : null}
          {csvError ? (
            <Alert color="red" variant="light" icon={<IconAlert />} role="alert" mt="sm">
              {errorMessage(csvError, t('common.errorGeneric'))}
            </Alert>
          ) : null}
        </Paper>
        {valid && report.data ? <ReportTables report={report.data} /> : valid ? <QueryFallback query={report} empty={null} /> : null}
      </Stack>
    </>
  );
}
