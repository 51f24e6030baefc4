import { ActionIcon, Alert, Button, Checkbox, Group, NativeSelect, Stack, Table, Text, TextInput } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { InstallmentInput, InstallmentRule, ScheduledInstallment, TermsProblem } from '@comptoir/billing-engine';
import { LabeledSegments } from '../../../components/LabeledSegments';
import { FormSection } from '../../../components/FormSection';
import { IconPlus, IconTrash } from '../../../components/icons';
import { toDecimalInput } from '../../../lib/decimal';
import { VatRateSelect } from '../../catalog/VatRateSelect';
import { ScheduleTable } from '../TotalsPanel';
import type { EditorState } from './editor-state';

type Setter = <K extends keyof EditorState>(field: K, value: EditorState[K]) => void;

/** General discount (on net or gross, percent or amount) and the shipping charge with its own VAT rate. */
export function DiscountShippingFields({ state, set, errors }: { state: EditorState; set: Setter; errors: Record<string, string> }) {
  const { t } = useTranslation();
  const d = state.discount;
  const s = state.shipping;
  return (
    <FormSection title={t('sales.footer.title')}>
      <Stack gap="md">
        <Group gap="md" align="flex-end" wrap="wrap">
          <Checkbox label={t('sales.footer.discount')} checked={d.enabled} onChange={(e) => set('discount', { ...d, enabled: e.currentTarget.checked })} mb={8} w={170} />
          {d.enabled ? (
            <>
              <LabeledSegments
                label={t('sales.footer.discountBase')}
                value={d.base}
                onChange={(base) => set('discount', { ...d, base })}
                data={[
                  { value: 'net', label: t('sales.footer.onNet') },
                  { value: 'gross', label: t('sales.footer.onGross') },
                ]}
              />
              <LabeledSegments
                label={t('sales.footer.discountMode')}
                value={d.mode}
                onChange={(mode) => set('discount', { ...d, mode })}
                data={[
                  { value: 'percent', label: '%' },
                  { value: 'amount', label: '€' },
                ]}
              />
              <TextInput
                label={t('sales.footer.discountValue')}
                inputMode="decimal"
                value={d.value}
                onChange={(e) => set('discount', { ...d, value: e.currentTarget.value })}
                rightSection={d.mode === 'percent' ? '%' : '€'}
                error={errors['generalDiscount.value'] ?? errors['generalDiscount']}
                w={140}
              />
            </>
          ) : null}
        </Group>
        <Group gap="md" align="flex-end" wrap="wrap">
          <Checkbox label={t('sales.footer.shipping')} checked={s.enabled} onChange={(e) => set('shipping', { ...s, enabled: e.currentTarget.checked })} mb={8} w={170} />
          {s.enabled ? (
            <>
              <TextInput
                label={t('sales.footer.shippingAmount')}
                inputMode="decimal"
                value={s.amount}
                onChange={(e) => set('shipping', { ...s, amount: e.currentTarget.value })}
                rightSection="€"
                error={errors['shipping.amount'] ?? errors['shipping']}
                w={140}
              />
              <VatRateSelect label={t('sales.footer.shippingVat')} value={s.vatRate} onChange={(v) => set('shipping', { ...s, vatRate: v })} error={errors['shipping.vatRate']} w={220} />
            </>
          ) : null}
        </Group>
      </Stack>
    </FormSection>
  );
}

const RULES: InstallmentRule['type'][] = ['on_order', 'days', 'days_end_of_month', 'end_of_month_plus_days'];

function withRule(type: InstallmentRule['type'], days: number): InstallmentRule {
  return type === 'on_order' ? { type } : { type, days };
}

