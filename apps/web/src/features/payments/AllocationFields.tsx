import { Table, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatDate, formatMoney } from '../../lib/format';
import { toDecimalInput } from '../../lib/decimal';
import { useOpenInvoices } from './payments-api';

/** Amount typed per invoice id (as typed; empty = not allocated). */
export type AllocationDraft = Record<string, string>;

/** The allocations to send, in the order of the rows, and which invoice each index is (to place the server's errors). */
export function allocationsOf(draft: AllocationDraft): { invoiceId: string; amount: string }[] {
  return Object.entries(draft)
    .filter(([, amount]) => amount.trim() !== '')
    .map(([invoiceId, amount]) => ({ invoiceId, amount: toDecimalInput(amount) }));
}

/** The server names `allocations[i].amount`: the error of the row of invoice `id`, if any. */
export function rowError(fields: Record<string, string>, draft: AllocationDraft, id: string): string | undefined {
  const index = allocationsOf(draft).findIndex((a) => a.invoiceId === id);
  return index < 0 ? undefined : (fields[`allocations[${index}].amount`] ?? fields[`allocations[${index}].invoiceId`]);
}

/**
 * The open invoices of a customer, each with an amount field: what a payment or a credit settles.
 * `first` (the invoice the dialog was opened from) comes first.
 */
export function AllocationFields({ accountId, first, draft, onChange, fields }: { accountId: string; first?: string; draft: AllocationDraft; onChange: (draft: AllocationDraft) => void; fields: Record<string, string> }) {
  const { t } = useTranslation();
  const open = useOpenInvoices(accountId);
  const invoices = [...(open.data ?? [])].sort((a, b) => (a.id === first ? -1 : b.id === first ? 1 : 0));
  if (open.isPending) return <Text size="sm">{t('common.loading')}</Text>;
  if (!invoices.length) return <Text size="sm" c="dimmed">{t('payments.allocation.none')}</Text>;
  return (
    <Table aria-label={t('payments.allocation.title')} verticalSpacing={4}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('payments.allocation.invoice')}</Table.Th>
          <Table.Th>{t('payments.allocation.dueDate')}</Table.Th>
          <Table.Th ta="right">{t('payments.allocation.balance')}</Table.Th>
          <Table.Th ta="right">{t('payments.allocation.amount')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {invoices.map((inv) => (
          <Table.Tr key={inv.id}>
            <Table.Td>{inv.number}</Table.Td>
            <Table.Td>{formatDate(inv.dueDate)}</Table.Td>
            <Table.Td ta="right">{formatMoney(inv.balance?.due, inv.currency)}</Table.Td>
            <Table.Td w={150}>
              <TextInput
                aria-label={t('payments.allocation.amountFor', { number: inv.number })}
                inputMode="decimal"
                size="xs"
                value={draft[inv.id] ?? ''}
                onChange={(e) => onChange({ ...draft, [inv.id]: e.currentTarget.value })}
                error={rowError(fields, draft, inv.id)}
              />
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
