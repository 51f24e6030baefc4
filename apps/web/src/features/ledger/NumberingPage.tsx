import { ActionIcon, Alert, Badge, Code, NumberInput, Paper, Select, Table, Text, TextInput, Tooltip } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCan } from '../../app/session';
import { IconHash, IconLock, IconPencil } from '../../components/icons';
import { FormModal } from '../../components/FormModal';
import { EmptyBlock, PageHeader, QueryFallback } from '../../components/ui';
import { ApiError } from '../../lib/api';
import { formatDate } from '../../lib/format';
import { today } from '../sales/editor/editor-state';
import { useEstablishments } from '../settings/org-api';
import { useSequences, useUpdateSequence } from './ledger-api';
import { SEQUENCE_RESETS, type Sequence, type SequenceReset } from './ledger-types';
import { formatNumberPreview, nextCounter } from './number-preview';

const SERIES_ORDER = ['quote', 'order', 'delivery_note', 'invoice', 'deposit', 'credit_note'];
/** The chain's order (quote → … → credit note), company series before establishment ones. */
function bySeries(a: Sequence, b: Sequence): number {
  return SERIES_ORDER.indexOf(a.documentType) - SERIES_ORDER.indexOf(b.documentType) || Number(a.establishmentId !== null) - Number(b.establishmentId !== null);
}

function SequenceModal({ sequence, onClose }: { sequence: Sequence; onClose: () => void }) {
  const { t } = useTranslation();
  const update = useUpdateSequence(sequence.id);
  const [values, setValues] = useState({ pattern: sequence.pattern, counterWidth: sequence.counterWidth, reset: sequence.reset });
  const errors = update.error instanceof ApiError ? update.error.fields : {};
  const preview = formatNumberPreview(values.pattern, values.counterWidth, today(), nextCounter(sequence));
  const submit = () => {
    update.mutate(values, { onSuccess: onClose });
  };
  return (
    <FormModal title={t('ledger.numbering.edit', { type: t(`ledger.numberedTypes.${sequence.documentType}`) })} onClose={onClose} onSubmit={submit} error={update.error} shownFields={['pattern', 'counterWidth', 'reset']} submitLabel={t('common.save')} loading={update.isPending}>
      <TextInput label={t('ledger.numbering.fields.pattern')} description={t('ledger.numbering.patternHint')} value={values.pattern} onChange={(e) => setValues({ ...values, pattern: e.currentTarget.value })} error={errors['pattern']} ff="monospace" />
      <NumberInput label={t('ledger.numbering.fields.counterWidth')} min={1} max={12} value={values.counterWidth} onChange={(v) => setValues({ ...values, counterWidth: Number(v) || 1 })} error={errors['counterWidth']} />
      <Select label={t('ledger.numbering.fields.reset')} data={SEQUENCE_RESETS.map((r) => ({ value: r, label: t(`ledger.numbering.resets.${r}`) }))} value={values.reset} onChange={(v) => v && setValues({ ...values, reset: v as SequenceReset })} allowDeselect={false} error={errors['reset']} />
      <Alert variant="light" color="blue" title={t('ledger.numbering.previewTitle')} role="status">
        <Text ff="monospace" fw={700} size="lg" aria-label={t('ledger.numbering.previewTitle')}>
          {preview}
        </Text>
      </Alert>
    </FormModal>
  );
}

export function NumberingPage() {
  const { t } = useTranslation();
  const can = useCan();
  const sequences = useSequences();
  const establishments = useEstablishments();
  const [editing, setEditing] = useState<Sequence | null>(null);
  const writable = can('ledger:write');
  const establishmentName = (id: string | null) => (id ? (establishments.data?.data.find((e) => e.id === id)?.name ?? '…') : t('ledger.numbering.companySeries'));
  return (
    <>
      <PageHeader title={t('ledger.numbering.title')} description={t('ledger.numbering.subtitle')} />
      <Paper withBorder>
        {!sequences.isSuccess || sequences.data.data.length === 0 ? (
          <QueryFallback query={sequences} empty={<EmptyBlock icon={<IconHash size={26} />} title={t('ledger.numbering.empty')} />} />
        ) : (
          <Table aria-label={t('ledger.numbering.tableLabel')}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('ledger.numbering.fields.documentType')}</Table.Th>
                <Table.Th scope="col">{t('ledger.numbering.fields.series')}</Table.Th>
                <Table.Th scope="col">{t('ledger.numbering.fields.pattern')}</Table.Th>
                <Table.Th scope="col">{t('ledger.numbering.fields.reset')}</Table.Th>
                <Table.Th scope="col">{t('ledger.numbering.fields.next')}</Table.Th>
                <Table.Th scope="col">{t('ledger.numbering.fields.lastDate')}</Table.Th>
                <Table.Th scope="col" w={140}>
                  <span className="sr-only">{t('common.actions')}</span>
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {[...sequences.data.data].sort(bySeries).map((s) => (
                <Table.Tr key={s.id}>
                  <Table.Td fw={600}>{t(`ledger.numberedTypes.${s.documentType}`)}</Table.Td>
                  <Table.Td fz="sm">{establishmentName(s.establishmentId)}</Table.Td>
                  <Table.Td>
                    <Code>{s.pattern}</Code> <Text span size="xs" c="dimmed">+ {t('ledger.numbering.digits', { count: s.counterWidth })}</Text>
                  </Table.Td>
                  <Table.Td fz="sm">{t(`ledger.numbering.resets.${s.reset}`)}</Table.Td>
                  <Table.Td ff="monospace" fz="sm">
                    {s.preview}
                  </Table.Td>
                  <Table.Td fz="sm">{s.lastDate ? formatDate(s.lastDate) : '—'}</Table.Td>
                  <Table.Td>
                    {s.usedAt ? (
                      <Tooltip label={t('ledger.numbering.locked', { date: formatDate(s.usedAt) })}>
                        <Badge variant="light" color="gray" leftSection={<IconLock size={12} />} aria-label={t('ledger.numbering.lockedNamed', { type: t(`ledger.numberedTypes.${s.documentType}`) })}>
                          {t('ledger.numbering.lockedShort')}
                        </Badge>
                      </Tooltip>
                    ) : writable ? (
                      <ActionIcon variant="subtle" color="gray" aria-label={t('ledger.numbering.editNamed', { type: t(`ledger.numberedTypes.${s.documentType}`) })} onClick={() => setEditing(s)}>
                        <IconPencil size={16} />
                      </ActionIcon>
                    ) : null}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Paper>
      {editing ? <SequenceModal key={editing.id} sequence={editing} onClose={() => setEditing(null)} /> : null}
    </>
  );
}
