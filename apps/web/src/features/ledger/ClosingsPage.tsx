import { Alert, Badge, Button, Code, Group, Modal, Paper, SegmentedControl, Stack, Text, TextInput, Title } from '@mantine/core';
import Decimal from 'decimal.js';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCan } from '../../app/session';
import { IconDownload, IconLock, IconShield } from '../../components/icons';
import { SettingsTable } from '../../components/SettingsTable';
import { EmptyBlock, FormErrorAlert, PageHeader, QueryFallback } from '../../components/ui';
import { downloadFile } from '../../lib/download';
import { formatDate, formatMoney, formatNumber } from '../../lib/format';
import { useClosings, useCreateClosing, useLedgerVerification } from './ledger-api';
import type { Closing, ClosingKind } from './ledger-types';

/** The month after the latest monthly closing, else the previous calendar month; the year before the current one. */
function nextPeriod(kind: ClosingKind, closings: Closing[]): string {
  const now = new Date();
  const latest = closings.filter((c) => c.kind === kind).sort((a, b) => b.period.localeCompare(a.period))[0];
  if (kind === 'year') return latest ? String(Number(latest.period) + 1) : String(now.getFullYear() - 1);
  if (latest) {
    const [y = 0, m = 0] = latest.period.split('-').map(Number);
    return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
  }
  const previous = new Date(now.getFullYear(), now.getMonth() - 1, 1);
  return `${previous.getFullYear()}-${String(previous.getMonth() + 1).padStart(2, '0')}`;
}

/** The period's VAT, all rates together (the closing stores it per rate). */
function vatTotal(c: Closing): string {
  return c.totals.period.vat.reduce((sum, v) => sum.plus(v.amount), new Decimal(0)).toFixed(2);
}

