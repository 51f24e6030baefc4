import { Badge, Button, Group, Modal, Paper, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCan } from '../../app/session';
import { IconDownload, IconPlus } from '../../components/icons';
import { TableHead } from '../../components/TableHead';
import { ErrorState, FormErrorAlert, PageHeader, QueryFallback } from '../../components/ui';
import { downloadFile } from '../../lib/download';
import { formatDate, formatMoney } from '../../lib/format';
import { sepaFileUrl, useRejectSepaDebit, useSepaBatch, useSepaBatches, useSettleSepaBatch, type SepaBatch } from './banking-api';
import { SepaBatchWizard } from './SepaBatchWizard';

const todayIso = () => new Date().toISOString().slice(0, 10);

function DownloadButtons({ batch }: { batch: SepaBatch }) {
  const { t } = useTranslation();
  const [error, setError] = useState<unknown>(null);
  const get = (format: 'xml' | 'zip') => downloadFile(sepaFileUrl(batch.id, format), `${batch.messageId}.${format}`).catch(setError);
  return (
    <Group gap="xs">
      <Button size="xs" variant="light" leftSection={<IconDownload />} onClick={() => void get('xml')} aria-label={t('banking.batches.downloadXml', { id: batch.messageId })}>
        XML
      </Button>
      <Button size="xs" variant="default" leftSection={<IconDownload />} onClick={() => void get('zip')} aria-label={t('banking.batches.downloadZip', { id: batch.messageId })}>
        ZIP
      </Button>
      {error ? <ErrorState error={error} /> : null}
    </Group>
  );
}

