import { Alert, Badge, Button, Checkbox, Group, Modal, Paper, Progress, Stack, Table, Text, TextInput } from '@mantine/core';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useCan } from '../../app/session';
import { EmptyBlock, FormErrorAlert, PageHeader, QueryFallback } from '../../components/ui';
import { formatDate, formatMoney } from '../../lib/format';
import { type DunningCandidate, useDunningCandidates, useDunningPreview, useDunningRun, useStartDunningRun, useUncertainDunning } from './dunning-api';

const DUE_COLOURS: Record<string, string> = { not_due: 'gray', due_soon: 'orange', overdue: 'red' };

/** Today in the browser's calendar, YYYY-MM-DD (the server answers as of the company's today by default). */
function localToday(): string {
  const now = new Date();
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
}

function PreviewModal({ invoiceId, asOf, onClose }: { invoiceId: string; asOf: string; onClose: () => void }) {
  const { t } = useTranslation();
  const preview = useDunningPreview(invoiceId, asOf);
  return (
    <Modal opened onClose={onClose} title={t('dunning.preview.title')} size="lg" centered>
      <QueryFallback query={preview} empty={null} />
      {preview.data ? (
        <Stack gap="xs" aria-label={t('dunning.preview.title')}>
          <Text size="sm">
            <b>{t('dunning.preview.step')}</b> {preview.data.step?.name ?? '—'}
          </Text>
          {preview.data.mail ? (
            <>
              <Text size="sm">
                <b>{t('dunning.preview.to')}</b> {preview.data.mail.to}
              </Text>
              <Text size="sm">
                <b>{t('dunning.preview.subject')}</b> {preview.data.mail.subject}
              </Text>
              <Paper withBorder p="sm">
                <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                  {preview.data.mail.text}
                </Text>
              </Paper>
              {preview.data.mail.attachments.map((a) => (
                <Text key={a.filename} size="sm" c="dimmed">
                  📎 {a.filename}
                </Text>
              ))}
            </>
          ) : (
            <Alert color="orange">{preview.data.step ? t('dunning.preview.noEmail') : t('dunning.preview.noStep')}</Alert>
          )}
        </Stack>
      ) : null}
    </Modal>
  );
}

/** Uncertain steps, each linked to its invoice, where a person marks it sent or sends it again. */
function UncertainAlert() {
  const { t } = useTranslation();
  const uncertain = useUncertainDunning();
  const rows = uncertain.data?.data ?? [];
  if (!rows.length) return null;
  return (
    <Alert color="orange" mb="md" title={t('dunning.review.title', { count: rows.length })}>
      <Group gap="sm">
        {rows.map((e) => (
          <Link key={e.id} to={`/invoices/${e.invoiceId}`}>
            {e.invoiceNumber} · {e.step.name}
          </Link>
        ))}
      </Group>
    </Alert>
  );
}

function RunProgress({ runId, skipped }: { runId: string; skipped: number }) {
  const { t } = useTranslation();
  const run = useDunningRun(runId);
  if (!run.data) return null;
  const { total, counts, done } = run.data;
  const finished = counts.sent + counts.uncertain + counts.failed;
  return (
    <Paper withBorder p="md" mb="md" aria-label={t('dunning.run.progress')}>
      <Stack gap="xs">
        <Text size="sm">{done ? t('dunning.run.done', { sent: counts.sent, total }) : t('dunning.run.sending', { finished, total })}</Text>
        <Progress value={total ? (finished / total) * 100 : 100} aria-label={t('dunning.run.progress')} color={done ? 'teal' : 'blue'} />
        {skipped ? <Text size="xs" c="dimmed">{t('dunning.run.skipped', { count: skipped })}</Text> : null}
        {counts.uncertain ? <Alert color="orange">{t('dunning.run.uncertain', { count: counts.uncertain })}</Alert> : null}
      </Stack>
    </Paper>
  );
}

