import { ActionIcon, Badge, Button, Checkbox, Divider, Group, Modal, Paper, SimpleGrid, Stack, Table, Text, Textarea, TextInput, Tooltip } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Schemas } from '@comptoir/api-client';
import { useCan, useMe } from '../../app/session';
import { useCompanyKey } from '../../app/company';
import { api, ApiError, unwrap } from '../../lib/api';
import { changedStrings, nonEmpty, useFormState } from '../../lib/form';
import { formatSiret } from '../../lib/format';
import { AddressFields, addressBody, toAddressState, type AddressState } from '../../components/AddressFields';
import { IconPencil, IconPlus, IconStore } from '../../components/icons';
import { EmptyBlock, FormActions, FormErrorAlert, PageHeader, QueryFallback } from '../../components/ui';
import { useEstablishments, type Establishment } from './org-api';

interface EstablishmentForm {
  name: string;
  siret: string;
  documentHeader: string;
  documentFooter: string;
  isDefault: boolean;
  address: AddressState;
}

const SHOWN = ['name', 'siret', 'documentHeader', 'documentFooter', 'isDefault'].concat(['line1', 'line2', 'postalCode', 'city', 'country'].map((f) => `address.${f}`));

function EstablishmentModal({ establishment, onClose }: { establishment: Establishment | null; onClose: () => void }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const key = useCompanyKey();
  const [initial] = useState<EstablishmentForm>(() => ({
    name: establishment?.name ?? '',
    siret: establishment?.siret ?? '',
    documentHeader: establishment?.documentHeader ?? '',
    documentFooter: establishment?.documentFooter ?? '',
    isDefault: establishment?.isDefault ?? false,
    address: toAddressState(establishment?.address),
  }));
  const { values, set, text } = useFormState<EstablishmentForm>(initial);

  const save = useMutation({
    mutationFn: async () => {
      const strings = { name: values.name, siret: values.siret.replace(/\s/g, ''), documentHeader: values.documentHeader, documentFooter: values.documentFooter };
      if (establishment) {
        const before = { name: initial.name, siret: initial.siret, documentHeader: initial.documentHeader, documentFooter: initial.documentFooter };
        const body: Record<string, unknown> = changedStrings(before, strings, ['name', 'siret']);
        if (values.isDefault !== initial.isDefault) body['isDefault'] = values.isDefault;
        if (JSON.stringify(values.address) !== JSON.stringify(initial.address)) body['address'] = addressBody(values.address) ?? null;
        return unwrap(
          api.PATCH('/api/v1/establishments/{id}', { params: { path: { id: establishment.id } }, body: body as Schemas['UpdateEstablishmentDto'] }),
        );
      }
      const body: Schemas['CreateEstablishmentDto'] = { ...nonEmpty(strings), name: strings.name.trim(), siret: strings.siret, isDefault: values.isDefault };
      const address = addressBody(values.address);
      if (address) body.address = address;
      return unwrap(api.POST('/api/v1/establishments', { body }));
    },
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: key('establishments') });
      onClose();
    },
  });
  const errors = save.error instanceof ApiError ? save.error.fields : {};
  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate();
  };

  return (
    <Modal opened onClose={onClose} title={establishment ? t('settings.establishments.edit') : t('settings.establishments.new')} size="xl" centered>
      <form onSubmit={submit} noValidate>
        <Stack>
          {save.error ? <FormErrorAlert error={save.error} shownFields={SHOWN} /> : null}
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput label={t('settings.establishments.fields.name')} required {...text('name', errors)} />
            <TextInput label={t('settings.establishments.fields.siret')} required inputMode="numeric" description={t('settings.establishments.siretHint')} {...text('siret', errors)} />
          </SimpleGrid>
          <Checkbox
            label={t('settings.establishments.fields.isDefault')}
            checked={values.isDefault}
            onChange={(e) => set('isDefault', e.currentTarget.checked)}
            error={errors['isDefault']}
          />
          <Divider label={t('settings.establishments.addressTitle')} labelPosition="left" />
          <AddressFields value={values.address} onChange={(v) => set('address', v)} errors={errors} prefix="address" />
          <Divider label={t('settings.establishments.documentsTitle')} labelPosition="left" />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <Textarea label={t('settings.establishments.fields.documentHeader')} autosize minRows={3} {...text('documentHeader', errors)} />
            <Textarea label={t('settings.establishments.fields.documentFooter')} autosize minRows={3} {...text('documentFooter', errors)} />
          </SimpleGrid>
          <FormActions onCancel={onClose} submitLabel={establishment ? t('common.save') : t('common.create')} loading={save.isPending} />
        </Stack>
      </form>
    </Modal>
  );
}

export function EstablishmentsPage() {
  const { t } = useTranslation();
  const me = useMe();
  const can = useCan();
  const establishments = useEstablishments();
  const [editing, setEditing] = useState<Establishment | 'new' | null>(null);
  const writable = can('org:write');

  return (
    <>
      <PageHeader
        title={t('settings.establishments.title')}
        description={t('settings.establishments.subtitle', { company: me.company.legalName })}
        actions={
          writable ? (
            <Button leftSection={<IconPlus />} onClick={() => setEditing('new')}>
              {t('settings.establishments.new')}
            </Button>
          ) : null
        }
      />
      <Paper withBorder>
        {!establishments.isSuccess || establishments.data.data.length === 0 ? (
          <QueryFallback query={establishments} empty={<EmptyBlock
            icon={<IconStore size={26} />}
            title={t('settings.establishments.empty')}
            description={t('settings.establishments.emptyDescription')}
            action={
              writable ? (
                <Button leftSection={<IconPlus />} onClick={() => setEditing('new')}>
                  {t('settings.establishments.new')}
                </Button>
              ) : null
            }
          />} />
        ) : (
          <Table.ScrollContainer minWidth={700}>
            <Table aria-label={t('settings.establishments.tableLabel')}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('settings.establishments.fields.name')}</Table.Th>
                  <Table.Th scope="col">{t('settings.establishments.fields.siret')}</Table.Th>
                  <Table.Th scope="col">{t('settings.establishments.fields.city')}</Table.Th>
                  {writable ? (
                    <Table.Th scope="col" w={60}>
                      <span className="sr-only">{t('common.actions')}</span>
                    </Table.Th>
                  ) : null}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {establishments.data.data.map((e) => (
                  <Table.Tr key={e.id}>
                    <Table.Td>
                      <Group gap="xs">
                        <Text size="sm" fw={600}>
                          {e.name}
                        </Text>
                        {e.isDefault ? (
                          <Badge size="xs" variant="light">
                            {t('settings.establishments.default')}
                          </Badge>
                        ) : null}
                      </Group>
                    </Table.Td>
                    <Table.Td ff="monospace" fz="sm">
                      {formatSiret(e.siret)}
                    </Table.Td>
                    <Table.Td fz="sm">{e.address ? `${e.address.postalCode} ${e.address.city}` : '—'}</Table.Td>
                    {writable ? (
                      <Table.Td>
                        <Tooltip label={t('common.edit')}>
                          <ActionIcon variant="subtle" color="gray" aria-label={t('settings.establishments.editNamed', { name: e.name })} onClick={() => setEditing(e)}>
                            <IconPencil size={16} />
                          </ActionIcon>
                        </Tooltip>
                      </Table.Td>
                    ) : null}
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Paper>
      {editing ? (
        <EstablishmentModal key={editing === 'new' ? 'new' : editing.id} establishment={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />
      ) : null}
    </>
  );
}
