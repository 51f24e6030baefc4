import { Alert, Button, Modal, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCan } from '../../app/session';
import { IconCheck } from '../../components/icons';
import { ConfirmDialog } from '../../components/ui';
import { formatMoney } from '../../lib/format';
import type { SalesDocument } from '../sales/sales-types';
import { useCollectWithStripe, useStripePayments } from './stripe-api';

/**
 * Invoice page action: debit the open balance by SEPA through Stripe. Shown on validated invoices with
 * something left to pay and no collection already in flight; the outcome arrives later by webhook.
 */
export function StripeCollectButton({ doc }: { doc: SalesDocument }) {
  const { t } = useTranslation();
  const can = useCan();
  const [confirming, setConfirming] = useState(false);
  const collect = useCollectWithStripe(doc.id);
  const isInvoice = doc.type === 'invoice' && doc.kind !== 'credit_note' && doc.status !== 'draft' && !doc.testMode;
  const payments = useStripePayments(doc.id, isInvoice && can('banking:read'));
  const due = doc.balance?.due ?? null;
  // Decimal strings compared as text: nothing left to collect is "0.00" or a credit (negative).
  if (!isInvoice || !can('banking:write') || due === null || due.startsWith('-') || /^0+(\.0+)?$/.test(due)) return null;
  const latest = payments.data?.data[0];
  const close = () => {
    collect.reset();
    setConfirming(false);
  };
  return (
    <>
      <Button variant="light" color="violet" onClick={() => setConfirming(true)} disabled={doc.collectionStatus === 'pending'}>
        {doc.collectionStatus === 'pending' ? t('stripe.collect.pending') : t('stripe.collect.action')}
      </Button>
      <ConfirmDialog
        opened={confirming && !collect.data}
        title={t('stripe.collect.title')}
        message={[t('stripe.collect.message', { amount: formatMoney(due, doc.currency) }), latest?.status === 'failed' ? t('stripe.collect.lastFailed', { attempt: latest.attempt, reason: latest.failureMessage ?? '' }) : '']
          .filter(Boolean)
          .join(' ')}
        confirmLabel={t('stripe.collect.confirm')}
        loading={collect.isPending}
        error={collect.error}
        onClose={close}
        onConfirm={() => collect.mutate()}
      />
      <Modal opened={Boolean(collect.data)} onClose={close} title={t('stripe.collect.title')} centered>
        <Stack>
          <Alert color="teal" variant="light" icon={<IconCheck />} role="status">
            <Text size="sm">{t('stripe.collect.sent', { amount: formatMoney(collect.data?.amount ?? due, doc.currency), attempt: collect.data?.attempt ?? 1 })}</Text>
          </Alert>
          <Button onClick={close}>{t('common.close')}</Button>
        </Stack>
      </Modal>
    </>
  );
}
