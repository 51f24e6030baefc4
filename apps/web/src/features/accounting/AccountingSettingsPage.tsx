import { ActionIcon, Button, SimpleGrid, Stack, Table, Text, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useCan } from '../../app/session';
import { FormSection } from '../../components/FormSection';
import { SaveBar } from '../../components/SaveBar';
import { LabeledSegments } from '../../components/LabeledSegments';
import { FormErrorAlert, PageHeader, QueryFallback } from '../../components/ui';
import { ApiError } from '../../lib/api';
import { type AccountingSettings, type AccountingSettingsBody, useAccountingSettings, useCompanyBankAccounts, usePutAccountingSettings } from './accounting-api';

type AccountField = 'customersAccount' | 'salesGoodsAccount' | 'salesServicesAccount' | 'vatCollectedAccount' | 'vatPendingAccount' | 'depositsAccount' | 'bankAccount' | 'roundingDebitAccount' | 'roundingCreditAccount';
type RateRow = { rate: string; salesGoods: string; salesServices: string; vatCollected: string };

const ACCOUNT_FIELDS: AccountField[] = ['customersAccount', 'salesGoodsAccount', 'salesServicesAccount', 'vatCollectedAccount', 'vatPendingAccount', 'depositsAccount', 'bankAccount', 'roundingDebitAccount', 'roundingCreditAccount'];
const SHOWN_FIELDS = ['vatRegime', 'salesJournal.code', 'salesJournal.label', 'bankJournal.code', 'bankJournal.label', ...ACCOUNT_FIELDS];

interface FormState extends Omit<AccountingSettingsBody, 'rateAccounts' | 'bankAccounts'> {
  rates: RateRow[];
  /** Bank account id → its own account ('' = the default bank account). */
  banks: Record<string, string>;
}

function initialState(s: AccountingSettings): FormState {
  const { updatedAt: _updatedAt, rateAccounts, bankAccounts, ...rest } = s;
  return {
    ...rest,
    rates: rateAccounts.map((r) => ({ rate: r.rate, salesGoods: r.salesGoods ?? '', salesServices: r.salesServices ?? '', vatCollected: r.vatCollected ?? '' })),
    banks: Object.fromEntries(bankAccounts.map((b) => [b.bankAccountId, b.account])),
  };
}

function toBody({ rates, banks, ...rest }: FormState): AccountingSettingsBody {
  return {
    ...rest,
    rateAccounts: rates.map((r) => ({ rate: r.rate.trim().replace(',', '.'), salesGoods: r.salesGoods.trim() || null, salesServices: r.salesServices.trim() || null, vatCollected: r.vatCollected.trim() || null })),
    bankAccounts: Object.entries(banks)
      .filter(([, account]) => account.trim())
      .map(([bankAccountId, account]) => ({ bankAccountId, account: account.trim() })),
  };
}