/** Open invoices with their colour, next step and last step sent; select, preview, send the next step. */
export function DunningPage() {
  const { t } = useTranslation();
  const can = useCan();
  const [asOf, setAsOf] = useState(localToday);
  const candidates = useDunningCandidates(asOf);
  const start = useStartDunningRun();
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [previewId, setPreviewId] = useState<string | null>(null);
  const [run, setRun] = useState<{ id: string; skipped: number } | null>(null);
  const rows = useMemo(() => candidates.data?.data ?? [], [candidates.data]);
  const toDun = rows.filter((r) => r.toDun);

  const toggle = (id: string) => setSelected((s) => (s.has(id) ? new Set([...s].filter((x) => x !== id)) : new Set([...s, id])));
  const send = () =>
    start.mutate(
      { invoiceIds: [...selected], asOf },
      {
        onSuccess: (result) => {
          setRun({ id: result.id, skipped: result.skipped.length });
          setSelected(new Set());
        },
      },
    );

  return (
    <>
      <PageHeader
        title={t('dunning.title')}
        description={candidates.data?.digest ? t('dunning.digest', { count: candidates.data.digest.count, on: formatDate(candidates.data.digest.on), amount: formatMoney(candidates.data.digest.amount) }) : t('dunning.description')}
        actions={
          <>
            <TextInput type="date" label={t('dunning.asOf')} value={asOf} onChange={(e) => e.currentTarget.value && setAsOf(e.currentTarget.value)} />
            <Button component={Link} to="/receivables/dunning-steps" variant="default">
              {t('dunning.stepsLink')}
            </Button>
            {can('billing:write') ? (
              <Button onClick={send} disabled={!selected.size} loading={start.isPending}>
                {t('dunning.send', { count: selected.size })}
              </Button>
            ) : null}
          </>
        }
      />
      <FormErrorAlert error={start.error} />
      <UncertainAlert />
      {run ? <RunProgress runId={run.id} skipped={run.skipped} /> : null}
      <QueryFallback query={candidates} empty={null} />
      {candidates.data && !rows.length ? <EmptyBlock title={t('dunning.empty')} /> : null}
      {rows.length ? (
        <Paper withBorder>
          <Table striped highlightOnHover aria-label={t('dunning.table')}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>
                  <Checkbox
                    aria-label={t('dunning.selectAll')}
                    checked={toDun.length > 0 && toDun.every((r) => selected.has(r.invoiceId))}
                    onChange={(e) => setSelected(e.currentTarget.checked ? new Set(toDun.map((r) => r.invoiceId)) : new Set())}
                  />
                </Table.Th>
                <Table.Th>{t('dunning.columns.number')}</Table.Th>
                <Table.Th>{t('dunning.columns.customer')}</Table.Th>
                <Table.Th>{t('dunning.columns.dueOn')}</Table.Th>
                <Table.Th>{t('dunning.columns.status')}</Table.Th>
                <Table.Th ta="right">{t('dunning.columns.due')}</Table.Th>
                <Table.Th>{t('dunning.columns.lastStep')}</Table.Th>
                <Table.Th>{t('dunning.columns.nextStep')}</Table.Th>
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((r) => (
                <CandidateRow key={r.invoiceId} row={r} selected={selected.has(r.invoiceId)} onToggle={() => toggle(r.invoiceId)} onPreview={() => setPreviewId(r.invoiceId)} />
              ))}
            </Table.Tbody>
          </Table>
        </Paper>
      ) : null}
      {previewId ? <PreviewModal invoiceId={previewId} asOf={asOf} onClose={() => setPreviewId(null)} /> : null}
    </>
  );
}

function CandidateRow({ row, selected, onToggle, onPreview }: { row: DunningCandidate; selected: boolean; onToggle: () => void; onPreview: () => void }) {
  const { t } = useTranslation();
  const suspended = row.recoveryStatus ? t(`dunning.recovery.${row.recoveryStatus as 'disputed'}`) : row.collectionPending ? t('dunning.collectionPending') : null;
  return (
    <Table.Tr>
      <Table.Td>
        <Checkbox aria-label={t('dunning.select', { number: row.number })} checked={selected} disabled={!row.toDun} onChange={onToggle} />
      </Table.Td>
      <Table.Td>
        <Link to={`/invoices/${row.invoiceId}`}>{row.number}</Link>
      </Table.Td>
      <Table.Td>{row.customerName}</Table.Td>
      <Table.Td>{formatDate(row.dueOn)}</Table.Td>
      <Table.Td>
        <Group gap={4}>
          <Badge color={DUE_COLOURS[row.dueState]} variant="light" style={{ overflow: 'visible' }}>
            {t(`dunning.dueStates.${row.dueState as 'overdue'}`)}
          </Badge>
          {row.dueState === 'overdue' ? (
            <Text size="xs" c="red">
              {t('dunning.days', { count: row.daysOverdue })}
            </Text>
          ) : null}
          {suspended ? <Badge color="grape" variant="outline">{suspended}</Badge> : null}
        </Group>
      </Table.Td>
      <Table.Td ta="right">{formatMoney(row.due, row.currency)}</Table.Td>
      <Table.Td>
        {row.lastStep ? (
          <Text size="sm">
            {row.lastStep.name} · {row.lastStep.status === 'sent' ? formatDate(row.lastStep.sentOn) : t(`dunning.mailStatus.${row.lastStep.status as 'sent'}`)}
          </Text>
        ) : (
          '—'
        )}
      </Table.Td>
      <Table.Td>{row.nextStep ? `${row.nextStep.name}${row.nextStep.dueOn ? ` · ${formatDate(row.nextStep.dueOn)}` : ''}` : '—'}</Table.Td>
      <Table.Td>
        {row.nextStep ? (
          <Button size="xs" variant="subtle" onClick={onPreview} aria-label={t('dunning.previewOf', { number: row.number })}>
            {t('dunning.previewAction')}
          </Button>
        ) : null}
      </Table.Td>
    </Table.Tr>
  );
}
