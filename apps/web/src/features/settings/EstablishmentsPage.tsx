import { Badge, Button, Checkbox, Divider, FileButton, Group, Image, Input, Paper, SimpleGrid, Text, Textarea, TextInput } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Schemas } from '@comptoir/api-client';
import { useCan, useMe } from '../../app/session';
import { useCompanyKey } from '../../app/company';
import { api, ApiError, unwrap } from '../../lib/api';
import { changedStrings, nonEmpty, useFormState } from '../../lib/form';
import { formatSiret } from '../../lib/format';
import { AddressFields, addressBody, toAddressState, type AddressState } from '../../components/AddressFields';
import { IconPlus, IconStore } from '../../components/icons';
import { FormModal } from '../../components/FormModal';
import { EditAction, SettingsTable } from '../../components/SettingsTable';
import { EmptyBlock, PageHeader, QueryFallback } from '../../components/ui';
import { useEstablishments, type Establishment } from './org-api';

interface EstablishmentForm {
  name: string;
  siret: string;
  documentHeader: string;
  documentFooter: string;
  isDefault: boolean;
  address: AddressState;
}

const SHOWN = ['name', 'siret', 'documentHeader', 'documentFooter', 'logo', 'isDefault'].concat(['line1', 'line2', 'postalCode', 'city', 'country'].map((f) => `address.${f}`));

/** As the API checks it again: PNG or JPEG (no SVG, which can carry scripts), at most 300 kB. */
const LOGO_TYPES = 'image/png,image/jpeg';
const LOGO_MAX_BYTES = 300_000;

function readDataUrl(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () => reject(reader.error ?? new Error('unreadable file'));
    reader.readAsDataURL(file);
  });
}

/**
 * The logo printed on the establishment's documents. `value` is the new logo (a data URL), null to remove
 * it, undefined to keep `current` (lists carry only hasLogo, so the current one is fetched to preview it).
 */
function LogoField({ current, value, onChange, error }: { current: string | null; value: string | null | undefined; onChange: (logo: string | null | undefined) => void; error?: string }) {
  const { t } = useTranslation();
  const [tooBig, setTooBig] = useState(false);
  const shown = value === undefined ? current : value;
  const pick = async (file: File | null) => {
    if (!file) return;
    setTooBig(file.size > LOGO_MAX_BYTES);
    if (file.size <= LOGO_MAX_BYTES) onChange(await readDataUrl(file));
  };
  return (
    <Input.Wrapper label={t('settings.establishments.fields.logo')} description={t('settings.establishments.logoHint')} error={tooBig ? t('settings.establishments.logoTooBig') : error}>
      <Group mt="xs" align="center">
        {shown ? <Image src={shown} alt={t('settings.establishments.logoPreview')} h={56} w="auto" maw={200} fit="contain" /> : <Text size="sm" c="dimmed">{t('settings.establishments.noLogo')}</Text>}
        <FileButton onChange={(file) => void pick(file)} accept={LOGO_TYPES}>
          {(props) => (
            <Button variant="default" size="xs" {...props}>
              {shown ? t('settings.establishments.replaceLogo') : t('settings.establishments.chooseLogo')}
            </Button>
          )}
        </FileButton>
        {shown ? (
          <Button variant="subtle" color="red" size="xs" onClick={() => onChange(null)}>
            {t('settings.establishments.removeLogo')}
          </Button>
        ) : null}
      </Group>
    </Input.Wrapper>
  );
}

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
  const [logo, setLogo] = useState<string | null | undefined>(undefined);
  const current = useQuery({
    queryKey: key('establishments', establishment?.id),
    queryFn: () => unwrap(api.GET('/api/v1/establishments/{id}', { params: { path: { id: establishment!.id } } })),
    enabled: establishment?.hasLogo === true,
  });

  const save = useMutation({
    mutationFn: async () => {
      const strings = { name: values.name, siret: values.siret.replace(/\s/g, ''), documentHeader: values.documentHeader, documentFooter: values.documentFooter };
      if (establishment) {
        const before = { name: initial.name, siret: initial.siret, documentHeader: initial.documentHeader, documentFooter: initial.documentFooter };
        const body: Record<string, unknown> = changedStrings(before, strings, ['name', 'siret']);
        if (values.isDefault !== initial.isDefault) body['isDefault'] = values.isDefault;
        if (JSON.stringify(values.address) !== JSON.stringify(initial.address)) body['address'] = addressBody(values.address) ?? null;
        if (logo !== undefined) body['logo'] = logo;
        return unwrap(
          api.PATCH('/api/v1/establishments/{id}', { params: { path: { id: establishment.id } }, body: body as Schemas['UpdateEstablishmentDto'] }),
        );
      }
      const body: Schemas['CreateEstablishmentDto'] = { ...nonEmpty(strings), name: strings.name.trim(), siret: strings.siret, isDefault: values.isDefault };
      const address = addressBody(values.address);
      if (address) body.address = address;
      if (logo) body.logo = logo;
      return unwrap(api.POST('/api/v1/establishments', { body }));
    },
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: key('establishments') });
      onClose();
    },
  });
  const errors = save.error instanceof ApiError ? save.error.fields : {};
  const submit = () => {
    save.mutate();
  };

  return (
    <FormModal title={establishment ? t('settings.establishments.edit') : t('settings.establishments.new')} size="xl" onClose={onClose} onSubmit={submit} error={save.error} shownFields={SHOWN} submitLabel={establishment ? t('common.save') : t('common.create')} loading={save.isPending}>
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
      <LogoField current={current.data?.logo ?? null} value={logo} onChange={setLogo} error={errors['logo']} />
    </FormModal>
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
          <SettingsTable
            label={t('settings.establishments.tableLabel')}
            minWidth={700}
            rows={establishments.data.data}
            columns={[
              {
                header: t('settings.establishments.fields.name'),
                cell: (e) => (
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
                ),
              },
              { header: t('settings.establishments.fields.siret'), td: { ff: 'monospace', fz: 'sm' }, cell: (e) => formatSiret(e.siret) },
              { header: t('settings.establishments.fields.city'), td: { fz: 'sm' }, cell: (e) => (e.address ? `${e.address.postalCode} ${e.address.city}` : '—') },
            ]}
            actions={writable ? (e) => <EditAction label={t('settings.establishments.editNamed', { name: e.name })} onClick={() => setEditing(e)} /> : undefined}
          />
        )}
      </Paper>
      {editing ? (
        <EstablishmentModal key={editing === 'new' ? 'new' : editing.id} establishment={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />
      ) : null}
    </>
  );
}
