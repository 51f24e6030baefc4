import { NativeSelect } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { PAYMENT_METHODS, type PaymentMethod } from '../sales/sales-types';
import { useOwnBankAccounts } from './payments-api';

/** How a payment (or a refund) is made. */
export function PaymentMethodSelect({ value, onChange, error }: { value: PaymentMethod; onChange: (method: PaymentMethod) => void; error?: string }) {
  const { t } = useTranslation();
  return (
    <NativeSelect
      label={t('payments.fields.method')}
      value={value}
      onChange={(e) => onChange(e.currentTarget.value as PaymentMethod)}
      data={PAYMENT_METHODS.map((m) => ({ value: m, label: t(`customers.paymentMethods.${m}`) }))}
      error={error}
    />
  );
}

/** The company's own bank account the money goes through ('' = none said). */
export function OwnBankAccountSelect({ value, onChange, error }: { value: string; onChange: (bankAccountId: string) => void; error?: string }) {
  const { t } = useTranslation();
  const banks = useOwnBankAccounts();
  return (
    <NativeSelect
      label={t('payments.fields.bankAccount')}
      value={value}
      onChange={(e) => onChange(e.currentTarget.value)}
      data={[{ value: '', label: t('payments.fields.noBankAccount') }, ...(banks.data ?? []).map((b) => ({ value: b.id, label: b.label ? `${b.label} (${b.iban})` : b.iban }))]}
      error={error}
    />
  );
}
