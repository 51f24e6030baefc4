import { Badge, Button, Group, NumberInput, Paper, Select, SimpleGrid, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCan } from '../../app/session';
import { IconPlus } from '../../components/icons';
import { EditAction, RowActions } from '../../components/SettingsTable';
import { FormModal } from '../../components/FormModal';
import { ConfirmDialog } from '../../components/ui';
import { ApiError } from '../../lib/api';
import { formatDate } from '../../lib/format';
import { useFormState } from '../../lib/form';
import { friendlyIban } from './bank-details';
import { BankAccountModal } from './BankAccountModal';
import { useAmendMandate, useBankAccounts, useCreateMandate, useMandates, useRevokeMandate, type BankAccount, type Mandate } from './banking-api';

const STATUS_COLORS: Record<Mandate['status'], string> = { active: 'teal', revoked: 'gray', lapsed: 'orange', consumed: 'gray' };
const todayIso = () => new Date().toISOString().slice(0, 10);

interface MandateForm {
  bankAccountId: string | null;
  reference: string;
  signedOn: string;
  signaturePlace: string;
  type: Mandate['type'];
  scheme: Mandate['scheme'];
  preNotificationDays: number | string;
}

/** Records a signed mandate, or amends one (another account or reference: carried by the next collection). */
function MandateModal({ accountId, mandate, banks, onClose }: { accountId: string; mandate: Mandate | null; banks: BankAccount[]; onClose: () => void }) {
  const { t } = useTranslation();
  const create = useCreateMandate();
  const amend = useAmendMandate(mandate?.id ?? '');
  const save = mandate ? amend : create;
  const { values, set, text } = useFormState<MandateForm>(() => ({
    bankAccountId: mandate?.bankAccountId ?? banks[0]?.id ?? null,
    reference: mandate?.reference ?? '',
    signedOn: mandate?.signedOn ?? todayIso(),
    signaturePlace: mandate?.signaturePlace ?? '',
    type: mandate?.type ?? 'recurrent',
    scheme: mandate?.scheme ?? 'CORE',
    preNotificationDays: mandate?.preNotificationDays ?? 14,
  }));
  const errors = save.error instanceof ApiError ? save.error.fields : {};
  const days = Number(values.preNotificationDays) || 14;
  const submit = () => {
    if (mandate) {
      amend.mutate({ bankAccountId: values.bankAccountId ?? undefined, reference: values.reference.trim(), signaturePlace: values.signaturePlace.trim(), preNotificationDays: days }, { onSuccess: onClose });
    } else {
      create.mutate(
        { accountId, bankAccountId: values.bankAccountId ?? '', reference: values.reference.trim(), signedOn: values.signedOn, signaturePlace: values.signaturePlace.trim(), type: values.type, scheme: values.scheme, preNotificationDays: days },
        { onSuccess: onClose },
      );
    }
  };
  return (
    <FormModal
      title={mandate ? t('banking.mandates.amend') : t('banking.mandates.new')}
      size="lg"
      onClose={onClose}
      onSubmit={submit}
      error={save.error}
      shownFields={['bankAccountId', 'reference', 'signedOn', 'signaturePlace', 'type', 'scheme', 'preNotificationDays']}
      submitLabel={mandate ? t('common.save') : t('common.create')}
      loading={save.isPending}
    >
      {mandate ? <Text size="sm">{t('banking.mandates.amendHelp')}</Text> : null}
      <Select
        label={t('banking.mandates.bankAccount')}
        data={banks.map((b) => ({ value: b.id, label: `${b.label ?? b.holder} — ${friendlyIban(b.iban)}` }))}
        value={values.bankAccountId}
        onChange={(v) => set('bankAccountId', v)}
        error={errors['bankAccountId']}
        required
        comboboxProps={{ withinPortal: true }}
      />
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <TextInput label={t('banking.mandates.reference')} required maxLength={35} {...text('reference', errors)} />
        <TextInput label={t('banking.mandates.signaturePlace')} required {...text('signaturePlace', errors)} />
        <TextInput label={t('banking.mandates.signedOn')} type="date" required disabled={Boolean(mandate)} {...text('signedOn', errors)} />
        <NumberInput label={t('banking.mandates.preNotificationDays')} min={1} max={60} value={values.preNotificationDays} onChange={(v) => set('preNotificationDays', v)} error={errors['preNotificationDays']} />
        <Select
          label={t('banking.mandates.type')}
          data={(['recurrent', 'oneOff'] as const).map((v) => ({ value: v, label: t(`banking.mandates.types.${v}`) }))}
          value={values.type}
          onChange={(v) => v && set('type', v as Mandate['type'])}
          disabled={Boolean(mandate)}
          comboboxProps={{ withinPortal: true }}
        />
        <Select label={t('banking.mandates.scheme')} data={['CORE', 'B2B']} value={values.scheme} onChange={(v) => v && set('scheme', v as Mandate['scheme'])} disabled={Boolean(mandate)} comboboxProps={{ withinPortal: true }} />
      </SimpleGrid>
    </FormModal>
  );
}

