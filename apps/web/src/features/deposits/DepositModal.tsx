import { Button, Group, Modal, NativeSelect, SegmentedControl, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { FormErrorAlert } from '../../components/ui';
import { isApiError } from '../../lib/api';
import { toDecimalInput } from '../../lib/decimal';
import { formatDate, formatMoney, formatPercent } from '../../lib/format';
import { documentHref } from '../sales/document-types';
import { PAYMENT_METHODS, type PaymentMethod, type SalesDocument } from '../sales/sales-types';
import { type DepositSourceType, useCreateDepositInvoice, useRecordDepositPayment } from './deposits-api';

type Mode = 'invoice' | 'payment';
type Basis = 'percent' | 'amount' | 'installment';

const todayIso = () => new Intl.DateTimeFormat('en-CA', { year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());

/**
 * "Deposit invoice" on a validated order or quote: either a deposit invoice for a percent of the gross
 * or an amount (validated at once), or a deposit received (method, amount, date), invoiced and paid in
 * one go. Opens the deposit invoice on success; the server's field errors are shown under each field.
 */
export function DepositModal({ source, onClose }: { source: SalesDocument & { type: DepositSourceType }; onClose: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const createInvoice = useCreateDepositInvoice(source.type, source.id);
  const recordPayment = useRecordDepositPayment(source.type, source.id);
  const [mode, setMode] = useState<Mode>('invoice');
  // The "deposit" installments of the source's schedule can be invoiced as they are.
  const installments = source.schedule.filter((i) => i.kind === 'deposit');
  const [basis, setBasis] = useState<Basis>('percent');
  const [installmentIndex, setInstallmentIndex] = useState(String(installments[0]?.index ?? ''));
  const [value, setValue] = useState('');
  const [date, setDate] = useState(todayIso());
  const [method, setMethod] = useState<PaymentMethod>('transfer');
  const [reference, setReference] = useState('');
  const mutation = mode === 'invoice' ? createInvoice : recordPayment;
  const fields = isApiError(mutation.error) ? mutation.error.fields : {};
  const open = (id: string) => navigate(documentHref('invoice', id));

  const submit = () => {
    const amount = toDecimalInput(value);
    if (mode === 'invoice') {
      const body = basis === 'percent' ? { percent: amount, date } : basis === 'amount' ? { amount, date } : { installmentIndex: Number(installmentIndex), date };
      createInvoice.mutate(body, { onSuccess: (invoice) => open(invoice.id) });
    }
    else recordPayment.mutate({ amount, date, method, ...(reference.trim() ? { reference: reference.trim() } : {}) }, { onSuccess: (result) => open(result.invoice.id) });
  };

  return (
    <Modal opened onClose={onClose} title={t('deposits.title', { number: source.number ?? '' })} centered>
      <Stack>
        <SegmentedControl
          value={mode}
          onChange={(v) => {
            setMode(v as Mode);
            mutation.reset();
          }}
          aria-label={t('deposits.mode')}
          data={[
            { value: 'invoice', label: t('deposits.modes.invoice') },
            { value: 'payment', label: t('deposits.modes.payment') },
          ]}
        />
        <Text size="sm" c="dimmed">
          {t(mode === 'invoice' ? 'deposits.invoiceHint' : 'deposits.paymentHint', { gross: formatMoney(source.totals.gross, source.currency) })}
        </Text>
        {mode === 'invoice' ? (
          <SegmentedControl
            value={basis}
            onChange={(v) => setBasis(v as Basis)}
            aria-label={t('deposits.basis')}
            data={[
              { value: 'percent', label: t('deposits.bases.percent') },
              { value: 'amount', label: t('deposits.bases.amount') },
              ...(installments.length ? [{ value: 'installment', label: t('deposits.bases.installment') }] : []),
            ]}
          />
        ) : (
          <NativeSelect
            label={t('deposits.method')}
            value={method}
            onChange={(e) => setMethod(e.currentTarget.value as PaymentMethod)}
            data={PAYMENT_METHODS.map((m) => ({ value: m, label: t(`customers.paymentMethods.${m}`) }))}
            error={fields['method']}
          />
        )}
        {mode === 'invoice' && basis === 'installment' ? (
          <NativeSelect
            label={t('deposits.installment')}
            value={installmentIndex}
            onChange={(e) => setInstallmentIndex(e.currentTarget.value)}
            data={installments.map((i) => ({ value: String(i.index), label: t('deposits.installmentOption', { percent: formatPercent(i.percent), amount: formatMoney(i.amount, source.currency), date: formatDate(i.dueDate) }) }))}
            error={fields['installmentIndex']}
          />
        ) : (
          <TextInput
            label={mode === 'invoice' && basis === 'percent' ? t('deposits.percent') : t('deposits.amount')}
            inputMode="decimal"
            required
            value={value}
            onChange={(e) => setValue(e.currentTarget.value)}
            rightSection={mode === 'invoice' && basis === 'percent' ? '%' : '€'}
            error={fields['percent'] ?? fields['amount']}
          />
        )}
        <TextInput label={t('deposits.date')} type="date" required value={date} onChange={(e) => setDate(e.currentTarget.value)} error={fields['date']} />
        {mode === 'payment' ? <TextInput label={t('deposits.reference')} value={reference} onChange={(e) => setReference(e.currentTarget.value)} error={fields['reference']} /> : null}
        {mutation.error ? <FormErrorAlert error={mutation.error} shownFields={['percent', 'amount', 'installmentIndex', 'date', 'method', 'reference']} /> : null}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button onClick={submit} loading={mutation.isPending} disabled={mode === 'invoice' && basis === 'installment' ? !installmentIndex : !value.trim()}>
            {mode === 'invoice' ? t('deposits.createInvoice') : t('deposits.recordPayment')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
