import { Button, Group, Modal, Stack, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormErrorAlert } from '../../components/ui';
import { isApiError } from '../../lib/api';
import { toDecimalInput } from '../../lib/decimal';
import { type PaymentMethod, type SalesDocument } from '../sales/sales-types';
import { AllocationFields, allocationsOf, type AllocationDraft } from './AllocationFields';
import { todayIso, useRecordPayment } from './payments-api';
import { OwnBankAccountSelect, PaymentMethodSelect } from './PaymentFields';

/**
 * "Record payment" from an invoice: method, date, amount, the company's bank account, a reference, and
 * how it is allocated (this invoice first, other open invoices of the customer too); what is left
 * unallocated stays as customer credit. Field errors come from the server, each under its field.
 */
export function RecordPaymentModal({ invoice, onClose }: { invoice: SalesDocument; onClose: () => void }) {
  const { t } = useTranslation();
  const record = useRecordPayment();
  const due = invoice.balance?.due ?? '';
  const [amount, setAmount] = useState(due);
  const [date, setDate] = useState(todayIso());
  const [method, setMethod] = useState<PaymentMethod>('transfer');
  const [bankAccountId, setBankAccountId] = useState('');
  const [reference, setReference] = useState('');
  const [draft, setDraft] = useState<AllocationDraft>({ [invoice.id]: due });
  const fields = isApiError(record.error) ? record.error.fields : {};

  const changeAmount = (value: string) => {
    setAmount(value);
    // While only this invoice is allocated, its allocation follows the amount (up to the balance due).
    const others = allocationsOf(draft).filter((a) => a.invoiceId !== invoice.id);
    if (!others.length) setDraft({ [invoice.id]: value });
  };

  const submit = () =>
    record.mutate(
      {
        accountId: invoice.accountId,
        date,
        method,
        amount: toDecimalInput(amount),
        ...(bankAccountId ? { bankAccountId } : {}),
        ...(reference.trim() ? { reference: reference.trim() } : {}),
        allocations: allocationsOf(draft),
      },
      { onSuccess: onClose },
    );

  return (
    <Modal opened onClose={onClose} title={t('payments.record.title', { number: invoice.number ?? '' })} centered size="lg">
      <Stack>
        <Group grow align="flex-start">
          <PaymentMethodSelect value={method} onChange={setMethod} error={fields['method']} />
          <TextInput label={t('payments.fields.date')} type="date" required value={date} onChange={(e) => setDate(e.currentTarget.value)} error={fields['date']} />
        </Group>
        <Group grow align="flex-start">
          <TextInput label={t('payments.fields.amount')} inputMode="decimal" required value={amount} onChange={(e) => changeAmount(e.currentTarget.value)} rightSection="€" error={fields['amount']} />
          <OwnBankAccountSelect value={bankAccountId} onChange={setBankAccountId} error={fields['bankAccountId']} />
        </Group>
        <TextInput label={t('payments.fields.reference')} value={reference} onChange={(e) => setReference(e.currentTarget.value)} error={fields['reference']} />
        <AllocationFields accountId={invoice.accountId} first={invoice.id} draft={draft} onChange={setDraft} fields={fields} />
        {record.error ? <FormErrorAlert error={record.error} shownFields={['method', 'date', 'amount', 'bankAccountId', 'reference', ...Object.keys(fields).filter((p) => /^allocations\[\d+\]\./.test(p))]} /> : null}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button onClick={submit} loading={record.isPending} disabled={!amount.trim()}>
            {t('payments.record.submit')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
