import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { EINVOICE_STATUSES, type EInvoiceStatus } from './einvoicing-types';

/** Grey before the files exist, blue ours, cyan on the way, teal accepted, orange held, red refused, green paid. */
const COLORS: Record<EInvoiceStatus, string> = {
  pending: 'gray',
  generated: 'blue',
  submitted: 'indigo',
  failed: 'red',
  deposited: 'cyan',
  issued: 'cyan',
  received: 'cyan',
  made_available: 'cyan',
  taken_over: 'cyan',
  approved: 'teal',
  partially_approved: 'teal',
  completed: 'teal',
  disputed: 'orange',
  suspended: 'orange',
  refused: 'red',
  rejected: 'red',
  payment_transmitted: 'green',
  cashed_in: 'green',
};

function isKnown(status: string): status is EInvoiceStatus {
  return (EINVOICE_STATUSES as readonly string[]).includes(status);
}

/** The e-invoice status chip; nothing for a document that has none (not validated, not an invoice). */
export function EInvoiceStatusBadge({ status, size = 'sm' }: { status: string | null | undefined; size?: 'xs' | 'sm' | 'md' | 'lg' }) {
  const { t } = useTranslation();
  if (!status) return null;
  return (
    <Badge color={isKnown(status) ? COLORS[status] : 'gray'} variant="dot" size={size} radius="sm">
      {isKnown(status) ? t(`einvoicing.status.${status}`) : status}
    </Badge>
  );
}
