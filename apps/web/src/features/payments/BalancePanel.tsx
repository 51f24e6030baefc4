import { Button, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCan } from '../../app/session';
import { formatMoney } from '../../lib/format';
import type { SalesDocument } from '../sales/sales-types';
import { AllocationTable } from './AllocationTable';
import { AllocateCreditModal, RefundModal } from './CreditModals';
import { PaymentStatusBadge } from './PaymentStatusBadge';
import { RecordPaymentModal } from './RecordPaymentModal';
import { useSettlementHistory } from './payments-api';

type Dialog = 'record' | 'allocate' | 'refund' | null;

function Figure({ label, value }: { label: string; value: string }) {
  return (
    <Stack gap={0}>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="lg" fw={650}>
        {value}
      </Text>
    </Stack>
  );
}

/**
 * The live position of a validated invoice (paid, credited, due, payment status, "Record payment") or
 * credit note (credit left, "Allocate", "Refund"), and what settled it, by date. Never the sealed totals.
 */
export function BalancePanel({ doc }: { doc: SalesDocument }) {
  const { t } = useTranslation();
  const can = useCan();
  const history = useSettlementHistory(doc.id);
  const [dialog, setDialog] = useState<Dialog>(null);
  if (!doc.balance) return null;
  const money = (v: string) => formatMoney(v, doc.currency);
  const creditNote = doc.kind === 'credit_note';
  const open = doc.balance.due !== '0.00';
  const writable = can('billing:write');
  const credit = { kind: 'credit_note' as const, id: doc.id, accountId: doc.accountId, label: doc.number ?? '', left: doc.balance.due, currency: doc.currency };
  return (
    <Paper withBorder p="lg" component="section" aria-label={t('payments.balance.title')}>
      <Stack gap="md">
        <Group justify="space-between">
          <Group gap="sm">
            <Title order={2} fz="md" fw={650}>
              {t('payments.balance.title')}
            </Title>
            <PaymentStatusBadge status={doc.paymentStatus} />
          </Group>
          {writable && open ? (
            <Group gap="xs">
              {creditNote ? (
                <>
                  <Button variant="light" onClick={() => setDialog('allocate')}>
                    {t('payments.allocate.action')}
                  </Button>
                  <Button variant="light" color="orange" onClick={() => setDialog('refund')}>
                    {t('payments.refund.action')}
                  </Button>
                </>
              ) : (
                <Button onClick={() => setDialog('record')}>{t('payments.record.action')}</Button>
              )}
            </Group>
          ) : null}
        </Group>
        {creditNote ? (
          <Figure label={t('payments.balance.creditLeft')} value={money(doc.balance.due)} />
        ) : (
          <SimpleGrid cols={3}>
            <Figure label={t('payments.balance.paid')} value={money(doc.balance.paid)} />
            <Figure label={t('payments.balance.credited')} value={money(doc.balance.credited)} />
            <Figure label={t('payments.balance.due')} value={money(doc.balance.due)} />
          </SimpleGrid>
        )}
        <AllocationTable rows={history.data?.data ?? []} currency={doc.currency} from={doc.id} />
      </Stack>
      {dialog === 'record' ? <RecordPaymentModal invoice={doc} onClose={() => setDialog(null)} /> : null}
      {dialog === 'allocate' ? <AllocateCreditModal credit={credit} onClose={() => setDialog(null)} /> : null}
      {dialog === 'refund' ? <RefundModal credit={credit} onClose={() => setDialog(null)} /> : null}
    </Paper>
  );
}
