import { Button, Group, Modal, SegmentedControl, Stack, Table, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { FormErrorAlert } from '../../components/ui';
import { toDecimalInput } from '../../lib/decimal';
import { formatMoney, formatQuantity } from '../../lib/format';
import { documentHref } from './document-types';
import { useCreditNote } from './sales-api';
import type { SalesDocument } from './sales-types';

/** A credit note for the whole invoice, or for chosen lines and quantities (never more than what remains uncredited). */
export function CreditNoteModal({ invoice, onClose }: { invoice: SalesDocument; onClose: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const create = useCreditNote(invoice.id);
  const [mode, setMode] = useState<'full' | 'lines'>('full');
  const items = invoice.lines.filter((l) => l.kind === 'item');
  const [quantities, setQuantities] = useState<Record<string, string>>({});

  const submit = () => {
    const lines = mode === 'full' ? null : items.filter((l) => quantities[l.id]?.trim()).map((l) => ({ sourceLineId: l.id, quantity: toDecimalInput(quantities[l.id] ?? '0') }));
    create.mutate(lines, { onSuccess: (note) => navigate(documentHref('invoice', note.id)) });
  };

  return (
    <Modal opened onClose={onClose} title={t('sales.creditNote.title', { number: invoice.number ?? '' })} size="xl" centered>
      <Stack>
        <SegmentedControl
          value={mode}
          onChange={(v) => setMode(v as 'full' | 'lines')}
          data={[
            { value: 'full', label: t('sales.creditNote.full') },
            { value: 'lines', label: t('sales.creditNote.byLine') },
          ]}
        />
        {mode === 'full' ? (
          <Text size="sm">{t('sales.creditNote.fullHint', { amount: formatMoney(invoice.totals.gross, invoice.currency) })}</Text>
        ) : (
          <Table aria-label={t('sales.creditNote.linesLabel')} verticalSpacing={4}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('sales.lines.description')}</Table.Th>
                <Table.Th ta="right">{t('sales.creditNote.invoiced')}</Table.Th>
                <Table.Th ta="right">{t('sales.lines.unitPrice')}</Table.Th>
                <Table.Th w={140}>{t('sales.creditNote.quantity')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((l, i) => (
                <Table.Tr key={l.id}>
                  <Table.Td fz="sm">{l.description}</Table.Td>
                  <Table.Td ta="right" fz="sm">
                    {formatQuantity(l.quantity)}
                  </Table.Td>
                  <Table.Td ta="right" fz="sm">
                    {formatMoney(l.unitPrice, invoice.currency, 4)}
                  </Table.Td>
                  <Table.Td>
                    <TextInput
                      aria-label={t('sales.creditNote.quantityNamed', { n: i + 1 })}
                      inputMode="decimal"
                      placeholder="0"
                      value={quantities[l.id] ?? ''}
                      onChange={(e) => setQuantities({ ...quantities, [l.id]: e.currentTarget.value })}
                      error={create.error && 'fields' in create.error ? (create.error.fields as Record<string, string>)[`lines[${i}].quantity`] : undefined}
                    />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
        {create.error ? <FormErrorAlert error={create.error} /> : null}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button onClick={submit} loading={create.isPending}>
            {t('sales.creditNote.create')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
