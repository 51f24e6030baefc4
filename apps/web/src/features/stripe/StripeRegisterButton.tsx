import { Badge, Button, Group, Select, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCan } from '../../app/session';
import { FormModal } from '../../components/FormModal';
import { ApiError } from '../../lib/api';
import { useCustomerBankAccounts, useRegisterStripeCustomer, useStripeCustomer } from './stripe-api';

/** IBANs are shown masked in the picker: the last four characters tell accounts apart. */
const maskedIban = (iban: string) => `${iban.slice(0, 4)} •••• ${iban.slice(-4)}`;

/** Customer page action: register the customer at Stripe with one of its bank accounts for SEPA debits. */
export function StripeRegisterButton({ accountId, email }: { accountId: string; email: string | null }) {
  const { t } = useTranslation();
  const can = useCan();
  const [open, setOpen] = useState(false);
  const allowed = can('banking:write');
  const customer = useStripeCustomer(accountId, allowed);
  const banks = useCustomerBankAccounts(accountId, open);
  const register = useRegisterStripeCustomer(accountId);
  const [bankAccountId, setBankAccountId] = useState<string | null>(null);
  const [mail, setMail] = useState(email ?? '');
  if (!allowed) return null;
  const registered = customer.data?.registered === true;
  const errors = register.error instanceof ApiError ? register.error.fields : {};
  const close = () => {
    register.reset();
    setOpen(false);
  };
  return (
    <>
      <Group gap={6}>
        {registered ? (
          <Badge color="teal" variant="light">
            {t('stripe.customer.registered')}
          </Badge>
        ) : null}
        <Button variant="default" onClick={() => setOpen(true)}>
          {registered ? t('stripe.customer.update') : t('stripe.customer.register')}
        </Button>
      </Group>
      <FormModal
        opened={open}
        title={t('stripe.customer.title')}
        onClose={close}
        onSubmit={() => register.mutate({ bankAccountId: bankAccountId ?? '', ...(mail.trim() ? { email: mail.trim() } : {}) }, { onSuccess: close })}
        error={register.error}
        shownFields={['bankAccountId', 'email']}
        submitLabel={t('stripe.customer.submit')}
        loading={register.isPending}
      >
        <Text size="sm">{t('stripe.customer.help')}</Text>
        <Select
          label={t('stripe.customer.bankAccount')}
          placeholder={banks.isPending ? t('common.loading') : t('stripe.customer.chooseBankAccount')}
          data={(banks.data?.data ?? []).map((b) => ({ value: b.id, label: `${b.label ?? b.holder} — ${maskedIban(b.iban)}` }))}
          value={bankAccountId}
          onChange={setBankAccountId}
          nothingFoundMessage={t('stripe.customer.noBankAccount')}
          error={errors['bankAccountId']}
          required
          comboboxProps={{ withinPortal: true }}
        />
        <TextInput label={t('stripe.customer.email')} type="email" value={mail} onChange={(e) => setMail(e.currentTarget.value)} error={errors['email']} />
      </FormModal>
    </>
  );
}