/** Installments (percent, deposit or payment, rule chained on the previous date) and the schedule they give. */
export function PaymentTermsEditor({
  terms,
  onChange,
  schedule,
  problems,
  currency,
  errors,
  children,
}: {
  terms: InstallmentInput[];
  onChange: (terms: InstallmentInput[]) => void;
  schedule: ScheduledInstallment[];
  problems: TermsProblem[];
  currency: string;
  errors: Record<string, string>;
  /** Options of the terms shown under the schedule (early-payment discount). */
  children?: ReactNode;
}) {
  const { t } = useTranslation();
  const update = (i: number, patch: Partial<InstallmentInput>) => onChange(terms.map((x, j) => (j === i ? { ...x, ...patch } : x)));
  const add = () => onChange([...terms, { percent: terms.length ? '' : '100', kind: 'payment', rule: { type: 'days', days: 30 } }]);
  const days = (rule: InstallmentRule) => ('days' in rule ? rule.days : 0);
  return (
    <FormSection
      title={t('sales.terms.title')}
      actions={
        <Button size="xs" variant="light" leftSection={<IconPlus size={14} />} onClick={add}>
          {t('sales.terms.add')}
        </Button>
      }
    >
      {terms.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('sales.terms.none')}
        </Text>
      ) : (
        <Table aria-label={t('sales.terms.tableLabel')} verticalSpacing={4}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={100}>{t('sales.terms.percent')}</Table.Th>
              <Table.Th w={130}>{t('sales.terms.kind')}</Table.Th>
              <Table.Th>{t('sales.terms.rule')}</Table.Th>
              <Table.Th w={90}>{t('sales.terms.days')}</Table.Th>
              <Table.Th>{t('sales.terms.label')}</Table.Th>
              <Table.Th w={40} />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {terms.map((term, i) => (
              <Table.Tr key={i}>
                <Table.Td>
                  <TextInput
                    aria-label={t('sales.terms.percentNamed', { n: i + 1 })}
                    inputMode="decimal"
                    value={term.percent}
                    onChange={(e) => update(i, { percent: toDecimalInput(e.currentTarget.value) })}
                    rightSection="%"
                    error={errors[`paymentTerms[${i}].percent`] ?? errors[`paymentTerms.${i}.percent`]}
                  />
                </Table.Td>
                <Table.Td>
                  <NativeSelect
                    aria-label={t('sales.terms.kindNamed', { n: i + 1 })}
                    value={term.kind}
                    onChange={(e) => update(i, { kind: e.currentTarget.value as 'deposit' | 'payment' })}
                    data={(['payment', 'deposit'] as const).map((k) => ({ value: k, label: t(`sales.terms.kinds.${k}`) }))}
                  />
                </Table.Td>
                <Table.Td>
                  <NativeSelect
                    aria-label={t('sales.terms.ruleNamed', { n: i + 1 })}
                    value={term.rule.type}
                    onChange={(e) => update(i, { rule: withRule(e.currentTarget.value as InstallmentRule['type'], days(term.rule) || 30) })}
                    data={RULES.map((r) => ({ value: r, label: t(`sales.terms.rules.${r}`) }))}
                  />
                </Table.Td>
                <Table.Td>
                  {term.rule.type === 'on_order' ? null : (
                    <TextInput
                      aria-label={t('sales.terms.daysNamed', { n: i + 1 })}
                      inputMode="numeric"
                      value={String(days(term.rule))}
                      onChange={(e) => update(i, { rule: withRule(term.rule.type, Number.parseInt(e.currentTarget.value || '0', 10) || 0) })}
                    />
                  )}
                </Table.Td>
                <Table.Td>
                  <TextInput aria-label={t('sales.terms.labelNamed', { n: i + 1 })} value={term.label ?? ''} onChange={(e) => update(i, { label: e.currentTarget.value || null })} />
                </Table.Td>
                <Table.Td>
                  <ActionIcon variant="subtle" color="red" aria-label={t('sales.terms.removeNamed', { n: i + 1 })} onClick={() => onChange(terms.filter((_, j) => j !== i))}>
                    <IconTrash size={14} />
                  </ActionIcon>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {problems.length ? (
        <Alert color="yellow" variant="light" mt="sm" role="status">
          {problems.map((p) => (p.code === 'terms_not_100' ? t('sales.terms.not100') : `${p.path} : ${p.message}`)).join(' · ')}
        </Alert>
      ) : null}
      <ScheduleTable schedule={schedule} currency={currency} />
      {children}
    </FormSection>
  );
}