function CloseModal({ closings, onClose }: { closings: Closing[]; onClose: () => void }) {
  const { t } = useTranslation();
  const create = useCreateClosing();
  const [kind, setKind] = useState<ClosingKind>('month');
  const [period, setPeriod] = useState(() => nextPeriod('month', closings));
  return (
    <Modal opened onClose={onClose} title={t('ledger.closings.close')} centered>
      <Stack>
        <SegmentedControl
          value={kind}
          onChange={(v) => {
            setKind(v as ClosingKind);
            setPeriod(nextPeriod(v as ClosingKind, closings));
          }}
          data={[
            { value: 'month', label: t('ledger.closings.kinds.month') },
            { value: 'year', label: t('ledger.closings.kinds.year') },
          ]}
        />
        {kind === 'month' ? (
          <TextInput type="month" label={t('ledger.closings.period')} value={period} onChange={(e) => setPeriod(e.currentTarget.value)} />
        ) : (
          <TextInput label={t('ledger.closings.fiscalYear')} description={t('ledger.closings.fiscalYearHint')} inputMode="numeric" maxLength={4} value={period} onChange={(e) => setPeriod(e.currentTarget.value)} />
        )}
        <Text size="sm">{t('ledger.closings.warning')}</Text>
        {create.error ? <FormErrorAlert error={create.error} /> : null}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button color="red" leftSection={<IconLock size={16} />} loading={create.isPending} onClick={() => create.mutate({ kind, period }, { onSuccess: onClose })}>
            {t('ledger.closings.confirm', { period })}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

function VerificationPanel() {
  const { t } = useTranslation();
  const verify = useLedgerVerification();
  const result = verify.data;
  return (
    <Paper withBorder p="md" component="section" aria-label={t('ledger.verify.title')}>
      <Group justify="space-between" mb={result || verify.error ? 'sm' : 0}>
        <Stack gap={2}>
          <Title order={2} fz="md" fw={650}>
            {t('ledger.verify.title')}
          </Title>
          <Text size="sm" c="dimmed">
            {t('ledger.verify.subtitle')}
          </Text>
        </Stack>
        <Button variant="light" leftSection={<IconShield size={16} />} loading={verify.isPending} onClick={() => verify.mutate()}>
          {t('ledger.verify.run')}
        </Button>
      </Group>
      {verify.error ? <FormErrorAlert error={verify.error} /> : null}
      {result ? (
        result.ok ? (
          <Alert color="green" variant="light" title={t('ledger.verify.ok')} role="status">
            {t('ledger.verify.okDetail', { count: result.entries, formatted: formatNumber(result.entries) })}
            {result.lastHash ? (
              <Text size="xs" mt={4}>
                {t('ledger.verify.lastHash')} <Code>{result.lastHash.slice(0, 16)}…</Code>
              </Text>
            ) : null}
          </Alert>
        ) : (
          <Alert color="red" variant="light" title={t('ledger.verify.broken')} role="alert">
            <Stack gap={4}>
              {result.firstBrokenEntry ? (
                <Text size="sm">
                  {t('ledger.verify.firstBroken', { seq: result.firstBrokenEntry.seq, kind: t(`ledger.verify.kinds.${result.firstBrokenEntry.kind as 'invoice'}`, { defaultValue: result.firstBrokenEntry.kind }), record: result.firstBrokenEntry.recordId })}
                </Text>
              ) : null}
              <Text size="sm">
                {t('ledger.verify.reason')} {result.reason ? t(`ledger.verify.reasons.${result.reason}`) : '—'} {result.reason ? <Code>{result.reason}</Code> : null}
                {result.field ? (
                  <>
                    {' '}
                    · {t('ledger.verify.field')} <Code>{result.field}</Code>
                  </>
                ) : null}
              </Text>
              {result.detail ? <Text size="sm">{result.detail}</Text> : null}
              <Text size="xs" c="dimmed">
                {t('ledger.verify.intact', { count: result.entries, formatted: formatNumber(result.entries) })}
              </Text>
            </Stack>
          </Alert>
        )
      ) : null}
    </Paper>
  );
}

export function ClosingsPage() {
  const { t } = useTranslation();
  const can = useCan();
  const closings = useClosings();
  const [closing, setClosing] = useState(false);
  const [downloadError, setDownloadError] = useState<unknown>(null);
  const rows = closings.data?.data ?? [];
  const closeButton = can('ledger:write') ? (
    <Button leftSection={<IconLock size={16} />} onClick={() => setClosing(true)} disabled={!closings.isSuccess}>
      {t('ledger.closings.close')}
    </Button>
  ) : null;
  const download = (c: Closing) => {
    setDownloadError(null);
    downloadFile(`/api/v1/closings/${c.id}/archive`, `closing-${c.kind}-${c.period}.zip`).catch(setDownloadError);
  };
  return (
    <>
      <PageHeader title={t('ledger.closings.title')} description={t('ledger.closings.subtitle')} actions={closeButton} />
      <Stack gap="lg">
        <VerificationPanel />
        {downloadError ? <FormErrorAlert error={downloadError} /> : null}
        <Paper withBorder>
          {!closings.isSuccess || rows.length === 0 ? (
            <QueryFallback query={closings} empty={<EmptyBlock icon={<IconLock size={26} />} title={t('ledger.closings.empty')} description={t('ledger.closings.emptyDescription')} />} />
          ) : (
            <SettingsTable
              label={t('ledger.closings.tableLabel')}
              minWidth={900}
              rows={rows}
              columns={[
                {
                  header: t('ledger.closings.period'),
                  cell: (c) => (
                    <>
                      <Group gap={6}>
                        <Text fw={600} size="sm">
                          {c.period}
                        </Text>
                        <Badge size="xs" variant="light" color={c.kind === 'year' ? 'grape' : 'blue'}>
                          {t(`ledger.closings.kinds.${c.kind}`)}
                        </Badge>
                      </Group>
                      <Text size="xs" c="dimmed">
                        {formatDate(c.startDate)} → {formatDate(c.endDate)}
                      </Text>
                    </>
                  ),
                },
                {
                  header: t('ledger.closings.documents'),
                  td: { fz: 'sm' },
                  cell: ({ totals: { period: p } }) => t('ledger.closings.counts', { invoices: p.count.invoice, credits: p.count.credit_note, deposits: p.count.deposit }),
                },
                { header: t('sales.totals.net'), align: 'right', td: { fz: 'sm' }, cell: (c) => formatMoney(c.totals.period.net) },
                { header: t('sales.totals.vatTotal'), align: 'right', td: { fz: 'sm' }, cell: (c) => formatMoney(vatTotal(c)) },
                { header: t('sales.totals.gross'), align: 'right', td: { fz: 'sm', fw: 600 }, cell: (c) => formatMoney(c.totals.period.gross) },
                { header: t('ledger.closings.fiscalYearGross'), align: 'right', td: { fz: 'sm' }, cell: (c) => formatMoney(c.totals.fiscalYearToDate.gross) },
                { header: t('ledger.closings.retainUntil'), td: { fz: 'sm' }, cell: (c) => formatDate(c.retainUntil) },
              ]}
              actions={(c) => (
                <Button variant="subtle" size="xs" leftSection={<IconDownload size={14} />} onClick={() => download(c)} aria-label={t('ledger.closings.downloadNamed', { period: c.period })}>
                  {t('ledger.closings.archive')}
                </Button>
              )}
            />
          )}
        </Paper>
      </Stack>
      {closing ? <CloseModal closings={rows} onClose={() => setClosing(false)} /> : null}
    </>
  );
}
