import { Badge, Select, TextInput } from '@mantine/core';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { AccountPicker } from '../../components/AccountPicker';
import { IconReceipt } from '../../components/icons';
import { FilterBar, PagedTable } from '../../components/ListPage';
import { PageHeader } from '../../components/ui';
import type { VirtualColumn } from '../../components/VirtualTable';
import { formatDate, formatMoney } from '../../lib/format';
import { useUrlParams } from '../../lib/url-params';
import { PAYMENT_METHODS, type PaymentMethod } from '../sales/sales-types';
import { type Payment, type PaymentFilters, usePaymentPages } from './payments-api';

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const STATUSES = ['recorded', 'cancelled'] as const;

/** Payments received and refunds, newest first, filtered by customer, dates, method and status (all in the URL). */
export function PaymentListPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [params, setParam, reset] = useUrlParams();
  const method = params.get('method');
  const status = params.get('status');
  const filters: PaymentFilters = useMemo(
    () => ({
      accountId: params.get('accountId') || undefined,
      method: (PAYMENT_METHODS as string[]).includes(method ?? '') ? (method as PaymentMethod) : undefined,
      status: (STATUSES as readonly string[]).includes(status ?? '') ? (status as (typeof STATUSES)[number]) : undefined,
      dateFrom: DATE.test(params.get('from') ?? '') ? (params.get('from') ?? undefined) : undefined,
      dateTo: DATE.test(params.get('to') ?? '') ? (params.get('to') ?? undefined) : undefined,
    }),
    [params, method, status],
  );
  const query = usePaymentPages(filters);
  const filtered = Object.values(filters).some(Boolean);
  const columns: VirtualColumn<Payment>[] = [
    { key: 'date', header: t('payments.columns.date'), width: '12%', render: (p) => formatDate(p.date) },
    { key: 'customer', header: t('payments.columns.customer'), width: '26%', render: (p) => p.accountName },
    { key: 'method', header: t('payments.columns.method'), width: '14%', render: (p) => t(`customers.paymentMethods.${p.method}`) },
    { key: 'reference', header: t('payments.columns.reference'), width: '16%', render: (p) => p.reference ?? '—' },
    { key: 'amount', header: t('payments.columns.amount'), width: '12%', render: (p) => formatMoney(p.direction === 'out' ? `-${p.amount}` : p.amount, p.currency) },
    { key: 'credit', header: t('payments.columns.unallocated'), width: '10%', render: (p) => (p.unallocated === '0.00' ? '—' : formatMoney(p.unallocated, p.currency)) },
    {
      key: 'status',
      header: t('payments.columns.status'),
      width: '10%',
      render: (p) => (
        <Badge variant="light" color={p.status === 'cancelled' ? 'gray' : p.direction === 'out' ? 'orange' : 'teal'}>
          {p.status === 'cancelled' ? t('payments.paymentStatus.cancelled') : t(`payments.direction.${p.direction}`)}
        </Badge>
      ),
    },
  ];
  return (
    <>
      <PageHeader title={t('payments.list.title')} description={t('payments.list.subtitle')} />
      <FilterBar filtered={filtered} onReset={reset}>
        <AccountPicker label={t('payments.filters.customer')} placeholder={t('payments.filters.allCustomers')} value={filters.accountId ?? null} onChange={(id) => setParam('accountId', id)} style={{ flex: '1 1 200px' }} />
        <Select
          label={t('payments.filters.method')}
          placeholder={t('payments.filters.allMethods')}
          data={PAYMENT_METHODS.map((m) => ({ value: m, label: t(`customers.paymentMethods.${m}`) }))}
          value={filters.method ?? null}
          onChange={(v) => setParam('method', v)}
          clearable
          style={{ flex: '1 1 150px' }}
        />
        <Select
          label={t('payments.filters.status')}
          placeholder={t('payments.filters.allStatuses')}
          data={STATUSES.map((s) => ({ value: s, label: t(`payments.paymentStatus.${s}`) }))}
          value={filters.status ?? null}
          onChange={(v) => setParam('status', v)}
          clearable
          style={{ flex: '1 1 150px' }}
        />
        <TextInput type="date" label={t('payments.filters.from')} value={filters.dateFrom ?? ''} onChange={(e) => setParam('from', e.currentTarget.value)} style={{ flex: '0 1 150px' }} />
        <TextInput type="date" label={t('payments.filters.to')} value={filters.dateTo ?? ''} onChange={(e) => setParam('to', e.currentTarget.value)} style={{ flex: '0 1 150px' }} />
      </FilterBar>
      <PagedTable
        query={query}
        label={t('payments.list.tableLabel')}
        columns={columns}
        rowKey={(p) => p.id}
        onOpen={(p) => navigate(`/payments/${p.id}`)}
        filtered={filtered}
        empty={{ icon: <IconReceipt size={26} />, title: t('payments.list.empty'), description: t('payments.list.emptyDescription'), action: null }}
      />
    </>
  );
}
