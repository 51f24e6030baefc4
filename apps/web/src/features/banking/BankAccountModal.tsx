import { Checkbox, SimpleGrid, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { FormModal } from '../../components/FormModal';
import { ApiError } from '../../lib/api';
import { useFormState } from '../../lib/form';
import { bicHint, ibanHint } from './bank-details';
import { useSaveBankAccount, type BankAccount } from './banking-api';

interface Form {
  iban: string;
  bic: string;
  holder: string;
  label: string;
  isDefault: boolean;
}

/** Adds or edits a bank account (the company's own without `accountId`); IBAN and BIC are checked as they are typed. */
export function BankAccountModal({ account, accountId, defaultHolder, onClose }: { account: BankAccount | null; accountId?: string; defaultHolder?: string; onClose: () => void }) {
  const { t } = useTranslation();
  const save = useSaveBankAccount(account?.id ?? null);
  const { values, set, text } = useFormState<Form>(() => ({
    iban: account?.iban ?? '',
    bic: account?.bic ?? '',
    holder: account?.holder ?? defaultHolder ?? '',
    label: account?.label ?? '',
    isDefault: account?.isDefault ?? false,
  }));
  const errors = save.error instanceof ApiError ? save.error.fields : {};
  const iban = ibanHint(values.iban);
  const bic = bicHint(values.bic, values.iban);
  const submit = () =>
    save.mutate(
      {
        ...(accountId ? { accountId } : {}),
        iban: values.iban,
        holder: values.holder.trim(),
        ...(values.bic.trim() ? { bic: values.bic.trim() } : {}),
        ...(values.label.trim() ? { label: values.label.trim() } : {}),
        ...(!accountId && values.isDefault ? { isDefault: true } : {}),
      },
      { onSuccess: onClose },
    );
  return (
    <FormModal
      title={account ? t('banking.accounts.edit') : t('banking.accounts.new')}
      size="lg"
      onClose={onClose}
      onSubmit={submit}
      error={save.error}
      shownFields={['iban', 'bic', 'holder', 'label', 'isDefault']}
      submitLabel={account ? t('common.save') : t('common.create')}
      loading={save.isPending}
    >
      <TextInput
        label={t('banking.accounts.iban')}
        required
        placeholder="FR76 3000 6000 0112 3456 7890 189"
        {...text('iban', errors)}
        error={errors['iban'] ?? (iban === 'invalid' ? t('banking.accounts.ibanInvalid') : undefined)}
        description={iban === 'ok' ? t('banking.accounts.ibanValid') : undefined}
        autoComplete="off"
      />
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <TextInput
          label={t('banking.accounts.bic')}
          placeholder="AGRIFRPP"
          {...text('bic', errors)}
          error={errors['bic'] ?? (bic === 'invalid' ? t('banking.accounts.bicInvalid') : bic === 'country' ? t('banking.accounts.bicCountry') : undefined)}
        />
        <TextInput label={t('banking.accounts.label')} {...text('label', errors)} />
      </SimpleGrid>
      <TextInput label={t('banking.accounts.holder')} required {...text('holder', errors)} />
      {accountId ? null : <Checkbox label={t('banking.accounts.isDefault')} checked={values.isDefault} onChange={(e) => set('isDefault', e.currentTarget.checked)} />}
    </FormModal>
  );
}
