import { Alert, Button, Group, Paper, Progress, Select, Stack, Text } from '@mantine/core';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCan } from '../../app/session';
import { errorMessage, PageHeader } from '../../components/ui';
import { locale } from '../../lib/format';
import { downloadStreamed, fecUrl } from './fec-download';

type ExportState = { kind: 'idle' } | { kind: 'running'; bytes: number } | { kind: 'done'; fileName: string; bytes: number } | { kind: 'failed'; error: unknown };

/** The fiscal years offered: named by the calendar year they end in, this one and the five before, plus next year's for a fiscal year not ending in December. */
function fiscalYears(today = new Date()): number[] {
  const year = today.getFullYear();
  return Array.from({ length: 7 }, (_, i) => year + 1 - i);
}

const formatBytes = (bytes: number) =>
  bytes < 1_000_000
    ? new Intl.NumberFormat(locale(), { style: 'unit', unit: 'kilobyte', maximumFractionDigits: 0 }).format(Math.max(1, Math.round(bytes / 1000)))
    : new Intl.NumberFormat(locale(), { style: 'unit', unit: 'megabyte', maximumFractionDigits: 1 }).format(bytes / 1_000_000);

/**
 * FEC export of the sales and bank journals of a fiscal year. The file is streamed by the server as it
 * reads the books: the page shows the bytes received while it comes, then saves it under the legal name.
 */
export function FecExportPage() {
  const { t } = useTranslation();
  const can = useCan();
  const [year, setYear] = useState(String(new Date().getFullYear()));
  const [state, setState] = useState<ExportState>({ kind: 'idle' });
  const abort = useRef<AbortController | null>(null);

  const run = async () => {
    abort.current = new AbortController();
    setState({ kind: 'running', bytes: 0 });
    try {
      const done = await downloadStreamed(fecUrl(Number(year)), `FEC${year}.txt`, (bytes) => setState({ kind: 'running', bytes }), abort.current.signal);
      setState({ kind: 'done', ...done });
    } catch (error) {
      setState(abort.current.signal.aborted ? { kind: 'idle' } : { kind: 'failed', error });
    }
  };

  return (
    <>
      <PageHeader title={t('accounting.fec.title')} description={t('accounting.fec.subtitle')} />
      <Paper withBorder p="lg" maw={640}>
        <Stack>
          <Select
            label={t('accounting.fec.fiscalYear')}
            description={t('accounting.fec.fiscalYearHint')}
            data={fiscalYears().map(String)}
            value={year}
            onChange={(v) => v && setYear(v)}
            allowDeselect={false}
            disabled={state.kind === 'running'}
            w={220}
          />
          <Group>
            <Button onClick={() => void run()} loading={state.kind === 'running'} disabled={!can('ledger:read')}>
              {t('accounting.fec.export')}
            </Button>
            {state.kind === 'running' ? (
              <Button variant="default" onClick={() => abort.current?.abort()}>
                {t('common.cancel')}
              </Button>
            ) : null}
          </Group>
          {state.kind === 'running' ? (
            <Stack gap={4}>
              <Progress value={100} animated striped aria-label={t('accounting.fec.progress')} />
              <Text size="sm" role="status">
                {t('accounting.fec.received', { size: formatBytes(state.bytes) })}
              </Text>
            </Stack>
          ) : null}
          {state.kind === 'done' ? (
            <Alert color="teal" role="status" title={t('accounting.fec.done')}>
              {t('accounting.fec.saved', { fileName: state.fileName, size: formatBytes(state.bytes) })}
            </Alert>
          ) : null}
          {state.kind === 'failed' ? (
            <Alert color="red" role="alert" title={t('accounting.fec.failed')}>
              {errorMessage(state.error, t('accounting.fec.failed'))}
            </Alert>
          ) : null}
          <Text size="xs" c="dimmed">
            {t('accounting.fec.contents')}
          </Text>
        </Stack>
      </Paper>
    </>
  );
}
