import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { STATUS_COLORS } from './document-types';
import type { DocumentStatus, DocumentType, InvoiceKind } from './sales-types';

/** Status chip, coloured per status; the wording depends on the type ("Accepté" for a quote, "Émise" for an invoice…). */
export function StatusBadge({ type, status, size = 'sm' }: { type: DocumentType; status: DocumentStatus; size?: 'xs' | 'sm' | 'md' | 'lg' }) {
  const { t } = useTranslation();
  const label = t(`sales.status.${type}.${status}`, { defaultValue: t(`sales.status.any.${status}`) });
  return (
    <Badge color={STATUS_COLORS[status]} variant="light" size={size} radius="sm">
      {label}
    </Badge>
  );
}

export function KindBadge({ kind }: { kind: InvoiceKind | null }) {
  const { t } = useTranslation();
  if (!kind || kind === 'invoice') return null;
  return (
    <Badge color={kind === 'credit_note' ? 'pink' : 'cyan'} variant="outline" size="sm" radius="sm">
      {t(`sales.kinds.${kind}`)}
    </Badge>
  );
}
