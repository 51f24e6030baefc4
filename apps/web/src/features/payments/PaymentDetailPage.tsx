import { Badge, Button, Group, Modal, Paper, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router-dom';
import { useCan } from '../../app/session';
import { AccountName } from '../../components/AccountName';
import { BackLink } from '../../components/BackLink';
import { Field } from '../../components/Field';
import { FormErrorAlert, PageHeader, QueryFallback } from '../../components/ui';
import { isApiError } from '../../lib/api';
import { formatDate, formatMoney } from '../../lib/format';
import { AllocationTable } from './AllocationTable';
import { AllocateCreditModal } from './CreditModals';
import { todayIso, useCancelPayment, usePayment, type PaymentDetail } from './payments-api';

/** Cancelling is a reversing entry dated on the given day, with a reason; the payment stays on record. */
function CancelModal({ payment, onClose }: { payment: PaymentDetail; onClose: () => void }) {
  const { t } = useTranslation();
  const cancel = useCancelPayment(payment.id);
  const [date, setDate] = useState(todayIso());
  const [reason, setReason] = useState('');
  const fields = isApiError(cancel.error) ? cancel.error.fields : {};
  return (
    <Modal opened onClose={onClose} title={t('payments.cancel.title')} centered>
      <Stack>
        <Text size="sm">{t('payments.cancel.explain')}</Text>
        <TextInput label={t('payments.cancel.date')} type="date" required value={date} onChange={(e) => setDate(e.currentTarget.value)} error={fields['date']} />
        <TextInput label={t('payments.cancel.reason')} required value={reason} onChange={(e) => setReason(e.currentTarget.value)} error={fields['reason']} />
        {cancel.error ? <FormErrorAlert error={cancel.error} shownFields={['date', 'reason']} /> : null}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button color="red" onClick={() => cancel.mutate({ date, reason: reason.trim() }, { onSuccess: onClose })} loading={cancel.isPending} disabled={!reason.trim()}>
            {t('payments.cancel.submit')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

/** A payment or refund: its fields, its allocations (reversals included), cancel, and spending its credit. */
export function PaymentDetailPage() {
  const { t } = useTranslation();
  const can = useCan();
  const { id } = useParams();
  const query = usePayment(id);
  const [dialog, setDialog] = useState<'cancel' | 'allocate' | null>(null);
  if (!query.data) return <QueryFallback query={query} empty={null} />;
  const p = query.data;
  const money = (v: string) => formatMoney(v, p.currency);
  const writable = can('billing:write') && p.status === 'recorded';
  return (
    <>
      <PageHeader
        back={<BackLink to="/payments" label={t('payments.list.title')} />}
        title={
          <Group gap="sm">
            {t(p.direction === 'out' ? 'payments.detail.refundTitle' : 'payments.detail.title', { amount: money(p.amount), date: formatDate(p.date) })}
            <Badge variant="light" color={p.status === 'cancelled' ? 'gray' : 'teal'}>
              {t(`payments.paymentStatus.${p.status}`)}
            </Badge>
          </Group>
        }
        actions={
          writable ? (
            <Group gap="xs">
              {p.direction === 'in' && p.unallocated !== '0.00' ? (
                <Button variant="light" onClick={() => setDialog('allocate')}>
                  {t('payments.allocate.action')}
                </Button>
              ) : null}
              <Button variant="default" color="red" onClick={() => setDialog('cancel')}>
                {t('payments.cancel.action')}
              </Button>
            </Group>
          ) : null
        }
      />
      <Stack gap="lg">
        <Paper withBorder p="lg" component="section" aria-label={t('payments.detail.section')}>
          <SimpleGrid cols={{ base: 2, md: 4 }} spacing="md">
            <Field label={t('payments.columns.customer')}>
              <AccountName id={p.accountId} />
            </Field>
            <Field label={t('payments.fields.method')}>{t(`customers.paymentMethods.${p.method}`)}</Field>
            <Field label={t('payments.fields.reference')}>{p.reference}</Field>
            <Field label={t('payments.columns.unallocated')}>{money(p.unallocated)}</Field>
            {p.cancelledOn ? <Field label={t('payments.cancel.date')}>{formatDate(p.cancelledOn)}</Field> : null}
            {p.cancelReason ? <Field label={t('payments.cancel.reason')}>{p.cancelReason}</Field> : null}
          </SimpleGrid>
        </Paper>
        <Paper withBorder p="lg" component="section" aria-label={t('payments.history.title')}>
          <Title order={2} fz="md" fw={650} mb="md">
            {t('payments.history.title')}
          </Title>
          <AllocationTable rows={p.allocations} currency={p.currency} from={p.id} />
        </Paper>
      </Stack>
      {dialog === 'cancel' ? <CancelModal payment={p} onClose={() => setDialog(null)} /> : null}
      {dialog === 'allocate' ? (
        <AllocateCreditModal credit={{ kind: 'payment', id: p.id, accountId: p.accountId, label: p.reference ?? formatDate(p.date), left: p.unallocated, currency: p.currency }} onClose={() => setDialog(null)} />
      ) : null}
    </>
  );
}
