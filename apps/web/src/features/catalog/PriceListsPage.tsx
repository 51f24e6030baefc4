import { ActionIcon, Button, Checkbox, Group, Modal, Paper, Select, Stack, Tabs, Text, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useCan } from '../../app/session';
import { AccountPicker } from '../../components/AccountPicker';
import { IconPlus, IconTag, IconTrash } from '../../components/icons';
import { FormModal } from '../../components/FormModal';
import { EditAction, SettingsTable } from '../../components/SettingsTable';
import { ActiveBadge, Validity } from './CatalogBadges';
import { EmptyBlock, FormActions, FormErrorAlert, LoadingState, PageHeader, QueryFallback } from '../../components/ui';
import { ApiError } from '../../lib/api';
import { toDecimalInput } from '../../lib/decimal';
import { formatMoney, formatPercent } from '../../lib/format';
import { useUrlParams } from '../../lib/url-params';
import {
  useAccountPriceList,
  useAssignPriceList,
  useCreateCustomerPrice,
  useCustomerPrices,
  useDeleteCustomerPrice,
  usePriceList,
  usePriceLists,
  useSavePriceList,
} from './catalog-api';
import type { CustomerPrice, PriceList, PriceListItem } from './catalog-types';
import { AccountName } from '../../components/AccountName';
import { ProductName } from './CatalogNames';
import { ProductPicker } from './ProductPicker';

const decimalOrUndefined = (v: string | null | undefined) => (v && v.trim() ? toDecimalInput(v) : undefined);

function PriceListForm({ list, onClose }: { list: PriceList | null; onClose: () => void }) {
  const { t } = useTranslation();
  const save = useSavePriceList(list?.id);
  const [values, setValues] = useState({ name: list?.name ?? '', validFrom: list?.validFrom ?? '', validTo: list?.validTo ?? '', active: list?.active ?? true });
  const [items, setItems] = useState<PriceListItem[]>(list?.items.map((it) => ({ productId: it.productId, unitPrice: it.unitPrice ?? '', discountPercent: it.discountPercent ?? '' })) ?? []);
  const errors = save.error instanceof ApiError ? save.error.fields : {};
  const setItem = (i: number, patch: Partial<PriceListItem>) => setItems(items.map((it, j) => (j === i ? { ...it, ...patch } : it)));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate(
      {
        name: values.name.trim(),
        validFrom: values.validFrom || undefined,
        validTo: values.validTo || undefined,
        active: values.active,
        items: items.filter((it) => it.productId).map((it) => ({ productId: it.productId, unitPrice: decimalOrUndefined(it.unitPrice), discountPercent: decimalOrUndefined(it.discountPercent) })),
      },
      { onSuccess: onClose },
    );
  };
  const itemError = (i: number, field: string) => errors[`items[${i}].${field}`] ?? errors[`items.${i}.${field}`];
  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        {save.error ? <FormErrorAlert error={save.error} shownFields={['name', 'validFrom', 'validTo']} /> : null}
        <TextInput label={t('catalog.priceLists.fields.name')} required value={values.name} onChange={(e) => setValues({ ...values, name: e.currentTarget.value })} error={errors['name']} />
        <Group grow>
          <TextInput type="date" label={t('catalog.customerPrices.fields.validFrom')} value={values.validFrom} onChange={(e) => setValues({ ...values, validFrom: e.currentTarget.value })} error={errors['validFrom']} />
          <TextInput type="date" label={t('catalog.customerPrices.fields.validTo')} value={values.validTo} onChange={(e) => setValues({ ...values, validTo: e.currentTarget.value })} error={errors['validTo']} />
        </Group>
        <Checkbox label={t('catalog.active')} checked={values.active} onChange={(e) => setValues({ ...values, active: e.currentTarget.checked })} />
        <Text fw={600} size="sm">
          {t('catalog.priceLists.items')}
        </Text>
        {items.map((it, i) => (
          <Group key={i} align="flex-end" wrap="nowrap" gap="sm">
            <ProductPicker label={t('catalog.priceLists.fields.product')} value={it.productId || null} onChange={(id) => setItem(i, { productId: id ?? '' })} style={{ flex: 3 }} error={itemError(i, 'productId')} />
            <TextInput label={t('catalog.fields.unitPrice')} inputMode="decimal" value={it.unitPrice ?? ''} onChange={(e) => setItem(i, { unitPrice: e.currentTarget.value })} style={{ flex: 1 }} error={itemError(i, 'unitPrice')} />
            <TextInput label={t('catalog.priceLists.fields.discountPercent')} inputMode="decimal" value={it.discountPercent ?? ''} onChange={(e) => setItem(i, { discountPercent: e.currentTarget.value })} style={{ flex: 1 }} error={itemError(i, 'discountPercent')} />
            <ActionIcon variant="subtle" color="red" mb={6} aria-label={t('catalog.priceLists.removeItem', { index: i + 1 })} onClick={() => setItems(items.filter((_, j) => j !== i))}>
              <IconTrash size={16} />
            </ActionIcon>
          </Group>
        ))}
        <Button variant="light" size="xs" leftSection={<IconPlus size={14} />} onClick={() => setItems([...items, { productId: '', unitPrice: '', discountPercent: '' }])} w="fit-content">
          {t('catalog.priceLists.addItem')}
        </Button>
        <FormActions onCancel={onClose} submitLabel={list ? t('common.save') : t('common.create')} loading={save.isPending} />
      </Stack>
    </form>
  );
}

