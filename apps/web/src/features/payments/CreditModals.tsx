import { Button, Group, Modal, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormErrorAlert } from '../../components/ui';
import { isApiError } from '../../lib/api';
import { toDecimalInput } from '../../lib/decimal';
import { formatMoney } from '../../lib/format';
import type { PaymentMethod } from '../sales/sales-types';
import { AllocationFields, allocationsOf, type AllocationDraft } from './AllocationFields';
import { todayIso, useAllocateCreditNote, useApplyCredit, useRecordRefund } from './payments-api';
import { OwnBankAccountSelect, PaymentMethodSelect } from './PaymentFields';

/** The credit being spent: a credit note's remaining credit, or the unallocated part of a payment. */
export interface Credit {
  kind: 'credit_note' | 'payment';
  id: string;
  accountId: string;
  label: string;
  left: string;
  currency: string;
}

const allocationPaths = (fields: Record<string, string>) => Object.keys(fields).filter((p) => /^allocations\[\d+\]\./.test(p));

/** "Allocate": spends the credit on open invoices of the same customer. */
export function AllocateCreditModal({ credit, onClose }: { credit: Credit; onClose: () => void }) {
  const { t } = useTranslation();
  const fromCreditNote = useAllocateCreditNote(credit.id);
  const fromPayment = useApplyCredit(credit.id);
  const mutation = credit.kind === 'credit_note' ? fromCreditNote : fromPayment;
  const [draft, setDraft] = useState<AllocationDraft>({});
  const [date, setDate] = useState(todayIso());
  const fields = isApiError(mutation.error) ? mutation.error.fields : {};
  return (
    <Modal opened onClose={onClose} title={t('payments.allocate.title', { label: credit.label })} centered size="lg">
      <Stack>
        <Text size="sm">{t('payments.allocate.left', { amount: formatMoney(credit.left, credit.currency) })}</Text>
        <TextInput label={t('payments.fields.date')} type="date" value={date} onChange={(e) => setDate(e.currentTarget.value)} error={fields['date']} />
        <AllocationFields accountId={credit.accountId} draft={draft} onChange={setDraft} fields={fields} />
        {mutation.error ? <FormErrorAlert error={mutation.error} shownFields={['date', ...allocationPaths(fields)]} /> : null}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button onClick={() => mutation.mutate({ date, allocations: allocationsOf(draft) }, { onSuccess: onClose })} loading={mutation.isPending} disabled={!allocationsOf(draft).length}>
            {t('payments.allocate.submit')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

/** "Refund": pays the credit back to the customer (an outgoing payment). */
export function RefundModal({ credit, onClose }: { credit: Credit; onClose: () => void }) {
  const { t } = useTranslation();
  const refund = useRecordRefund();
  const [amount, setAmount] = useState(credit.left);
  const [date, setDate] = useState(todayIso());
  const [method, setMethod] = useState<PaymentMethod>('transfer');
  const [bankAccountId, setBankAccountId] = useState('');
  const [reference, setReference] = useState('');
  const fields = isApiError(refund.error) ? refund.error.fields : {};
  const submit = () => {
    const value = toDecimalInput(amount);
    const source = credit.kind === 'credit_note' ? { creditNoteId: credit.id, amount: value } : { paymentId: credit.id, amount: value };
    refund.mutate(
      { accountId: credit.accountId, date, method, amount: value, ...(bankAccountId ? { bankAccountId } : {}), ...(reference.trim() ? { reference: reference.trim() } : {}), from: [source] },
      { onSuccess: onClose },
    );
  };
  return (
    <Modal opened onClose={onClose} title={t('payments.refund.title', { label: credit.label })} centered>
      <Stack>
        <Text size="sm">{t('payments.allocate.left', { amount: formatMoney(credit.left, credit.currency) })}</Text>
        <TextInput label={t('payments.fields.amount')} inputMode="decimal" required value={amount} onChange={(e) => setAmount(e.currentTarget.value)} rightSection="€" error={fields['amount'] ?? fields['from[0].amount']} />
        <TextInput label={t('payments.fields.date')} type="date" required value={date} onChange={(e) => setDate(e.currentTarget.value)} error={fields['date']} />
        <PaymentMethodSelect value={method} onChange={setMethod} error={fields['method']} />
        <OwnBankAccountSelect value={bankAccountId} onChange={setBankAccountId} error={fields['bankAccountId']} />
        <TextInput label={t('payments.fields.reference')} value={reference} onChange={(e) => setReference(e.currentTarget.value)} error={fields['reference']} />
        {refund.error ? <FormErrorAlert error={refund.error} shownFields={['amount', 'from[0].amount', 'date', 'method', 'bankAccountId', 'reference']} /> : null}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button color="orange" onClick={submit} loading={refund.isPending} disabled={!amount.trim()}>
            {t('payments.refund.submit')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
