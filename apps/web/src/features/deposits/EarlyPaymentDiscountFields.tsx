import { Checkbox, Group, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { toDecimalInput } from '../../lib/decimal';

/** The early-payment discount as typed: percent and days as text until saved. */
export interface EarlyPaymentDiscountInput {
  percent: string;
  withinDays: string;
}

/** "Escompte": an option of the payment terms; unchecked, the invoice prints "pas d'escompte pour paiement anticipé". */
export function EarlyPaymentDiscountFields({ value, onChange, errors }: { value: EarlyPaymentDiscountInput | null; onChange: (value: EarlyPaymentDiscountInput | null) => void; errors: Record<string, string> }) {
  const { t } = useTranslation();
  return (
    <Group align="flex-end" mt="sm">
      <Checkbox label={t('deposits.earlyPayment.enable')} checked={value !== null} onChange={(e) => onChange(e.currentTarget.checked ? { percent: '2', withinDays: '10' } : null)} />
      {value ? (
        <>
          <TextInput
            label={t('deposits.earlyPayment.percent')}
            inputMode="decimal"
            w={110}
            rightSection="%"
            value={value.percent}
            onChange={(e) => onChange({ ...value, percent: toDecimalInput(e.currentTarget.value) })}
            error={errors['earlyPaymentDiscount.percent']}
          />
          <TextInput
            label={t('deposits.earlyPayment.withinDays')}
            inputMode="numeric"
            w={130}
            value={value.withinDays}
            onChange={(e) => onChange({ ...value, withinDays: e.currentTarget.value })}
            error={errors['earlyPaymentDiscount.withinDays']}
          />
        </>
      ) : null}
    </Group>
  );
}

/** The API's body field: null when unchecked; days sent as typed when not an integer, so the server names the field. */
export function earlyPaymentDiscountBody(value: EarlyPaymentDiscountInput | null): { percent: string; withinDays: number } | null {
  if (!value) return null;
  const days = /^\d+$/.test(value.withinDays.trim()) ? Number(value.withinDays.trim()) : Number.NaN;
  return { percent: toDecimalInput(value.percent), withinDays: days };
}
