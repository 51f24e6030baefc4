import { Button } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCan } from '../../app/session';
import { IconReceipt } from '../../components/icons';
import type { SalesDocument } from '../sales/sales-types';
import { DepositModal } from './DepositModal';

const isDepositSource = (doc: SalesDocument): doc is SalesDocument & { type: 'quote' | 'order' } => doc.type === 'quote' || doc.type === 'order';

/** Document page action on a validated order or quote: a deposit invoice, or a deposit received. */
export function DepositButton({ doc }: { doc: SalesDocument }) {
  const { t } = useTranslation();
  const can = useCan();
  const [opened, setOpened] = useState(false);
  if (!isDepositSource(doc) || doc.status !== 'validated' || !can('billing:write')) return null;
  return (
    <>
      <Button variant="light" color="teal" leftSection={<IconReceipt size={16} />} onClick={() => setOpened(true)}>
        {t('deposits.action')}
      </Button>
      {opened ? <DepositModal source={doc} onClose={() => setOpened(false)} /> : null}
    </>
  );
}