/** One batch: its debits, the settlement once the bank credited it, and the rejects it returns. */
function BatchDetail({ id, onClose }: { id: string; onClose: () => void }) {
  const { t } = useTranslation();
  const can = useCan();
  const batch = useSepaBatch(id);
  const settle = useSettleSepaBatch(id);
  const reject = useRejectSepaDebit(id);
  const [settleDate, setSettleDate] = useState(todayIso());
  const [rejecting, setRejecting] = useState<{ invoiceId: string; reason: string } | null>(null);
  const b = batch.data;
  return (
    <Modal opened onClose={onClose} title={b ? t('banking.batches.detailTitle', { id: b.messageId }) : ''} size="xl" centered>
      {b ? (
        <Stack>
          <Group>
            <Badge variant="light">{t(`banking.batches.statuses.${b.status}`)}</Badge>
            <Text size="sm">{t('banking.batches.summary', { count: b.count, total: formatMoney(b.total, b.currency), date: formatDate(b.collectionDate) })}</Text>
            <DownloadButtons batch={b} />
          </Group>
          <Table aria-label={t('banking.batches.debits')}>
            <TableHead
              columns={[
                { label: t('banking.wizard.number') },
                { label: t('banking.mandates.reference') },
                { label: 'SeqTp' },
                { label: t('banking.batches.amount'), align: 'right' },
                { label: t('banking.mandates.status') },
                { label: null },
              ]}
            />
            <Table.Tbody>
              {b.items.map((i) => (
                <Table.Tr key={i.id}>
                  <Table.Td ff="monospace" fz="sm">
                    {i.invoiceNumber}
                  </Table.Td>
                  <Table.Td ff="monospace" fz="sm">
                    {i.mandateReference}
                  </Table.Td>
                  <Table.Td>{i.sequenceType}</Table.Td>
                  <Table.Td ta="right">{formatMoney(i.amount)}</Table.Td>
                  <Table.Td>
                    {t(`banking.batches.itemStatuses.${i.status}`)}
                    {i.rejectReason ? ` — ${i.rejectReason}` : ''}
                  </Table.Td>
                  <Table.Td>
                    {can('banking:write') && i.status !== 'rejected' ? (
                      <Button size="compact-xs" variant="subtle" color="red" onClick={() => setRejecting({ invoiceId: i.invoiceId, reason: '' })} aria-label={t('banking.batches.rejectOne', { number: i.invoiceNumber })}>
                        {t('banking.batches.reject')}
                      </Button>
                    ) : null}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          {rejecting ? (
            <Paper withBorder p="sm">
              <Group align="flex-end">
                <TextInput label={t('banking.batches.rejectReason')} placeholder="AM04" value={rejecting.reason} onChange={(e) => setRejecting({ ...rejecting, reason: e.currentTarget.value })} />
                <Button color="red" loading={reject.isPending} onClick={() => reject.mutate({ invoiceId: rejecting.invoiceId, reason: rejecting.reason.trim() }, { onSuccess: () => setRejecting(null) })}>
                  {t('banking.batches.confirmReject')}
                </Button>
              </Group>
              <FormErrorAlert error={reject.error} />
            </Paper>
          ) : null}
          {b.status === 'generated' && can('banking:write') ? (
            <Group align="flex-end">
              <TextInput type="date" label={t('banking.batches.settleDate')} value={settleDate} onChange={(e) => setSettleDate(e.currentTarget.value)} />
              <Button loading={settle.isPending} onClick={() => settle.mutate(settleDate)}>
                {t('banking.batches.settle')}
              </Button>
            </Group>
          ) : null}
          <FormErrorAlert error={settle.error} />
        </Stack>
      ) : (
        <QueryFallback query={batch} empty={null} />
      )}
    </Modal>
  );
}

/** Receivables → SEPA direct debit: the batches built, and the wizard for a new one. */
export function SepaBatchesPage() {
  const { t } = useTranslation();
  const can = useCan();
  const batches = useSepaBatches();
  const [creating, setCreating] = useState(false);
  const [created, setCreated] = useState<SepaBatch | null>(null);
  const [open, setOpen] = useState<string | null>(null);
  const rows = batches.data?.data ?? [];
  return (
    <>
      <PageHeader
        title={t('banking.batches.title')}
        description={t('banking.batches.description')}
        actions={
          can('banking:write') && !creating ? (
            <Button leftSection={<IconPlus />} onClick={() => setCreating(true)}>
              {t('banking.batches.new')}
            </Button>
          ) : null
        }
      />
      <Stack>
        {created ? (
          <Paper withBorder p="md" role="status" aria-label={t('banking.batches.created')}>
            <Group justify="space-between">
              <Text>{t('banking.batches.createdText', { count: created.count, total: formatMoney(created.total, created.currency), date: formatDate(created.collectionDate) })}</Text>
              <DownloadButtons batch={created} />
            </Group>
          </Paper>
        ) : null}
        {creating ? (
          <SepaBatchWizard
            onCreated={(batch) => {
              setCreated(batch);
              setCreating(false);
            }}
          />
        ) : null}
        <Title order={2} fz="md" fw={650}>
          {t('banking.batches.history')}
        </Title>
        {rows.length ? (
          <Table aria-label={t('banking.batches.history')} highlightOnHover>
            <TableHead
              columns={[
                { label: t('banking.batches.messageId') },
                { label: t('banking.wizard.collectionDate') },
                { label: t('banking.wizard.format') },
                { label: t('banking.batches.count'), align: 'right' },
                { label: t('banking.batches.amount'), align: 'right' },
                { label: t('banking.mandates.status') },
                { label: null },
              ]}
            />
            <Table.Tbody>
              {rows.map((b) => (
                <Table.Tr key={b.id}>
                  <Table.Td ff="monospace" fz="sm">
                    <Button variant="subtle" size="compact-sm" onClick={() => setOpen(b.id)}>
                      {b.messageId}
                    </Button>
                  </Table.Td>
                  <Table.Td>{formatDate(b.collectionDate)}</Table.Td>
                  <Table.Td fz="sm">{b.format}</Table.Td>
                  <Table.Td ta="right">{b.count}</Table.Td>
                  <Table.Td ta="right">{formatMoney(b.total, b.currency)}</Table.Td>
                  <Table.Td>
                    <Badge variant="light" color={b.status === 'settled' ? 'teal' : 'blue'}>
                      {t(`banking.batches.statuses.${b.status}`)}
                    </Badge>
                  </Table.Td>
                  <Table.Td>
                    <DownloadButtons batch={b} />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        ) : (
          <QueryFallback query={batches} empty={<Text c="dimmed">{t('banking.batches.empty')}</Text>} />
        )}
      </Stack>
      {open ? <BatchDetail id={open} onClose={() => setOpen(null)} /> : null}
    </>
  );
}
