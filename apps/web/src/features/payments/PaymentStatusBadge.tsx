import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';

const COLOURS = { unpaid: 'red', partially_paid: 'orange', paid: 'teal' } as const;

/** unpaid / partially paid / paid, in words (the colour only repeats them). */
export function PaymentStatusBadge({ status }: { status: keyof typeof COLOURS | null }) {
  const { t } = useTranslation();
  if (!status) return null;
  return (
    <Badge color={COLOURS[status]} variant="light">
      {t(`payments.status.${status}`)}
    </Badge>
  );
}
