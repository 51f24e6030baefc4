import { Anchor, Button, Group, Select, Text, TextInput } from '@mantine/core';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import { useCan } from '../../app/session';
import { AccountPicker } from '../../components/AccountPicker';
import { IconFile, IconPlus } from '../../components/icons';
import { FilterBar, PagedTable } from '../../components/ListPage';
import { SearchField } from '../../components/SearchField';
import { PageHeader } from '../../components/ui';
import type { VirtualColumn } from '../../components/VirtualTable';
import { formatDate, formatMoney } from '../../lib/format';
import { useUrlParams } from '../../lib/url-params';
import { documentHref, type DocumentTypeConfig } from './document-types';
import { useDocumentPages } from './sales-api';
import { DOCUMENT_STATUSES, INVOICE_KINDS, type DocumentFilters, type DocumentStatus, type DocumentSummary, type InvoiceKind } from './sales-types';
import { KindBadge, StatusBadge } from './StatusBadge';
import { PaymentStatusBadge } from '../payments/PaymentStatusBadge';
import { EInvoiceStatusBadge } from '../einvoicing/EInvoiceStatusBadge';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

export function DocumentListPage({ config }: { config: DocumentTypeConfig }) {
  const { t } = useTranslation();
  const can = useCan();
  const navigate = useNavigate();
  const [params, setParam, reset] = useUrlParams();
  const { type } = config;
  const status = params.get('status');
  const kind = params.get('kind');
  const filters: DocumentFilters = useMemo(
    () => ({
      q: params.get('q') || undefined,
      status: (DOCUMENT_STATUSES as string[]).includes(status ?? '') ? (status as DocumentStatus) : undefined,
      kind: type === 'invoice' && (INVOICE_KINDS as string[]).includes(kind ?? '') ? (kind as InvoiceKind) : undefined,
      accountId: params.get('accountId') || undefined,
      dateFrom: DATE.test(params.get('from') ?? '') ? (params.get('from') ?? undefined) : undefined,
      dateTo: DATE.test(params.get('to') ?? '') ? (params.get('to') ?? undefined) : undefined,
    }),
    [params, status, kind, type],
  );
  const query = useDocumentPages(type, filters);
  const filtered = Object.values(filters).some(Boolean);

  const money = (value: string, row: DocumentSummary) => formatMoney(value, row.currency);
  const columns: VirtualColumn<DocumentSummary>[] = [
    {
      key: 'number',
      header: t('sales.columns.number'),
      width: '15%',
      render: (d) => (
        <Anchor component={Link} to={documentHref(d.type, d.id)} fw={600} size="sm" c={d.number ? 'dark' : 'dimmed'} ff={d.number ? 'monospace' : undefined}>
          {d.number ?? t('sales.draftNumber')}
        </Anchor>
      ),
    },
    { key: 'customer', header: t('sales.columns.customer'), width: config.hasPrices ? '22%' : '35%', render: (d) => d.accountName },
    { key: 'title', header: t('sales.columns.title'), width: config.hasPrices ? '15%' : '22%', render: (d) => d.title ?? '—' },
    { key: 'date', header: t('sales.columns.date'), width: '10%', render: (d) => formatDate(d.date) },
    {
      key: 'status',
      header: t('sales.columns.status'),
      width: '13%',
      render: (d) => (
        <Group gap={4} wrap="nowrap">
          <StatusBadge type={d.type} status={d.status} />
          <KindBadge kind={d.kind} />
          <PaymentStatusBadge status={d.paymentStatus} />
        </Group>
      ),
    },
  ];
  if (config.hasPrices) {
    columns.push(
      { key: 'net', header: t('sales.columns.net'), width: '9%', align: 'right', render: (d) => money(d.net, d) },
      { key: 'vat', header: t('sales.columns.vat'), width: '8%', align: 'right', render: (d) => money(d.vatTotal, d) },
      { key: 'gross', header: t('sales.columns.gross'), width: '10%', align: 'right', render: (d) => <Text fw={600} fz="sm">{money(d.gross, d)}</Text> },
    );
  }
  if (type === 'invoice') columns.splice(4, 0, { key: 'due', header: t('sales.columns.dueDate'), width: '10%', render: (d) => formatDate(d.dueDate) });
  // After the status: where the e-invoice of each validated invoice stands.
  if (type === 'invoice') columns.splice(6, 0, { key: 'einvoice', header: t('einvoicing.list.column'), width: '11%', render: (d) => <EInvoiceStatusBadge status={d.einvoiceStatus} /> });

  const newButton = can('billing:write') && type !== 'delivery_note' ? (
    <Button component={Link} to={`/${config.path}/new`} leftSection={<IconPlus />}>
      {t(`sales.types.${type}.new`)}
    </Button>
  ) : null;

  return (
    <>
      <PageHeader title={t(`sales.types.${type}.plural`)} description={t(`sales.types.${type}.subtitle`)} actions={newButton} />
      <FilterBar filtered={filtered} onReset={reset}>
        <SearchField label={t('sales.filters.search')} placeholder={t('sales.filters.searchPlaceholder')} value={filters.q ?? ''} onSearch={(q) => setParam('q', q)} />
        <Select
          label={t('sales.filters.status')}
          placeholder={t('sales.filters.allStatuses')}
          data={DOCUMENT_STATUSES.filter((s) => s !== 'refused' || config.refusable).map((s) => ({ value: s, label: t(`sales.status.${type}.${s}`, { defaultValue: t(`sales.status.any.${s}`) }) }))}
          value={filters.status ?? null}
          onChange={(v) => setParam('status', v)}
          clearable
          style={{ flex: '1 1 150px' }}
        />
        {type === 'invoice' ? (
          <Select
            label={t('sales.filters.kind')}
            placeholder={t('sales.filters.allKinds')}
            data={INVOICE_KINDS.map((k) => ({ value: k, label: t(`sales.kinds.${k}`) }))}
            value={filters.kind ?? null}
            onChange={(v) => setParam('kind', v)}
            clearable
            style={{ flex: '1 1 150px' }}
          />
        ) : null}
        <AccountPicker label={t('sales.filters.customer')} placeholder={t('sales.filters.allCustomers')} value={filters.accountId ?? null} onChange={(id) => setParam('accountId', id)} style={{ flex: '1 1 200px' }} />
        <TextInput type="date" label={t('sales.filters.from')} value={filters.dateFrom ?? ''} onChange={(e) => setParam('from', e.currentTarget.value)} style={{ flex: '0 1 150px' }} />
        <TextInput type="date" label={t('sales.filters.to')} value={filters.dateTo ?? ''} onChange={(e) => setParam('to', e.currentTarget.value)} style={{ flex: '0 1 150px' }} />
      </FilterBar>
      <PagedTable
        query={query}
        label={t(`sales.types.${type}.tableLabel`)}
        columns={columns}
        rowKey={(d) => d.id}
        onOpen={(d) => navigate(documentHref(d.type, d.id))}
        filtered={filtered}
        empty={{ icon: <IconFile size={26} />, title: t(`sales.types.${type}.empty`), description: t(`sales.types.${type}.emptyDescription`), action: newButton }}
      />
    </>
  );
}
