import { Checkbox, Collapse, Button, Select, SimpleGrid, Stack, Switch, Textarea, TextInput } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useCompanyKey } from '../../../app/company';
import { AccountPicker } from '../../../components/AccountPicker';
import { FormSection } from '../../../components/FormSection';
import { api, unwrap } from '../../../lib/api';
import { useBillingSettings } from '../../ledger/ledger-api';
import { useEstablishments } from '../../settings/org-api';
import { PAYMENT_METHODS, PDF_OPTION_KEYS, type DocumentType, type PaymentMethod } from '../sales-types';
import { secondDateField, type EditorState } from './editor-state';

function useContacts(accountId: string | null) {
  const key = useCompanyKey();
  return useQuery({
    queryKey: key('accounts', 'contacts', accountId),
    queryFn: () => unwrap(api.GET('/api/v1/accounts/{id}/contacts', { params: { path: { id: accountId ?? '' }, query: { limit: 200 } } })),
    enabled: Boolean(accountId),
  });
}

/** Header of a draft: customer and contact, dates, establishment (at creation), payment method, terms, PDF options. */
export function HeaderFields({
  type,
  state,
  set,
  creating,
  errors,
}: {
  type: DocumentType;
  state: EditorState;
  set: <K extends keyof EditorState>(field: K, value: EditorState[K]) => void;
  creating: boolean;
  errors: Record<string, string>;
}) {
  const { t } = useTranslation();
  const contacts = useContacts(state.accountId);
  const establishments = useEstablishments();
  const [pdfOpen, pdf] = useDisclosure(false);
  const dateField = secondDateField(type);
  // A new draft shows the company's PDF options until the user changes one.
  const defaults = useBillingSettings();

  return (
    <Stack gap="lg">
      <FormSection title={t('sales.header.customerSection')}>
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }} spacing="md">
          <AccountPicker
            label={t('sales.header.customer')}
            placeholder={t('sales.header.customerPlaceholder')}
            value={state.accountId}
            selectedName={state.accountName}
            onChange={(id, name) => {
              set('accountId', id);
              set('accountName', name);
              set('contactId', null);
            }}
            error={errors['accountId']}
            required
          />
          <Select
            label={t('sales.header.contact')}
            placeholder={t('common.notSet')}
            data={(contacts.data?.data ?? []).map((c) => ({ value: c.id, label: [c.firstName, c.lastName].filter(Boolean).join(' ') }))}
            value={state.contactId}
            onChange={(v) => set('contactId', v)}
            disabled={!state.accountId}
            clearable
            error={errors['contactId']}
          />
          <TextInput label={t('sales.header.title')} value={state.title} onChange={(e) => set('title', e.currentTarget.value)} error={errors['title']} style={{ gridColumn: 'span 2' }} />
          <TextInput type="date" label={t('sales.header.date')} value={state.date} onChange={(e) => set('date', e.currentTarget.value)} error={errors['date']} required />
          {dateField ? (
            <TextInput type="date" label={t(`sales.header.${dateField}`)} value={state.secondDate} onChange={(e) => set('secondDate', e.currentTarget.value)} error={errors[dateField]} />
          ) : null}
          {creating ? (
            <Select
              label={t('sales.header.establishment')}
              placeholder={t('sales.header.defaultEstablishment')}
              data={(establishments.data?.data ?? []).map((e) => ({ value: e.id, label: e.name }))}
              value={state.establishmentId}
              onChange={(v) => set('establishmentId', v)}
              clearable
              error={errors['establishmentId']}
            />
          ) : (
            <TextInput label={t('sales.header.establishment')} value={establishments.data?.data.find((e) => e.id === state.establishmentId)?.name ?? ''} readOnly description={t('sales.header.establishmentFrozen')} />
          )}
          {type !== 'delivery_note' ? (
            <Select
              label={t('sales.header.paymentMethod')}
              placeholder={t('common.notSet')}
              data={PAYMENT_METHODS.map((m) => ({ value: m, label: t(`customers.paymentMethods.${m}`) }))}
              value={state.paymentMethod}
              onChange={(v) => set('paymentMethod', v as PaymentMethod | null)}
              clearable
              error={errors['paymentMethod']}
            />
          ) : null}
          {creating && type === 'invoice' ? (
            <Select
              label={t('sales.header.kind')}
              data={(['invoice', 'deposit'] as const).map((k) => ({ value: k, label: t(`sales.kinds.${k}`) }))}
              value={state.kind}
              onChange={(v) => v && set('kind', v as 'invoice' | 'deposit')}
              allowDeselect={false}
            />
          ) : null}
          {type === 'quote' || type === 'order' ? (
            <Switch label={t('sales.header.proforma')} description={t('sales.header.proformaHint')} checked={state.proforma} onChange={(e) => set('proforma', e.currentTarget.checked)} mt={24} />
          ) : null}
        </SimpleGrid>
      </FormSection>

      <FormSection
        title={t('sales.header.termsSection')}
        actions={
          <Button variant="subtle" size="xs" onClick={pdf.toggle} aria-expanded={pdfOpen}>
            {t('sales.header.pdfOptions')}
          </Button>
        }
      >
        <SimpleGrid cols={{ base: 1, md: 3 }} spacing="md">
          <Textarea label={t('sales.header.termsOfSale')} autosize minRows={2} maxRows={8} value={state.termsOfSale} onChange={(e) => set('termsOfSale', e.currentTarget.value)} error={errors['termsOfSale']} />
          <Textarea label={t('sales.header.specialTerms')} autosize minRows={2} maxRows={8} value={state.specialTerms} onChange={(e) => set('specialTerms', e.currentTarget.value)} error={errors['specialTerms']} />
          <Textarea label={t('sales.header.internalNote')} description={t('sales.header.internalNoteHint')} autosize minRows={2} maxRows={8} value={state.internalNote} onChange={(e) => set('internalNote', e.currentTarget.value)} error={errors['internalNote']} />
        </SimpleGrid>
        <Collapse expanded={pdfOpen}>
          <SimpleGrid cols={{ base: 1, sm: 2, md: 5 }} spacing="xs" mt="md" role="group" aria-label={t('sales.header.pdfOptions')}>
            {PDF_OPTION_KEYS.map((option) => (
              <Checkbox
                key={option}
                size="xs"
                label={t(`sales.pdfOptions.${option}`)}
                checked={state.pdfOptions[option] ?? defaults.data?.pdfOptions[option] ?? false}
                onChange={(e) => set('pdfOptions', { ...defaults.data?.pdfOptions, ...state.pdfOptions, [option]: e.currentTarget.checked })}
              />
            ))}
          </SimpleGrid>
        </Collapse>
      </FormSection>
    </Stack>
  );
}
