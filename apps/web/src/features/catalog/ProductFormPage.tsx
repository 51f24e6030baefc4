import { ActionIcon, Button, Checkbox, Group, NumberInput, Select, SimpleGrid, Stack, Table, Text, Textarea, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router-dom';
import type { OtherTaxInput } from '@comptoir/billing-engine';
import { BackLink } from '../../components/BackLink';
import { AccountPicker } from '../../components/AccountPicker';
import { FormSection } from '../../components/FormSection';
import { IconPlus, IconTrash } from '../../components/icons';
import { ErrorState, FormErrorAlert, LoadingState, PageHeader } from '../../components/ui';
import { ApiError } from '../../lib/api';
import { toDecimalInput } from '../../lib/decimal';
import { useCan } from '../../app/session';
import { useProduct, useSaveProduct, useVatRates } from './catalog-api';
import { PRODUCT_TYPES, UNITS, type Product, type ProductBody, type ProductType, type SupplierProduct } from './catalog-types';
import { VatRateSelect } from './VatRateSelect';

interface FormState {
  reference: string;
  name: string;
  description: string;
  type: ProductType;
  unit: ProductBody['unit'];
  unitPrice: string;
  vatRateId: string | null;
  costPrice: string;
  ean: string;
  imageUrl: string;
  stockManaged: boolean;
  reorderThreshold: string;
  salesAccount: string;
  purchaseAccount: string;
  active: boolean;
  otherTaxes: OtherTaxInput[];
  suppliers: SupplierProduct[];
}

function toState(p: Product | undefined): FormState {
  return {
    reference: p?.reference ?? '',
    name: p?.name ?? '',
    description: p?.description ?? '',
    type: p?.type ?? 'service',
    unit: p?.unit ?? 'piece',
    unitPrice: p?.unitPrice ?? '',
    vatRateId: p?.vatRateId ?? null,
    costPrice: p?.costPrice ?? '',
    ean: p?.ean ?? '',
    imageUrl: p?.imageUrl ?? '',
    stockManaged: p?.stockManaged ?? false,
    reorderThreshold: p?.reorderThreshold ?? '',
    salesAccount: p?.salesAccount ?? '',
    purchaseAccount: p?.purchaseAccount ?? '',
    active: p?.active ?? true,
    otherTaxes: p?.otherTaxes ?? [],
    suppliers: (p?.suppliers ?? []).map((sp) => ({ ...sp, supplierReference: sp.supplierReference ?? undefined, minimumOrderQuantity: sp.minimumOrderQuantity ?? undefined })),
  };
}

/**
 * The request body. An emptied optional field is sent as null on an update ("no value any more"; the
 * contract types these fields as optional strings, hence the cast) and left out on a create.
 */
function toBody(s: FormState, editing: boolean): ProductBody {
  const empty = editing ? null : undefined;
  const optional = (value: string) => (value.trim() ? value.trim() : empty);
  const optionalDecimal = (value: string) => (value.trim() ? toDecimalInput(value) : empty);
  const body = {
    reference: s.reference.trim(),
    name: s.name.trim(),
    description: optional(s.description),
    type: s.type,
    unit: s.unit,
    unitPrice: toDecimalInput(s.unitPrice),
    vatRateId: s.vatRateId ?? undefined,
    costPrice: optionalDecimal(s.costPrice),
    ean: optional(s.ean),
    imageUrl: optional(s.imageUrl),
    stockManaged: s.stockManaged,
    reorderThreshold: s.stockManaged ? optionalDecimal(s.reorderThreshold) : empty,
    salesAccount: optional(s.salesAccount),
    purchaseAccount: optional(s.purchaseAccount),
    active: s.active,
    otherTaxes: s.otherTaxes.map((tax) => ({ ...tax, value: toDecimalInput(tax.value) })),
    suppliers: s.suppliers.map((sp) => ({ ...sp, supplierPrice: toDecimalInput(sp.supplierPrice), supplierReference: sp.supplierReference?.trim() || undefined, minimumOrderQuantity: sp.minimumOrderQuantity ? toDecimalInput(sp.minimumOrderQuantity) : undefined })),
  };
  return body as ProductBody;
}

function ProductForm({ product }: { product: Product | undefined }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const can = useCan();
  const save = useSaveProduct(product?.id);
  const [state, setState] = useState(() => toState(product));
  const errors = save.error instanceof ApiError ? save.error.fields : {};
  const set = <K extends keyof FormState>(field: K, value: FormState[K]) => setState((prev) => ({ ...prev, [field]: value }));
  const text = (field: 'reference' | 'name' | 'description' | 'unitPrice' | 'costPrice' | 'ean' | 'imageUrl' | 'reorderThreshold' | 'salesAccount' | 'purchaseAccount') => ({
    value: state[field],
    onChange: (e: { currentTarget: { value: string } }) => set(field, e.currentTarget.value),
    error: errors[field],
  });
  const setTax = (index: number, patch: Partial<OtherTaxInput>) => set('otherTaxes', state.otherTaxes.map((tax, i) => (i === index ? { ...tax, ...patch } : tax)));
  const setSupplier = (index: number, patch: Partial<SupplierProduct>) => set('suppliers', state.suppliers.map((sp, i) => (i === index ? { ...sp, ...patch } : sp)));

  // A new product starts at the standard French rate once the company's rates are known.
  const rates = useVatRates();
  const vatRateId = state.vatRateId ?? rates.data?.data.find((r) => r.rate === '20.00' && r.category === 'S')?.id ?? null;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate(toBody({ ...state, vatRateId }, Boolean(product)), { onSuccess: (saved) => navigate(`/products/${saved.id}`, { replace: true, state: { flash: 'saved' } }) });
  };
  const readOnly = !can('catalog:write');

  return (
    <form onSubmit={submit} noValidate aria-label={t('catalog.products.formLabel')}>
      <fieldset disabled={readOnly} style={{ border: 0, padding: 0, margin: 0, minWidth: 0 }}>
        <Stack gap="lg">
          {save.error ? <FormErrorAlert error={save.error} shownFields={Object.keys(toState(undefined))} /> : null}
          <FormSection title={t('catalog.products.sections.identity')}>
            <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="md">
              <TextInput label={t('catalog.fields.reference')} required {...text('reference')} />
              <TextInput label={t('catalog.fields.name')} required {...text('name')} style={{ gridColumn: 'span 2' }} />
              <Select label={t('catalog.fields.type')} data={PRODUCT_TYPES.map((v) => ({ value: v, label: t(`catalog.types.${v}`) }))} value={state.type} onChange={(v) => v && set('type', v as ProductType)} allowDeselect={false} error={errors['type']} />
              <Select
                label={t('catalog.fields.unit')}
                data={UNITS.map((u) => ({ value: u, label: t(`catalog.units.${u}`) }))}
                value={state.unit}
                onChange={(v) => v && set('unit', v as ProductBody['unit'])}
                allowDeselect={false}
                error={errors['unit']}
              />
              <Checkbox label={t('catalog.active')} checked={state.active} onChange={(e) => set('active', e.currentTarget.checked)} mt={30} />
            </SimpleGrid>
            <Textarea label={t('catalog.fields.description')} mt="md" autosize minRows={2} maxRows={8} {...text('description')} />
          </FormSection>

          <FormSection title={t('catalog.products.sections.pricing')}>
            <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="md">
              <TextInput label={t('catalog.fields.unitPrice')} description={t('catalog.products.priceHint')} inputMode="decimal" required {...text('unitPrice')} rightSection="€" />
              <VatRateSelect by="id" label={t('catalog.fields.vatRate')} value={vatRateId} onChange={(id) => set('vatRateId', id)} error={errors['vatRateId'] ?? errors['vatRate']} required />
              <TextInput label={t('catalog.fields.costPrice')} inputMode="decimal" {...text('costPrice')} rightSection="€" />
              {product ? <TextInput label={t('catalog.fields.vatCategory')} value={t(`catalog.vatCategories.${product.vatCategory}`)} readOnly /> : null}
              {product?.vatExemptionReason ? <TextInput label={t('catalog.fields.vatExemptionReason')} description={t('catalog.products.exemptionHint')} value={product.vatExemptionReason} readOnly style={{ gridColumn: 'span 2' }} /> : null}
            </SimpleGrid>
          </FormSection>

          <FormSection
            title={t('catalog.products.sections.otherTaxes')}
            actions={
              <Button size="xs" variant="light" leftSection={<IconPlus size={14} />} onClick={() => set('otherTaxes', [...state.otherTaxes, { label: '', mode: 'fixed', value: '', vatRate: '20.00' }])}>
                {t('catalog.products.addTax')}
              </Button>
            }
          >
            {state.otherTaxes.length === 0 ? (
              <Text size="sm" c="dimmed">
                {t('catalog.products.noOtherTaxes')}
              </Text>
            ) : (
              <Table aria-label={t('catalog.products.sections.otherTaxes')}>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('catalog.fields.taxLabel')}</Table.Th>
                    <Table.Th w={160}>{t('catalog.fields.taxMode')}</Table.Th>
                    <Table.Th w={130}>{t('catalog.fields.taxValue')}</Table.Th>
                    <Table.Th w={180}>{t('catalog.fields.vatRate')}</Table.Th>
                    <Table.Th w={50} />
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {state.otherTaxes.map((tax, i) => (
                    <Table.Tr key={i}>
                      <Table.Td>
                        <TextInput aria-label={t('catalog.fields.taxLabel')} placeholder={t('catalog.products.taxPlaceholder')} value={tax.label} onChange={(e) => setTax(i, { label: e.currentTarget.value })} error={errors[`otherTaxes.${i}.label`] ?? errors[`otherTaxes[${i}].label`]} />
                      </Table.Td>
                      <Table.Td>
                        <Select aria-label={t('catalog.fields.taxMode')} data={[{ value: 'fixed', label: t('catalog.taxModes.fixed') }, { value: 'percent', label: t('catalog.taxModes.percent') }]} value={tax.mode} onChange={(v) => v && setTax(i, { mode: v as 'fixed' | 'percent' })} allowDeselect={false} />
                      </Table.Td>
                      <Table.Td>
                        <TextInput aria-label={t('catalog.fields.taxValue')} inputMode="decimal" value={tax.value} onChange={(e) => setTax(i, { value: e.currentTarget.value })} error={errors[`otherTaxes.${i}.value`] ?? errors[`otherTaxes[${i}].value`]} />
                      </Table.Td>
                      <Table.Td>
                        <VatRateSelect aria-label={t('catalog.fields.vatRate')} value={tax.vatRate} onChange={(v) => setTax(i, { vatRate: v })} />
                      </Table.Td>
                      <Table.Td>
                        <ActionIcon variant="subtle" color="red" aria-label={t('catalog.products.removeTax', { index: i + 1 })} onClick={() => set('otherTaxes', state.otherTaxes.filter((_, j) => j !== i))}>
                          <IconTrash size={16} />
                        </ActionIcon>
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            )}
          </FormSection>

          <FormSection title={t('catalog.products.sections.stock')}>
            <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="md">
              <TextInput label={t('catalog.fields.ean')} inputMode="numeric" {...text('ean')} />
              <TextInput label={t('catalog.fields.imageUrl')} type="url" placeholder="https://" {...text('imageUrl')} />
              <Stack gap="xs">
                <Checkbox label={t('catalog.fields.stockManaged')} checked={state.stockManaged} onChange={(e) => set('stockManaged', e.currentTarget.checked)} mt={26} />
              </Stack>
              {state.stockManaged ? <TextInput label={t('catalog.fields.reorderThreshold')} inputMode="decimal" {...text('reorderThreshold')} /> : null}
            </SimpleGrid>
          </FormSection>

          <FormSection
            title={t('catalog.products.sections.suppliers')}
            actions={
              <Button size="xs" variant="light" leftSection={<IconPlus size={14} />} onClick={() => set('suppliers', [...state.suppliers, { supplierAccountId: '', supplierPrice: '', supplierReference: '', minimumOrderQuantity: '' }])}>
                {t('catalog.products.addSupplier')}
              </Button>
            }
          >
            {state.suppliers.length === 0 ? (
              <Text size="sm" c="dimmed">
                {t('catalog.products.noSuppliers')}
              </Text>
            ) : (
              <Stack gap="sm">
                {state.suppliers.map((sp, i) => (
                  <Group key={i} align="flex-end" wrap="nowrap" gap="sm">
                    <AccountPicker role="supplier" label={t('catalog.fields.supplier')} value={sp.supplierAccountId || null} onChange={(id) => setSupplier(i, { supplierAccountId: id ?? '' })} style={{ flex: 2 }} error={errors[`suppliers.${i}.supplierAccountId`]} />
                    <TextInput label={t('catalog.fields.supplierPrice')} inputMode="decimal" value={sp.supplierPrice} onChange={(e) => setSupplier(i, { supplierPrice: e.currentTarget.value })} style={{ flex: 1 }} error={errors[`suppliers.${i}.supplierPrice`]} />
                    <TextInput label={t('catalog.fields.supplierReference')} value={sp.supplierReference ?? ''} onChange={(e) => setSupplier(i, { supplierReference: e.currentTarget.value })} style={{ flex: 1 }} />
                    <NumberInput label={t('catalog.fields.minimumOrderQuantity')} value={sp.minimumOrderQuantity ?? ''} onChange={(v) => setSupplier(i, { minimumOrderQuantity: String(v) })} min={0} style={{ flex: 1 }} hideControls />
                    <ActionIcon variant="subtle" color="red" mb={6} aria-label={t('catalog.products.removeSupplier', { index: i + 1 })} onClick={() => set('suppliers', state.suppliers.filter((_, j) => j !== i))}>
                      <IconTrash size={16} />
                    </ActionIcon>
                  </Group>
                ))}
              </Stack>
            )}
          </FormSection>

          <FormSection title={t('catalog.products.sections.accounting')}>
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
              <TextInput label={t('catalog.fields.salesAccount')} placeholder="706000" {...text('salesAccount')} />
              <TextInput label={t('catalog.fields.purchaseAccount')} placeholder="607000" {...text('purchaseAccount')} />
            </SimpleGrid>
          </FormSection>

          {readOnly ? null : (
            <Group justify="flex-end" gap="sm" pb="xl">
              <Button variant="default" onClick={() => navigate('/products')}>
                {t('common.cancel')}
              </Button>
              <Button type="submit" loading={save.isPending}>
                {product ? t('common.save') : t('catalog.products.create')}
              </Button>
            </Group>
          )}
        </Stack>
      </fieldset>
    </form>
  );
}

export function ProductFormPage() {
  const { t } = useTranslation();
  const { id } = useParams();
  const product = useProduct(id);
  if (id && product.isPending) return <LoadingState />;
  if (id && product.isError) return <ErrorState error={product.error} onRetry={() => void product.refetch()} />;
  return (
    <>
      <PageHeader title={product.data ? `${product.data.reference} · ${product.data.name}` : t('catalog.products.new')} back={<BackLink to="/products" label={t('catalog.products.back')} />} />
      <ProductForm key={product.data?.id ?? 'new'} product={product.data} />
    </>
  );
}