function SettingsForm({ settings }: { settings: AccountingSettings }) {
  const { t } = useTranslation();
  const can = useCan();
  const put = usePutAccountingSettings();
  const banks = useCompanyBankAccounts();
  const [values, setValues] = useState<FormState>(() => initialState(settings));
  const [saved, setSaved] = useState(false);
  const errors = put.error instanceof ApiError ? put.error.fields : {};
  const set = <K extends keyof FormState>(field: K, value: FormState[K]) => {
    setSaved(false);
    setValues((prev) => ({ ...prev, [field]: value }));
  };
  // The ids in the order the body lists them (blank accounts are not sent): how field errors point back.
  const sentBanks = Object.entries(values.banks)
    .filter(([, code]) => code.trim())
    .map(([id]) => id);
  const setRate = (index: number, patch: Partial<RateRow>) => set('rates', values.rates.map((r, i) => (i === index ? { ...r, ...patch } : r)));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    put.mutate(toBody(values), { onSuccess: () => setSaved(true) });
  };
  const account = (field: AccountField) => (
    <TextInput key={field} label={t(`accounting.settings.accounts.${field}`)} value={values[field]} onChange={(e) => set(field, e.currentTarget.value)} error={errors[field]} inputMode="numeric" maxLength={12} />
  );
  return (
    <form onSubmit={submit} noValidate aria-label={t('accounting.settings.title')}>
      <fieldset disabled={!can('ledger:write')} style={{ border: 0, padding: 0, margin: 0, minWidth: 0 }}>
        <Stack gap="lg">
          {put.error ? <FormErrorAlert error={put.error} shownFields={SHOWN_FIELDS} /> : null}
          <FormSection title={t('accounting.settings.vat')}>
            <LabeledSegments
              label={t('accounting.settings.vatRegime')}
              value={values.vatRegime}
              onChange={(v) => set('vatRegime', v)}
              data={[
                { value: 'receipts', label: t('accounting.settings.vatRegimes.receipts') },
                { value: 'debits', label: t('accounting.settings.vatRegimes.debits') },
              ]}
            />
            <Text size="xs" c="dimmed" mt="xs">
              {t(`accounting.settings.vatRegimeHints.${values.vatRegime}`)}
            </Text>
          </FormSection>
          <FormSection title={t('accounting.settings.journals')}>
            <SimpleGrid cols={{ base: 1, sm: 2, md: 4 }}>
              <TextInput label={t('accounting.settings.salesJournalCode')} value={values.salesJournal.code} onChange={(e) => set('salesJournal', { ...values.salesJournal, code: e.currentTarget.value.toUpperCase() })} error={errors['salesJournal.code']} maxLength={10} />
              <TextInput label={t('accounting.settings.salesJournalLabel')} value={values.salesJournal.label} onChange={(e) => set('salesJournal', { ...values.salesJournal, label: e.currentTarget.value })} error={errors['salesJournal.label']} maxLength={100} />
              <TextInput label={t('accounting.settings.bankJournalCode')} value={values.bankJournal.code} onChange={(e) => set('bankJournal', { ...values.bankJournal, code: e.currentTarget.value.toUpperCase() })} error={errors['bankJournal.code']} maxLength={10} />
              <TextInput label={t('accounting.settings.bankJournalLabel')} value={values.bankJournal.label} onChange={(e) => set('bankJournal', { ...values.bankJournal, label: e.currentTarget.value })} error={errors['bankJournal.label']} maxLength={100} />
            </SimpleGrid>
          </FormSection>
          <FormSection title={t('accounting.settings.accountsTitle')}>
            <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }}>{ACCOUNT_FIELDS.map(account)}</SimpleGrid>
          </FormSection>
          <FormSection
            title={t('accounting.settings.rates')}
            actions={
              <Button size="xs" variant="light" onClick={() => set('rates', [...values.rates, { rate: '', salesGoods: '', salesServices: '', vatCollected: '' }])}>
                {t('accounting.settings.addRate')}
              </Button>
            }
          >
            {values.rates.length ? (
              <Table aria-label={t('accounting.settings.rates')}>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('accounting.settings.rate')}</Table.Th>
                    <Table.Th>{t('accounting.settings.accounts.salesGoodsAccount')}</Table.Th>
                    <Table.Th>{t('accounting.settings.accounts.salesServicesAccount')}</Table.Th>
                    <Table.Th>{t('accounting.settings.accounts.vatCollectedAccount')}</Table.Th>
                    <Table.Th />
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {values.rates.map((row, i) => (
                    <Table.Tr key={i}>
                      {(['rate', 'salesGoods', 'salesServices', 'vatCollected'] as const).map((field) => (
                        <Table.Td key={field}>
                          <TextInput
                            aria-label={`${t(`accounting.settings.rateFields.${field}`)} ${i + 1}`}
                            value={row[field]}
                            onChange={(e) => setRate(i, { [field]: e.currentTarget.value })}
                            error={errors[`rateAccounts[${i}].${field}`]}
                            placeholder={field === 'rate' ? '20.00' : t('accounting.settings.defaultAccount')}
                          />
                        </Table.Td>
                      ))}
                      <Table.Td>
                        <ActionIcon variant="subtle" color="red" aria-label={t('accounting.settings.removeRate', { rate: row.rate || i + 1 })} onClick={() => set('rates', values.rates.filter((_, j) => j !== i))}>
                          ×
                        </ActionIcon>
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            ) : (
              <Text size="sm" c="dimmed">
                {t('accounting.settings.noRates')}
              </Text>
            )}
          </FormSection>
          <FormSection title={t('accounting.settings.banks')}>
            {banks.data?.data.length ? (
              <SimpleGrid cols={{ base: 1, sm: 2 }}>
                {banks.data.data.map((bank) => (
                  <TextInput
                    key={bank.id}
                    label={`${bank.label ?? bank.holder} · ${bank.iban.slice(-4)}`}
                    placeholder={values.bankAccount}
                    value={values.banks[bank.id] ?? ''}
                    onChange={(e) => set('banks', { ...values.banks, [bank.id]: e.currentTarget.value })}
                    error={errors[`bankAccounts[${sentBanks.indexOf(bank.id)}].account`]}
                  />
                ))}
              </SimpleGrid>
            ) : (
              <Text size="sm" c="dimmed">
                {t('accounting.settings.noBanks')}
              </Text>
            )}
          </FormSection>
          <SaveBar saved={saved} savedLabel={t('accounting.settings.saved')} saving={put.isPending} pb="xl" />
        </Stack>
      </fieldset>
    </form>
  );
}

export function AccountingSettingsPage() {
  const { t } = useTranslation();
  const settings = useAccountingSettings();
  return (
    <>
      <PageHeader title={t('accounting.settings.title')} description={t('accounting.settings.subtitle')} />
      {settings.data ? <SettingsForm key={settings.data.updatedAt ?? 'defaults'} settings={settings.data} /> : <QueryFallback query={settings} empty={null} />}
    </>
  );
}
