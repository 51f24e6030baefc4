import { Button, Code, Paper, Select, Text, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Schemas } from '@comptoir/api-client';
import { useCan } from '../../app/session';
import { useCompanyKey } from '../../app/company';
import { api, ApiError, unwrap } from '../../lib/api';
import { changedStrings, useFormState } from '../../lib/form';
import { IconGrid, IconPlus } from '../../components/icons';
import { FormModal } from '../../components/FormModal';
import { useConfirmTarget } from '../../components/useConfirmTarget';
import { DeleteAction, EditAction, RowActions, SettingsTable } from '../../components/SettingsTable';
import { ConfirmDialog, EmptyBlock, PageHeader, QueryFallback } from '../../components/ui';
import { useEstablishments, useSectors, type Establishment, type Sector } from './org-api';

interface SectorForm {
  code: string;
  name: string;
  establishmentId: string | null;
}

function SectorModal({ sector, establishments, onClose }: { sector: Sector | null; establishments: Establishment[]; onClose: () => void }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const key = useCompanyKey();
  const defaultEstablishment = establishments.find((e) => e.isDefault)?.id ?? establishments[0]?.id ?? null;
  const [initial] = useState<SectorForm>(() => ({ code: sector?.code ?? '', name: sector?.name ?? '', establishmentId: sector?.establishmentId ?? defaultEstablishment }));
  const { values, set, text } = useFormState<SectorForm>(initial);

  const save = useMutation({
    mutationFn: async () => {
      if (sector) {
        const body: Record<string, unknown> = changedStrings({ code: initial.code, name: initial.name }, { code: values.code, name: values.name }, ['code', 'name']);
        if (values.establishmentId !== initial.establishmentId && values.establishmentId) body['establishmentId'] = values.establishmentId;
        return unwrap(api.PATCH('/api/v1/sectors/{id}', { params: { path: { id: sector.id } }, body: body as Schemas['UpdateSectorDto'] }));
      }
      return unwrap(api.POST('/api/v1/sectors', { body: { code: values.code.trim(), name: values.name.trim(), establishmentId: values.establishmentId ?? '' } }));
    },
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: key('sectors') });
      onClose();
    },
  });
  const errors = save.error instanceof ApiError ? save.error.fields : {};
  const submit = () => {
    save.mutate();
  };

  return (
    <FormModal title={sector ? t('settings.sectors.edit') : t('settings.sectors.new')} onClose={onClose} onSubmit={submit} error={save.error} shownFields={['code', 'name', 'establishmentId']} submitLabel={sector ? t('common.save') : t('common.create')} loading={save.isPending}>
      <Select
        label={t('settings.sectors.fields.establishment')}
        data={establishments.map((e) => ({ value: e.id, label: e.name }))}
        value={values.establishmentId}
        onChange={(v) => set('establishmentId', v)}
        error={errors['establishmentId']}
        allowDeselect={false}
        required
      />
      <TextInput label={t('settings.sectors.fields.code')} description={t('settings.sectors.codeHint')} required maxLength={20} {...text('code', errors)} />
      <TextInput label={t('settings.sectors.fields.name')} required {...text('name', errors)} />
    </FormModal>
  );
}

export function SectorsPage() {
  const { t } = useTranslation();
  const can = useCan();
  const client = useQueryClient();
  const key = useCompanyKey();
  const sectors = useSectors();
  const establishments = useEstablishments();
  const [editing, setEditing] = useState<Sector | 'new' | null>(null);
  const writable = can('org:write');
  const establishmentName = useMemo(() => new Map((establishments.data?.data ?? []).map((e) => [e.id, e.name])), [establishments.data]);

  const remove = useMutation({
    mutationFn: (id: string) => unwrap(api.DELETE('/api/v1/sectors/{id}', { params: { path: { id } } })),
    onSuccess: () => void client.invalidateQueries({ queryKey: key('sectors') }),
  });
  const deleting = useConfirmTarget<Sector, unknown>(remove);

  const newButton = writable ? (
    <Button leftSection={<IconPlus />} onClick={() => setEditing('new')} disabled={!establishments.data?.data.length}>
      {t('settings.sectors.new')}
    </Button>
  ) : null;

  return (
    <>
      <PageHeader title={t('settings.sectors.title')} description={t('settings.sectors.subtitle')} actions={newButton} />
      <Paper withBorder>
        {!sectors.isSuccess || sectors.data.data.length === 0 ? (
          <QueryFallback query={sectors} empty={<EmptyBlock icon={<IconGrid size={26} />} title={t('settings.sectors.empty')} description={t('settings.sectors.emptyDescription')} action={newButton} />} />
        ) : (
          <SettingsTable
            label={t('settings.sectors.tableLabel')}
            minWidth={600}
            rows={sectors.data.data}
            columns={[
              { header: t('settings.sectors.fields.code'), width: 140, cell: (s) => <Code>{s.code}</Code> },
              {
                header: t('settings.sectors.fields.name'),
                cell: (s) => (
                  <Text size="sm" fw={600}>
                    {s.name}
                  </Text>
                ),
              },
              { header: t('settings.sectors.fields.establishment'), td: { fz: 'sm' }, cell: (s) => establishmentName.get(s.establishmentId) ?? '—' },
            ]}
            actionsWidth={100}
            actions={
              writable
                ? (s) => (
                    <RowActions>
                      <EditAction label={t('settings.sectors.editNamed', { name: s.name })} onClick={() => setEditing(s)} />
                      <DeleteAction label={t('settings.sectors.deleteNamed', { name: s.name })} onClick={() => deleting.ask(s)} />
                    </RowActions>
                  )
                : undefined
            }
          />
        )}
      </Paper>
      {editing ? (
        <SectorModal
          key={editing === 'new' ? 'new' : editing.id}
          sector={editing === 'new' ? null : editing}
          establishments={establishments.data?.data ?? []}
          onClose={() => setEditing(null)}
        />
      ) : null}
      <ConfirmDialog
        {...deleting.dialog}
        title={t('settings.sectors.delete')}
        message={t('settings.sectors.deleteConfirm', { name: deleting.target?.name ?? '' })}
        confirmLabel={t('common.delete')}
      />
    </>
  );
}
