import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../lib/format';

/** Whether a catalog entry (product, VAT rate, price list) can still be chosen. */
export function ActiveBadge({ active }: { active: boolean }) {
  const { t } = useTranslation();
  return (
    <Badge size="sm" variant="dot" color={active ? 'green' : 'gray'}>
      {active ? t('catalog.active') : t('catalog.inactive')}
    </Badge>
  );
}

/** "from → to" of a dated price, or "always" when it has no bounds. */
export function Validity({ validFrom, validTo }: { validFrom?: string | null; validTo?: string | null }) {
  const { t } = useTranslation();
  return <>{validFrom || validTo ? `${formatDate(validFrom)} → ${formatDate(validTo)}` : t('catalog.customerPrices.always')}</>;
}
