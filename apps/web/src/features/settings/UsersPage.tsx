import { Alert, Badge, Button, Group, Paper, Select, Text, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCan, useMe } from '../../app/session';
import { useCompanyKey } from '../../app/company';
import { api, ApiError, unwrap } from '../../lib/api';
import { formatDate } from '../../lib/format';
import { IconCheck, IconUserPlus, IconUsers } from '../../components/icons';
import { FormModal } from '../../components/FormModal';
import { useConfirmTarget } from '../../components/useConfirmTarget';
import { DeleteAction, SettingsTable } from '../../components/SettingsTable';
import { ConfirmDialog, EmptyBlock, FormErrorAlert, PageHeader, QueryFallback } from '../../components/ui';
import { useUsers, type User } from './org-api';
import { ROLES, roleLabel, type Role } from './roles';

function InviteModal({ onClose, onInvited }: { onClose: () => void; onInvited: (message: string) => void }) {
  const { t } = useTranslation();
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<Role>('sales');
  const invite = useMutation({
    mutationFn: () => unwrap(api.POST('/api/v1/invitations', { body: { email: email.trim(), role } })),
    onSuccess: (invitation) => {
      onInvited(t('settings.users.invited', { email: invitation.email, date: formatDate(invitation.expiresAt) }));
      onClose();
    },
  });
  const errors = invite.error instanceof ApiError ? invite.error.fields : {};
  const submit = () => {
    invite.mutate();
  };
  return (
    <FormModal title={t('settings.users.invite')} onClose={onClose} onSubmit={submit} error={invite.error} shownFields={['email', 'role']} submitLabel={t('settings.users.sendInvite')} loading={invite.isPending}>
      <TextInput label={t('settings.users.fields.email')} type="email" required value={email} onChange={(e) => setEmail(e.currentTarget.value)} error={errors['email']} data-autofocus />
      <Select
        label={t('settings.users.fields.role')}
        data={ROLES.map((r) => ({ value: r, label: roleLabel(t, r) }))}
        value={role}
        onChange={(v) => v && setRole(v as Role)}
        allowDeselect={false}
        error={errors['role']}
        description={t(`settings.users.roleHelp.${role}`)}
      />
    </FormModal>
  );
}

export function UsersPage() {
  const { t } = useTranslation();
  const me = useMe();
  const can = useCan();
  const client = useQueryClient();
  const key = useCompanyKey();
  const users = useUsers();
  const [inviting, setInviting] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const writable = can('org:write');

  const setRole = useMutation({
    mutationFn: ({ id, role }: { id: string; role: Role }) => unwrap(api.PUT('/api/v1/users/{id}/role', { params: { path: { id } }, body: { role } })),
    onSuccess: (user) => {
      setNotice(t('settings.users.roleChanged', { name: user.name, role: roleLabel(t, user.role) }));
      void client.invalidateQueries({ queryKey: key('users') });
    },
  });
  const remove = useMutation({
    mutationFn: (id: string) => unwrap(api.DELETE('/api/v1/users/{id}/role', { params: { path: { id } } })),
    onSuccess: () => void client.invalidateQueries({ queryKey: key('users') }),
  });
  const removing = useConfirmTarget<User, unknown>(remove);

  return (
    <>
      <PageHeader
        title={t('settings.users.title')}
        description={t('settings.users.subtitle', { company: me.company.legalName })}
        actions={
          writable ? (
            <Button leftSection={<IconUserPlus />} onClick={() => setInviting(true)}>
              {t('settings.users.invite')}
            </Button>
          ) : null
        }
      />
      {notice ? (
        <Alert color="teal" variant="light" icon={<IconCheck />} role="status" mb="md" withCloseButton closeButtonLabel={t('common.close')} onClose={() => setNotice(null)}>
          {notice}
        </Alert>
      ) : null}
      {setRole.error ? (
        <div style={{ marginBottom: 16 }}>
          <FormErrorAlert error={setRole.error} />
        </div>
      ) : null}
      <Paper withBorder>
        {!users.isSuccess || users.data.data.length === 0 ? (
          <QueryFallback query={users} empty={<EmptyBlock icon={<IconUsers size={26} />} title={t('settings.users.empty')} />} />
        ) : (
          <SettingsTable
            label={t('settings.users.tableLabel')}
            minWidth={720}
            rows={users.data.data}
            columns={[
              {
                header: t('settings.users.fields.name'),
                cell: (u) => (
                  <Group gap="xs">
                    <Text size="sm" fw={600}>
                      {u.name}
                    </Text>
                    {u.id === me.id ? (
                      <Badge size="xs" variant="light" color="gray">
                        {t('settings.users.you')}
                      </Badge>
                    ) : null}
                  </Group>
                ),
              },
              { header: t('settings.users.fields.email'), td: { fz: 'sm' }, cell: (u) => u.email },
              {
                header: t('settings.users.fields.role'),
                width: 220,
                cell: (u) =>
                  writable && u.id !== me.id ? (
                    <Select
                      aria-label={t('settings.users.changeRole', { name: u.name })}
                      size="xs"
                      data={ROLES.map((r) => ({ value: r, label: roleLabel(t, r) }))}
                      value={u.role}
                      onChange={(v) => v && v !== u.role && setRole.mutate({ id: u.id, role: v as Role })}
                      allowDeselect={false}
                      disabled={setRole.isPending && setRole.variables?.id === u.id}
                    />
                  ) : (
                    <Badge variant="light">{roleLabel(t, u.role)}</Badge>
                  ),
              },
              { header: t('settings.users.fields.createdAt'), td: { fz: 'sm' }, cell: (u) => formatDate(u.createdAt) },
            ]}
            actions={
              writable
                ? (u) =>
                    u.id !== me.id ? (
                      <DeleteAction label={t('settings.users.removeNamed', { name: u.name })} tooltip={t('settings.users.remove')} onClick={() => removing.ask(u)} />
                    ) : null
                : undefined
            }
          />
        )}
      </Paper>
      {inviting ? <InviteModal onClose={() => setInviting(false)} onInvited={setNotice} /> : null}
      <ConfirmDialog
        {...removing.dialog}
        title={t('settings.users.remove')}
        message={t('settings.users.removeConfirm', { name: removing.target?.name ?? '', company: me.company.legalName })}
        confirmLabel={t('settings.users.remove')}
      />
    </>
  );
}
