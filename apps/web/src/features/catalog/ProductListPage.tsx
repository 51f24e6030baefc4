import { Anchor, Badge, Button, Select, Text } from '@mantine/core';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import { useCan } from '../../app/session';
import { LabeledSegments } from '../../components/LabeledSegments';
import { IconBox, IconPlus } from '../../components/icons';
import { FilterBar, PagedTable } from '../../components/ListPage';
import { ActiveBadge } from './CatalogBadges';
import { SearchField } from '../../components/SearchField';
import { PageHeader } from '../../components/ui';
import type { VirtualColumn } from '../../components/VirtualTable';
import { formatMoney, formatPercent } from '../../lib/format';
import { useUrlParams } from '../../lib/url-params';
import { useProductPages } from './catalog-api';
import { PRODUCT_TYPES, type Product, type ProductFilters, type ProductType } from './catalog-types';

export function ProductListPage() {
  const { t } = useTranslation();
  const can = useCan();
  const navigate = useNavigate();
  const [params, setParam, reset] = useUrlParams();
  const type = params.get('type');
  const active = params.get('active') ?? 'true';
  const filters: ProductFilters = useMemo(
    () => ({
      q: params.get('q') || undefined,
      type: (PRODUCT_TYPES as string[]).includes(type ?? '') ? (type as ProductType) : undefined,
      active: active === 'all' ? undefined : active === 'true',
    }),
    [params, type, active],
  );
  const query = useProductPages(filters);

  const columns: VirtualColumn<Product>[] = [
    { key: 'reference', header: t('catalog.fields.reference'), width: '13%', render: (p) => <Text ff="monospace" fz="sm">{p.reference}</Text> },
    {
      key: 'name',
      header: t('catalog.fields.name'),
      width: '33%',
      render: (p) => (
        <Anchor component={Link} to={`/products/${p.id}`} fw={600} size="sm" c="dark">
          {p.name}
        </Anchor>
      ),
    },
    { key: 'type', header: t('catalog.fields.type'), width: '11%', render: (p) => <Badge variant="light" color={p.type === 'service' ? 'grape' : 'teal'} size="sm">{t(`catalog.types.${p.type}`)}</Badge> },
    { key: 'unit', header: t('catalog.fields.unit'), width: '10%', render: (p) => t(`catalog.units.${p.unit}`, { defaultValue: p.unit }) },
    { key: 'price', header: t('catalog.fields.unitPrice'), width: '13%', align: 'right', render: (p) => formatMoney(p.unitPrice, 'EUR', 4) },
    { key: 'vat', header: t('catalog.fields.vatRate'), width: '9%', align: 'right', render: (p) => formatPercent(p.vatRate) },
    { key: 'active', header: t('catalog.fields.status'), width: '11%', render: (p) => <ActiveBadge active={p.active} /> },
  ];

  const newButton = can('catalog:write') ? (
    <Button component={Link} to="/products/new" leftSection={<IconPlus />}>
      {t('catalog.products.new')}
    </Button>
  ) : null;
  const filtered = Boolean(filters.q || filters.type || active !== 'true');

  return (
    <>
      <PageHeader title={t('catalog.products.title')} description={t('catalog.products.subtitle')} actions={newButton} />
      <FilterBar filtered={filtered} onReset={reset}>
        <SearchField label={t('catalog.products.search')} placeholder={t('catalog.products.searchPlaceholder')} value={filters.q ?? ''} onSearch={(q) => setParam('q', q)} />
        <Select
          label={t('catalog.fields.type')}
          placeholder={t('catalog.products.allTypes')}
          data={PRODUCT_TYPES.map((v) => ({ value: v, label: t(`catalog.types.${v}`) }))}
          value={filters.type ?? null}
          onChange={(v) => setParam('type', v)}
          clearable
          style={{ flex: '1 1 160px' }}
        />
        <LabeledSegments
          label={t('catalog.fields.status')}
          value={active}
          onChange={(v) => setParam('active', v === 'true' ? null : v)}
          data={[
            { value: 'true', label: t('catalog.active') },
            { value: 'false', label: t('catalog.inactive') },
            { value: 'all', label: t('common.all') },
          ]}
        />
      </FilterBar>
      <PagedTable
        query={query}
        label={t('catalog.products.tableLabel')}
        columns={columns}
        rowKey={(p) => p.id}
        onOpen={(p) => navigate(`/products/${p.id}`)}
        filtered={filtered}
        empty={{ icon: <IconBox size={26} />, title: t('catalog.products.empty'), description: t('catalog.products.emptyDescription'), action: newButton }}
      />
    </>
  );
}