function PriceListModal({ id, onClose }: { id: string | null; onClose: () => void }) {
  const { t } = useTranslation();
  const list = usePriceList(id ?? undefined);
  return (
    <Modal opened onClose={onClose} title={id ? t('catalog.priceLists.edit') : t('catalog.priceLists.new')} size="xl" centered>
      {id && !list.data ? <QueryFallback query={list} empty={<LoadingState />} /> : <PriceListForm list={list.data ?? null} onClose={onClose} />}
    </Modal>
  );
}

function CustomerPriceModal({ accountId, onClose }: { accountId: string | null; onClose: () => void }) {
  const { t } = useTranslation();
  const save = useCreateCustomerPrice();
  const [values, setValues] = useState({ accountId, productId: null as string | null, unitPrice: '', discountPercent: '', validFrom: '', validTo: '' });
  const errors = save.error instanceof ApiError ? save.error.fields : {};
  const submit = () => {
    save.mutate(
      {
        accountId: values.accountId ?? '',
        productId: values.productId ?? '',
        unitPrice: decimalOrUndefined(values.unitPrice),
        discountPercent: decimalOrUndefined(values.discountPercent),
        validFrom: values.validFrom || undefined,
        validTo: values.validTo || undefined,
      },
      { onSuccess: onClose },
    );
  };
  return (
    <FormModal title={t('catalog.customerPrices.new')} size="lg" onClose={onClose} onSubmit={submit} error={save.error} shownFields={['accountId', 'productId', 'unitPrice', 'discountPercent', 'validFrom', 'validTo']} submitLabel={t('common.create')} loading={save.isPending}>
      <AccountPicker label={t('catalog.customerPrices.fields.customer')} value={values.accountId} onChange={(id) => setValues({ ...values, accountId: id })} error={errors['accountId']} required />
      <ProductPicker label={t('catalog.priceLists.fields.product')} value={values.productId} onChange={(id) => setValues({ ...values, productId: id })} error={errors['productId']} required />
      <Group grow>
        <TextInput label={t('catalog.fields.unitPrice')} inputMode="decimal" value={values.unitPrice} onChange={(e) => setValues({ ...values, unitPrice: e.currentTarget.value })} error={errors['unitPrice']} />
        <TextInput label={t('catalog.priceLists.fields.discountPercent')} inputMode="decimal" value={values.discountPercent} onChange={(e) => setValues({ ...values, discountPercent: e.currentTarget.value })} error={errors['discountPercent']} />
      </Group>
      <Group grow>
        <TextInput type="date" label={t('catalog.customerPrices.fields.validFrom')} value={values.validFrom} onChange={(e) => setValues({ ...values, validFrom: e.currentTarget.value })} error={errors['validFrom']} />
        <TextInput type="date" label={t('catalog.customerPrices.fields.validTo')} value={values.validTo} onChange={(e) => setValues({ ...values, validTo: e.currentTarget.value })} error={errors['validTo']} />
      </Group>
    </FormModal>
  );
}

function PriceListsTab({ writable }: { writable: boolean }) {
  const { t } = useTranslation();
  const lists = usePriceLists();
  const [editing, setEditing] = useState<string | 'new' | null>(null);
  const newButton = writable ? (
    <Button leftSection={<IconPlus />} onClick={() => setEditing('new')}>
      {t('catalog.priceLists.new')}
    </Button>
  ) : null;
  return (
    <Stack>
      <Group justify="flex-end">{newButton}</Group>
      <Paper withBorder>
        {!lists.isSuccess || lists.data.data.length === 0 ? (
          <QueryFallback query={lists} empty={<EmptyBlock icon={<IconTag size={26} />} title={t('catalog.priceLists.empty')} description={t('catalog.priceLists.emptyDescription')} />} />
        ) : (
          <SettingsTable
            label={t('catalog.priceLists.tableLabel')}
            rows={lists.data.data}
            columns={[
              { header: t('catalog.priceLists.fields.name'), td: { fw: 600 }, cell: (l) => l.name },
              { header: t('catalog.customerPrices.fields.validity'), td: { fz: 'sm' }, cell: (l) => <Validity validFrom={l.validFrom} validTo={l.validTo} /> },
              { header: t('catalog.priceLists.items'), cell: (l) => l.itemCount },
              { header: t('catalog.fields.status'), cell: (l) => <ActiveBadge active={l.active} /> },
            ]}
            actions={writable ? (l) => <EditAction label={t('catalog.priceLists.editNamed', { name: l.name })} onClick={() => setEditing(l.id)} /> : undefined}
          />
        )}
      </Paper>
      {editing ? <PriceListModal key={editing} id={editing === 'new' ? null : editing} onClose={() => setEditing(null)} /> : null}
    </Stack>
  );
}

