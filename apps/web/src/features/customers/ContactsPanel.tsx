import { Anchor, Badge, Button, Checkbox, Group, Paper, SimpleGrid, Text, Textarea, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCan } from '../../app/session';
import { ApiError } from '../../lib/api';
import { IconPlus, IconUsers } from '../../components/icons';
import { FormModal } from '../../components/FormModal';
import { useConfirmTarget } from '../../components/useConfirmTarget';
import { DeleteAction, EditAction, RowActions, SettingsTable } from '../../components/SettingsTable';
import { ConfirmDialog, EmptyBlock, ErrorState, LoadingState } from '../../components/ui';
import { useAccountContacts, useDeleteContact, useSaveContact, type Contact, type CreateContactInput, type UpdateContactInput } from './contacts-activities-api';

const FIELDS = ['civility', 'firstName', 'lastName', 'jobTitle', 'email', 'phone', 'mobile', 'notes'] as const;
type Field = (typeof FIELDS)[number];
type ContactForm = Record<Field, string> & { isPrimary: boolean };

function toForm(c: Contact | null): ContactForm {
  return {
    civility: c?.civility ?? '',
    firstName: c?.firstName ?? '',
    lastName: c?.lastName ?? '',
    jobTitle: c?.jobTitle ?? '',
    email: c?.email ?? '',
    phone: c?.phone ?? '',
    mobile: c?.mobile ?? '',
    notes: c?.notes ?? '',
    isPrimary: c?.isPrimary ?? false,
  };
}

function createInput(form: ContactForm): CreateContactInput {
  const input: CreateContactInput = { lastName: form.lastName.trim(), isPrimary: form.isPrimary };
  for (const f of FIELDS) {
    const value = form[f].trim();
    if (value && f !== 'lastName') input[f] = value;
  }
  return input;
}

/**
 * Changed fields only. A cleared optional field is sent as null, which the API documents as "clears
 * the field" (the contract does not mark these fields nullable yet, hence the cast).
 */
function updateInput(initial: ContactForm, form: ContactForm): UpdateContactInput {
  const input: Record<string, string | boolean | null> = {};
  for (const f of FIELDS) {
    const value = form[f].trim();
    if (value !== initial[f].trim()) input[f] = value === '' && f !== 'lastName' ? null : value;
  }
  if (form.isPrimary !== initial.isPrimary) input['isPrimary'] = form.isPrimary;
  return input as UpdateContactInput;
}

function fullName(c: Contact): string {
  return [c.civility, c.firstName, c.lastName].filter(Boolean).join(' ');
}

function ContactModal({ accountId, contact, opened, onClose }: { accountId: string; contact: Contact | null; opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const save = useSaveContact(accountId);
  const [initial] = useState(() => toForm(contact));
  const [form, setForm] = useState(initial);
  const errors = save.error instanceof ApiError ? save.error.fields : {};
  const field = (f: Field) => ({
    label: t(`contacts.fields.${f}`),
    value: form[f],
    onChange: (e: { currentTarget: { value: string } }) => {
      const value = e.currentTarget.value;
      setForm((prev) => ({ ...prev, [f]: value }));
    },
    error: errors[f],
  });
  const submit = () => {
    if (contact) save.mutate({ id: contact.id, changes: updateInput(initial, form) }, { onSuccess: onClose });
    else save.mutate({ contact: createInput(form) }, { onSuccess: onClose });
  };
  return (
    <FormModal opened={opened} title={contact ? t('contacts.edit') : t('contacts.add')} size="lg" onClose={onClose} onSubmit={submit} error={save.error} shownFields={[...FIELDS, 'isPrimary']} submitLabel={t('common.save')} loading={save.isPending}>
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        <TextInput {...field('civility')} placeholder="Mme, M., Dr" />
        <TextInput {...field('firstName')} />
        <TextInput {...field('lastName')} required data-autofocus />
      </SimpleGrid>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <TextInput {...field('jobTitle')} />
        <TextInput {...field('email')} type="email" />
        <TextInput {...field('phone')} type="tel" />
        <TextInput {...field('mobile')} type="tel" />
      </SimpleGrid>
      <Textarea {...field('notes')} autosize minRows={2} />
      <Checkbox
        label={t('contacts.fields.isPrimary')}
        checked={form.isPrimary}
        onChange={(e) => {
          const isPrimary = e.currentTarget.checked;
          setForm((prev) => ({ ...prev, isPrimary }));
        }}
        error={errors['isPrimary']}
      />
    </FormModal>
  );
}

export function ContactsPanel({ accountId }: { accountId: string }) {
  const { t } = useTranslation();
  const can = useCan();
  const contacts = useAccountContacts(accountId);
  const remove = useDeleteContact(accountId);
  const [editing, setEditing] = useState<Contact | 'new' | null>(null);
  const deleting = useConfirmTarget<Contact, unknown>(remove);
  const writable = can('crm:write');

  if (contacts.isPending) return <LoadingState />;
  if (contacts.isError) {
    return <ErrorState error={contacts.error} onRetry={() => void contacts.refetch()} />;
  }
  const rows = contacts.data.data;

  return (
    <Paper withBorder>
      <Group justify="space-between" p="md">
        <Text fw={650}>{t('contacts.title')}</Text>
        {writable ? (
          <Button size="xs" leftSection={<IconPlus size={14} />} onClick={() => setEditing('new')}>
            {t('contacts.add')}
          </Button>
        ) : null}
      </Group>
      {rows.length === 0 ? (
        <EmptyBlock icon={<IconUsers size={26} />} title={t('contacts.empty')} description={t('contacts.emptyDescription')} />
      ) : (
        <SettingsTable
          label={t('contacts.tableLabel')}
          minWidth={720}
          rows={rows}
          columns={[
            {
              header: t('contacts.columns.name'),
              cell: (c) => (
                <Group gap="xs">
                  <Text size="sm" fw={600}>
                    {fullName(c)}
                  </Text>
                  {c.isPrimary ? (
                    <Badge size="xs" variant="light">
                      {t('contacts.primary')}
                    </Badge>
                  ) : null}
                </Group>
              ),
            },
            { header: t('contacts.fields.jobTitle'), td: { fz: 'sm' }, cell: (c) => c.jobTitle ?? '—' },
            { header: t('contacts.fields.email'), td: { fz: 'sm' }, cell: (c) => (c.email ? <Anchor href={`mailto:${c.email}`} size="sm">{c.email}</Anchor> : '—') },
            { header: t('contacts.fields.phone'), td: { fz: 'sm' }, cell: (c) => c.phone ?? c.mobile ?? '—' },
          ]}
          actionsWidth={100}
          actions={
            writable
              ? (c) => (
                  <RowActions>
                    <EditAction label={t('contacts.editNamed', { name: fullName(c) })} onClick={() => setEditing(c)} />
                    <DeleteAction label={t('contacts.deleteNamed', { name: fullName(c) })} onClick={() => deleting.ask(c)} />
                  </RowActions>
                )
              : undefined
          }
        />
      )}
      {editing ? (
        <ContactModal
          key={editing === 'new' ? 'new' : editing.id}
          accountId={accountId}
          contact={editing === 'new' ? null : editing}
          opened
          onClose={() => setEditing(null)}
        />
      ) : null}
      <ConfirmDialog
        {...deleting.dialog}
        title={t('contacts.delete')}
        message={t('contacts.deleteConfirm', { name: deleting.target ? fullName(deleting.target) : '' })}
        confirmLabel={t('common.delete')}
      />
    </Paper>
  );
}
