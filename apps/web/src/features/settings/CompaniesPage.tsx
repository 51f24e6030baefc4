import { Badge, Button, Checkbox, Divider, Group, Paper, Select, SimpleGrid, Text, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Schemas } from '@comptoir/api-client';
import { useCan, useMe } from '../../app/session';
import { useCompanyKey } from '../../app/company';
import { api, ApiError, unwrap } from '../../lib/api';
import { changedStrings, nonEmpty, useFormState } from '../../lib/form';
import { formatSiren } from '../../lib/format';
import { AddressFields, addressBody, toAddressState, type AddressState } from '../../components/AddressFields';
import { IconBuilding, IconPlus } from '../../components/icons';
import { FormModal } from '../../components/FormModal';
import { EditAction, SettingsTable } from '../../components/SettingsTable';
import { EmptyBlock, PageHeader, QueryFallback } from '../../components/ui';
import { useCompanies, type Company } from './org-api';

type LegalForm = NonNullable<Schemas['CreateCompanyDto']['legalForm']>;
type VatRegime = NonNullable<Schemas['CreateCompanyDto']['vatRegime']>;
const LEGAL_FORMS: LegalForm[] = ['SAS', 'SASU', 'SARL', 'EURL', 'SA', 'SNC', 'SCI', 'SCOP', 'EI', 'EIRL', 'ASSOCIATION', 'OTHER'];
const VAT_REGIMES: VatRegime[] = ['normal', 'franchise', 'debits'];

interface CompanyForm {
  legalName: string;
  siren: string;
  vatNumber: string;
  shareCapital: string;
  rcs: string;
  timeZone: string;
  legalForm: LegalForm | null;
  vatRegime: VatRegime;
  isSandbox: boolean;
  address: AddressState;
  establishmentName: string;
  establishmentSiret: string;
  sepaCreditorId: string;
}

function toForm(c: Company | null): CompanyForm {
  return {
    legalName: c?.legalName ?? '',
    siren: c?.siren ?? '',
    vatNumber: c?.vatNumber ?? '',
    shareCapital: c?.shareCapital ?? '',
    rcs: c?.rcs ?? '',
    timeZone: c?.timeZone ?? 'Europe/Paris',
    legalForm: (c?.legalForm as LegalForm | null) ?? null,
    vatRegime: c?.vatRegime ?? 'normal',
    isSandbox: c?.isSandbox ?? false,
    address: toAddressState(c?.address),
    establishmentName: '',
    establishmentSiret: '',
    sepaCreditorId: c?.sepaCreditorId ?? '',
  };
}

const SHOWN = ['legalName', 'siren', 'vatNumber', 'shareCapital', 'rcs', 'timeZone', 'legalForm', 'vatRegime', 'isSandbox', 'establishment', 'establishment.name', 'establishment.siret', 'sepaCreditorId'].concat(
  ['line1', 'line2', 'postalCode', 'city', 'country'].map((f) => `address.${f}`),
);