/** The price list a customer buys at (none: catalog prices). */
function AccountPriceListSelect({ accountId, writable }: { accountId: string; writable: boolean }) {
  const { t } = useTranslation();
  const current = useAccountPriceList(accountId);
  const lists = usePriceLists();
  const assign = useAssignPriceList(accountId);
  return (
    <Select
      label={t('catalog.customerPrices.priceList')}
      placeholder={t('catalog.customerPrices.catalogPrices')}
      data={(lists.data?.data ?? []).map((l) => ({ value: l.id, label: l.name }))}
      value={current.data?.priceList?.id ?? null}
      onChange={(id) => assign.mutate(id)}
      disabled={!writable || assign.isPending}
      error={assign.error instanceof ApiError ? assign.error.message : undefined}
      clearable
      w={280}
    />
  );
}

function CustomerPricesTab({ writable }: { writable: boolean }) {
  const { t } = useTranslation();
  const [params, setParam] = useUrlParams();
  const accountId = params.get('accountId');
  const prices = useCustomerPrices({ accountId: accountId ?? undefined });
  const remove = useDeleteCustomerPrice();
  const [creating, setCreating] = useState(false);
  const label = (p: CustomerPrice) => (p.unitPrice ? formatMoney(p.unitPrice, 'EUR', 4) : p.discountPercent ? `−${formatPercent(p.discountPercent)}` : '—');
  return (
    <Stack>
      <Group justify="space-between" align="flex-end">
        <Group align="flex-end">
          <AccountPicker label={t('catalog.customerPrices.filterCustomer')} value={accountId} onChange={(id) => setParam('accountId', id)} w={320} />
          {accountId ? <AccountPriceListSelect accountId={accountId} writable={writable} /> : null}
        </Group>
        {writable ? (
          <Button leftSection={<IconPlus />} onClick={() => setCreating(true)}>
            {t('catalog.customerPrices.new')}
          </Button>
        ) : null}
      </Group>
      <Paper withBorder>
        {!prices.isSuccess || prices.data.data.length === 0 ? (
          <QueryFallback query={prices} empty={<EmptyBlock icon={<IconTag size={26} />} title={t('catalog.customerPrices.empty')} description={t('catalog.customerPrices.emptyDescription')} />} />
        ) : (
          <SettingsTable
            label={t('catalog.customerPrices.tableLabel')}
            rows={prices.data.data}
            columns={[
              { header: t('catalog.customerPrices.fields.customer'), td: { fz: 'sm' }, cell: (p) => <AccountName id={p.accountId} /> },
              { header: t('catalog.priceLists.fields.product'), td: { fz: 'sm' }, cell: (p) => <ProductName id={p.productId} /> },
              { header: t('catalog.customerPrices.fields.price'), td: { fw: 600 }, cell: (p) => label(p) },
              { header: t('catalog.customerPrices.fields.validity'), td: { fz: 'sm' }, cell: (p) => <Validity validFrom={p.validFrom} validTo={p.validTo} /> },
            ]}
            actions={
              writable
                ? (p) => (
                    <ActionIcon variant="subtle" color="red" aria-label={t('common.delete')} onClick={() => remove.mutate(p.id)} loading={remove.isPending && remove.variables === p.id}>
                      <IconTrash size={16} />
                    </ActionIcon>
                  )
                : undefined
            }
          />
        )}
      </Paper>
      {creating ? <CustomerPriceModal accountId={accountId} onClose={() => setCreating(false)} /> : null}
    </Stack>
  );
}

export function PriceListsPage() {
  const { t } = useTranslation();
  const can = useCan();
  const [params, setParam] = useUrlParams();
  const tab = params.get('tab') === 'customers' ? 'customers' : 'lists';
  const writable = can('catalog:write');
  return (
    <>
      <PageHeader title={t('catalog.priceLists.title')} description={t('catalog.priceLists.subtitle')} />
      <Tabs value={tab} onChange={(v) => setParam('tab', v === 'customers' ? v : null)} keepMounted={false}>
        <Tabs.List mb="md">
          <Tabs.Tab value="lists">{t('catalog.priceLists.tab')}</Tabs.Tab>
          <Tabs.Tab value="customers">{t('catalog.customerPrices.tab')}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="lists">
          <PriceListsTab writable={writable} />
        </Tabs.Panel>
        <Tabs.Panel value="customers">
          <CustomerPricesTab writable={writable} />
        </Tabs.Panel>
      </Tabs>
    </>
  );
}
