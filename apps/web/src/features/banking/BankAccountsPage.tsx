import { Badge, Button, Group, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useCompany } from '../../app/company';
import { useCan } from '../../app/session';
import { IconPlus } from '../../components/icons';
import { DeleteAction, EditAction, RowActions, SettingsTable } from '../../components/SettingsTable';
import { ConfirmDialog, EmptyBlock, PageHeader, QueryFallback } from '../../components/ui';
import { ApiError } from '../../lib/api';
import { friendlyIban } from './bank-details';
import { BankAccountModal } from './BankAccountModal';
import { useArchiveBankAccount, useBankAccounts, useCompanyDetails, useSaveCreditorId, type BankAccount } from './banking-api';

/** The SEPA creditor identifier (ICS) of the company, needed to collect by direct debit. */
function CreditorIdForm({ companyId }: { companyId: string }) {
  const { t } = useTranslation();
  const can = useCan();
  const company = useCompanyDetails(companyId);
  const save = useSaveCreditorId(companyId);
  const [value, setValue] = useState<string | null>(null);
  const current = value ?? company.data?.sepaCreditorId ?? '';
  const error = save.error instanceof ApiError ? save.error.fields['sepaCreditorId'] : undefined;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate(current.trim() ? current.trim() : null, { onSuccess: () => setValue(null) });
  };
  return (
    <Paper withBorder p="lg" component="form" onSubmit={submit} noValidate aria-label={t('banking.creditor.title')}>
      <Title order={2} fz="md" fw={650} mb="xs">
        {t('banking.creditor.title')}
      </Title>
      <Text size="sm" c="dimmed" mb="md">
        {t('banking.creditor.help')}
      </Text>
      <Group align="flex-start">
        <TextInput label={t('banking.creditor.field')} placeholder="FR72ZZZ123456" value={current} onChange={(e) => setValue(e.currentTarget.value)} error={error} w={280} />
        <Button type="submit" mt={25} loading={save.isPending} disabled={!can('org:write')}>
          {t('common.save')}
        </Button>
        {save.isSuccess && value === null ? (
          <Text size="sm" c="teal" mt={32} role="status">
            {t('banking.creditor.saved')}
          </Text>
        ) : null}
      </Group>
    </Paper>
  );
}

/** Settings → Bank: the company's own accounts (receipts, SEPA collections) and its creditor id. */
export function BankAccountsPage() {
  const { t } = useTranslation();
  const can = useCan();
  const { companyId } = useCompany();
  const accounts = useBankAccounts();
  const archive = useArchiveBankAccount();
  const [editing, setEditing] = useState<BankAccount | 'new' | null>(null);
  const [removing, setRemoving] = useState<BankAccount | null>(null);
  const rows = accounts.data?.data ?? [];
  return (
    <>
      <PageHeader
        title={t('banking.accounts.title')}
        description={t('banking.accounts.description')}
        actions={
          can('banking:write') ? (
            <Button leftSection={<IconPlus />} onClick={() => setEditing('new')}>
              {t('banking.accounts.new')}
            </Button>
          ) : null
        }
      />
      <Stack>
        {rows.length ? (
          <SettingsTable
            label={t('banking.accounts.title')}
            rows={rows}
            columns={[
              { header: t('banking.accounts.label'), cell: (b) => b.label ?? b.holder },
              { header: t('banking.accounts.iban'), td: { ff: 'monospace', fz: 'sm' }, cell: (b) => friendlyIban(b.iban) },
              { header: t('banking.accounts.bic'), td: { ff: 'monospace', fz: 'sm' }, cell: (b) => b.bic ?? '—' },
              { header: '', width: 110, cell: (b) => (b.isDefault ? <Badge variant="light">{t('banking.accounts.default')}</Badge> : null) },
            ]}
            actions={
              can('banking:write')
                ? (b) => (
                    <RowActions>
                      <EditAction label={t('banking.accounts.editOne', { name: b.label ?? b.holder })} onClick={() => setEditing(b)} />
                      <DeleteAction label={t('banking.accounts.archiveOne', { name: b.label ?? b.holder })} tooltip={t('banking.accounts.archive')} onClick={() => setRemoving(b)} />
                    </RowActions>
                  )
                : undefined
            }
            actionsWidth={90}
          />
        ) : (
          <QueryFallback query={accounts} empty={<EmptyBlock title={t('banking.accounts.empty')} description={t('banking.accounts.emptyHelp')} />} />
        )}
        {companyId ? <CreditorIdForm companyId={companyId} /> : null}
      </Stack>
      {editing ? <BankAccountModal account={editing === 'new' ? null : editing} onClose={() => setEditing(null)} /> : null}
      <ConfirmDialog
        opened={Boolean(removing)}
        title={t('banking.accounts.archiveTitle')}
        message={t('banking.accounts.archiveConfirm')}
        confirmLabel={t('banking.accounts.archive')}
        loading={archive.isPending}
        error={archive.error}
        onClose={() => setRemoving(null)}
        onConfirm={() => removing && archive.mutate(removing.id, { onSuccess: () => setRemoving(null) })}
      />
    </>
  );
}