function CompanyModal({ company, onClose }: { company: Company | null; onClose: () => void }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const key = useCompanyKey();
  const [initial] = useState(() => toForm(company));
  const { values, set, text } = useFormState<CompanyForm>(initial);

  const save = useMutation({
    mutationFn: async () => {
      const strings = { legalName: values.legalName, vatNumber: values.vatNumber, shareCapital: values.shareCapital.replace(',', '.'), rcs: values.rcs, timeZone: values.timeZone };
      if (company) {
        const before = { legalName: initial.legalName, vatNumber: initial.vatNumber, shareCapital: initial.shareCapital, rcs: initial.rcs, timeZone: initial.timeZone };
        const body: Record<string, unknown> = changedStrings(before, strings, ['legalName', 'timeZone']);
        if (values.legalForm !== initial.legalForm) body['legalForm'] = values.legalForm;
        if (values.vatRegime !== initial.vatRegime) body['vatRegime'] = values.vatRegime;
        if (JSON.stringify(values.address) !== JSON.stringify(initial.address)) body['address'] = addressBody(values.address) ?? null;
        if (values.sepaCreditorId.trim() !== initial.sepaCreditorId) body['sepaCreditorId'] = values.sepaCreditorId.trim() || null;
        return unwrap(api.PATCH('/api/v1/companies/{id}', { params: { path: { id: company.id } }, body: body as Schemas['UpdateCompanyDto'] }));
      }
      const body: Schemas['CreateCompanyDto'] = {
        ...nonEmpty(strings),
        legalName: values.legalName.trim(),
        siren: values.siren.replace(/\s/g, ''),
        vatRegime: values.vatRegime,
        isSandbox: values.isSandbox,
      };
      if (values.legalForm) body.legalForm = values.legalForm;
      const address = addressBody(values.address);
      if (address) body.address = address;
      if (values.establishmentName.trim() || values.establishmentSiret.trim()) {
        body.establishment = { name: values.establishmentName.trim(), siret: values.establishmentSiret.replace(/\s/g, '') };
      }
      return unwrap(api.POST('/api/v1/companies', { body }));
    },
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: key('companies') });
      void client.invalidateQueries({ predicate: (q) => q.queryKey[2] === 'me' });
      onClose();
    },
  });
  const errors = save.error instanceof ApiError ? save.error.fields : {};
  const submit = () => {
    save.mutate();
  };

  return (
    <FormModal title={company ? t('settings.companies.edit') : t('settings.companies.new')} size="xl" onClose={onClose} onSubmit={submit} error={save.error} shownFields={SHOWN} submitLabel={company ? t('common.save') : t('common.create')} loading={save.isPending}>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <TextInput label={t('settings.companies.fields.legalName')} required {...text('legalName', errors)} />
        <TextInput
          label={t('settings.companies.fields.siren')}
          required={!company}
          disabled={Boolean(company)}
          description={company ? t('settings.companies.sirenLocked') : undefined}
          inputMode="numeric"
          {...text('siren', errors)}
        />
        <Select
          label={t('settings.companies.fields.legalForm')}
          data={LEGAL_FORMS.map((f) => ({ value: f, label: f === 'OTHER' ? t('settings.companies.otherForm') : f }))}
          value={values.legalForm}
          onChange={(v) => set('legalForm', v as LegalForm | null)}
          error={errors['legalForm']}
          clearable
        />
        <TextInput label={t('settings.companies.fields.vatNumber')} {...text('vatNumber', errors)} />
        <TextInput label={t('settings.companies.fields.shareCapital')} inputMode="decimal" rightSection={<Text size="xs" c="dimmed">€</Text>} {...text('shareCapital', errors)} />
        <TextInput label={t('settings.companies.fields.rcs')} placeholder="RCS Paris" {...text('rcs', errors)} />
        <Select
          label={t('settings.companies.fields.vatRegime')}
          data={VAT_REGIMES.map((r) => ({ value: r, label: t(`settings.companies.vatRegimes.${r}`) }))}
          value={values.vatRegime}
          onChange={(v) => v && set('vatRegime', v as VatRegime)}
          allowDeselect={false}
          error={errors['vatRegime']}
        />
        <TextInput label={t('settings.companies.fields.timeZone')} {...text('timeZone', errors)} />
        {company ? <TextInput label={t('banking.creditor.title')} placeholder="FR72ZZZ123456" {...text('sepaCreditorId', errors)} /> : null}
      </SimpleGrid>
      {!company ? (
        <Checkbox label={t('settings.companies.fields.isSandbox')} checked={values.isSandbox} onChange={(e) => set('isSandbox', e.currentTarget.checked)} error={errors['isSandbox']} />
      ) : null}
      <Divider label={t('settings.companies.addressTitle')} labelPosition="left" />
      <AddressFields value={values.address} onChange={(v) => set('address', v)} errors={errors} prefix="address" />
      {!company ? (
        <>
          <Divider label={t('settings.companies.establishmentTitle')} labelPosition="left" />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput label={t('settings.companies.fields.establishmentName')} {...text('establishmentName')} error={errors['establishment.name'] ?? errors['establishment']} />
            <TextInput label={t('settings.companies.fields.establishmentSiret')} inputMode="numeric" {...text('establishmentSiret')} error={errors['establishment.siret']} />
          </SimpleGrid>
        </>
      ) : null}
    </FormModal>
  );
}

export function CompaniesPage() {
  const { t } = useTranslation();
  const me = useMe();
  const can = useCan();
  const companies = useCompanies();
  const [editing, setEditing] = useState<Company | 'new' | null>(null);
  const writable = can('org:write');

  return (
    <>
      <PageHeader
        title={t('settings.companies.title')}
        description={t('settings.companies.subtitle')}
        actions={
          writable ? (
            <Button leftSection={<IconPlus />} onClick={() => setEditing('new')}>
              {t('settings.companies.new')}
            </Button>
          ) : null
        }
      />
      <Paper withBorder>
        {!companies.isSuccess || companies.data.data.length === 0 ? (
          <QueryFallback query={companies} empty={<EmptyBlock icon={<IconBuilding size={26} />} title={t('settings.companies.empty')} />} />
        ) : (
          <SettingsTable
            label={t('settings.companies.tableLabel')}
            minWidth={800}
            rows={companies.data.data}
            columns={[
              {
                header: t('settings.companies.fields.legalName'),
                cell: (c) => (
                  <Group gap="xs">
                    <Text size="sm" fw={600}>
                      {c.legalName}
                    </Text>
                    {c.id === me.company.id ? (
                      <Badge size="xs" variant="light" color="teal">
                        {t('settings.companies.current')}
                      </Badge>
                    ) : null}
                    {c.isSandbox ? (
                      <Badge size="xs" variant="light" color="yellow">
                        {t('settings.companies.sandbox')}
                      </Badge>
                    ) : null}
                  </Group>
                ),
              },
              { header: t('settings.companies.fields.siren'), td: { ff: 'monospace', fz: 'sm' }, cell: (c) => formatSiren(c.siren) },
              { header: t('settings.companies.fields.legalForm'), td: { fz: 'sm' }, cell: (c) => c.legalForm ?? '—' },
              { header: t('settings.companies.fields.vatNumber'), td: { fz: 'sm' }, cell: (c) => c.vatNumber ?? '—' },
              { header: t('settings.companies.fields.vatRegime'), td: { fz: 'sm' }, cell: (c) => t(`settings.companies.vatRegimes.${c.vatRegime}`) },
              { header: t('settings.companies.fields.city'), td: { fz: 'sm' }, cell: (c) => c.address?.city ?? '—' },
            ]}
            actions={writable ? (c) => <EditAction label={t('settings.companies.editNamed', { name: c.legalName })} onClick={() => setEditing(c)} /> : undefined}
          />
        )}
      </Paper>
      {editing ? <CompanyModal key={editing === 'new' ? 'new' : editing.id} company={editing === 'new' ? null : editing} onClose={() => setEditing(null)} /> : null}
    </>
  );
}