/** Customer page: the customer's bank accounts and SEPA mandates (record, amend, revoke). */
export function CustomerBankingPanel({ accountId, name }: { accountId: string; name: string }) {
  const { t } = useTranslation();
  const can = useCan();
  const banks = useBankAccounts(accountId);
  const mandates = useMandates(accountId);
  const revoke = useRevokeMandate();
  const [editingBank, setEditingBank] = useState<BankAccount | 'new' | null>(null);
  const [editingMandate, setEditingMandate] = useState<Mandate | 'new' | null>(null);
  const [revoking, setRevoking] = useState<Mandate | null>(null);
  if (!can('banking:read')) return null;
  const bankRows = banks.data?.data ?? [];
  const mandateRows = mandates.data?.data ?? [];
  const write = can('banking:write');
  return (
    <Paper withBorder p="lg" mt="md" component="section" aria-label={t('banking.customer.title')}>
      <Group justify="space-between" mb="md">
        <Title order={2} fz="md" fw={650}>
          {t('banking.customer.title')}
        </Title>
        {write ? (
          <Group gap="xs">
            <Button size="xs" variant="default" leftSection={<IconPlus />} onClick={() => setEditingBank('new')}>
              {t('banking.accounts.new')}
            </Button>
            <Button size="xs" leftSection={<IconPlus />} onClick={() => setEditingMandate('new')} disabled={!bankRows.length}>
              {t('banking.mandates.new')}
            </Button>
          </Group>
        ) : null}
      </Group>
      <Stack gap="md">
        {bankRows.length ? (
          <Table aria-label={t('banking.customer.accounts')}>
            <Table.Tbody>
              {bankRows.map((b) => (
                <Table.Tr key={b.id}>
                  <Table.Td>{b.label ?? b.holder}</Table.Td>
                  <Table.Td ff="monospace" fz="sm">
                    {friendlyIban(b.iban)}
                  </Table.Td>
                  <Table.Td ff="monospace" fz="sm">
                    {b.bic ?? '—'}
                  </Table.Td>
                  <Table.Td w={50}>{write ? <EditAction label={t('banking.accounts.editOne', { name: b.label ?? b.holder })} onClick={() => setEditingBank(b)} /> : null}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        ) : (
          <Text size="sm" c="dimmed">
            {t('banking.customer.noAccount')}
          </Text>
        )}
        {mandateRows.length ? (
          <Table aria-label={t('banking.customer.mandates')}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('banking.mandates.reference')}</Table.Th>
                <Table.Th scope="col">{t('banking.mandates.iban')}</Table.Th>
                <Table.Th scope="col">{t('banking.mandates.signedOn')}</Table.Th>
                <Table.Th scope="col">{t('banking.mandates.status')}</Table.Th>
                <Table.Th scope="col">{t('banking.mandates.next')}</Table.Th>
                <Table.Th scope="col" w={130} />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {mandateRows.map((m) => (
                <Table.Tr key={m.id}>
                  <Table.Td ff="monospace" fz="sm">
                    {m.reference}
                  </Table.Td>
                  <Table.Td ff="monospace" fz="sm">
                    {friendlyIban(m.iban)}
                  </Table.Td>
                  <Table.Td>{formatDate(m.signedOn)}</Table.Td>
                  <Table.Td>
                    <Badge color={STATUS_COLORS[m.status]} variant="light">
                      {t(`banking.mandates.statuses.${m.status}`)}
                    </Badge>
                    {m.pendingAmendment ? (
                      <Badge color="violet" variant="light" ml={4}>
                        {t('banking.mandates.amended')}
                      </Badge>
                    ) : null}
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{m.status === 'active' ? `${m.nextSequenceType} · ${t('banking.mandates.lapsesOn', { date: formatDate(m.lapsesOn) })}` : '—'}</Text>
                  </Table.Td>
                  <Table.Td>
                    {write && m.status === 'active' ? (
                      <RowActions>
                        <EditAction label={t('banking.mandates.amendOne', { reference: m.reference })} onClick={() => setEditingMandate(m)} />
                        <Button size="compact-xs" variant="subtle" color="red" onClick={() => setRevoking(m)} aria-label={t('banking.mandates.revokeOne', { reference: m.reference })}>
                          {t('banking.mandates.revoke')}
                        </Button>
                      </RowActions>
                    ) : null}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        ) : (
          <Text size="sm" c="dimmed">
            {t('banking.customer.noMandate')}
          </Text>
        )}
      </Stack>
      {editingBank ? <BankAccountModal account={editingBank === 'new' ? null : editingBank} accountId={accountId} defaultHolder={name} onClose={() => setEditingBank(null)} /> : null}
      {editingMandate ? <MandateModal accountId={accountId} mandate={editingMandate === 'new' ? null : editingMandate} banks={bankRows} onClose={() => setEditingMandate(null)} /> : null}
      <ConfirmDialog
        opened={Boolean(revoking)}
        title={t('banking.mandates.revokeTitle')}
        message={t('banking.mandates.revokeConfirm', { reference: revoking?.reference ?? '' })}
        confirmLabel={t('banking.mandates.revoke')}
        loading={revoke.isPending}
        error={revoke.error}
        onClose={() => setRevoking(null)}
        onConfirm={() => revoking && revoke.mutate(revoking.id, { onSuccess: () => setRevoking(null) })}
      />
    </Paper>
  );
}
