import { Button, Checkbox, Group, Paper, Select, SimpleGrid, Stack, TagsInput, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useEffect, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router-dom';
import { ApiError, isApiError } from '../../lib/api';
import { BackLink } from '../../components/BackLink';
import { AddressFields, addressBody, toAddressState, type AddressState } from '../../components/AddressFields';
import { ErrorState, FormErrorAlert, LoadingState, PageHeader } from '../../components/ui';
import { useSectors, useUsers } from '../settings/org-api';
import {
  ACCOUNT_KINDS,
  ACCOUNT_ROLES,
  PAYMENT_METHODS,
  useAccount,
  useCreateAccount,
  useUpdateAccount,
  type Account,
  type AccountKind,
  type AccountRole,
  type CreateAccountBody,
  type PaymentMethod,
  type UpdateAccountBody,
} from './accounts-api';
import { NotFoundAccount } from './NotFoundAccount';

interface FormState {
  name: string;
  kind: AccountKind;
  roles: AccountRole[];
  siren: string;
  siret: string;
  vatNumber: string;
  electronicAddress: string;
  electronicAddressScheme: string;
  email: string;
  phone: string;
  mobile: string;
  website: string;
  tags: string[];
  sectorId: string | null;
  assignedUserId: string | null;
  preferredPaymentMethod: PaymentMethod | null;
  externalRef: string;
  notes: string;
  billingAddress: AddressState;
}

const TEXT_FIELDS = ['name', 'siren', 'siret', 'vatNumber', 'electronicAddress', 'electronicAddressScheme', 'email', 'phone', 'mobile', 'website', 'externalRef', 'notes'] as const;
const CHOICE_FIELDS = ['sectorId', 'assignedUserId', 'preferredPaymentMethod'] as const;

/** Every path the form shows next to an input; other server errors go to the alert above the form. */
const SHOWN_PATHS = [
  ...TEXT_FIELDS,
  ...CHOICE_FIELDS,
  'kind',
  'roles',
  'tags',
  'billingAddress',
  'billingAddress.line1',
  'billingAddress.line2',
  'billingAddress.postalCode',
  'billingAddress.city',
  'billingAddress.country',
];

function toFormState(a: Account | null): FormState {
  return {
    name: a?.name ?? '',
    kind: a?.kind ?? 'company',
    roles: a?.roles ?? ['customer'],
    siren: a?.siren ?? '',
    siret: a?.siret ?? '',
    vatNumber: a?.vatNumber ?? '',
    electronicAddress: a?.electronicAddress ?? '',
    electronicAddressScheme: a?.electronicAddressScheme ?? '',
    email: a?.email ?? '',
    phone: a?.phone ?? '',
    mobile: a?.mobile ?? '',
    website: a?.website ?? '',
    tags: a?.tags ?? [],
    sectorId: a?.sectorId ?? null,
    assignedUserId: a?.assignedUserId ?? null,
    preferredPaymentMethod: a?.preferredPaymentMethod ?? null,
    externalRef: a?.externalRef ?? '',
    notes: a?.notes ?? '',
    billingAddress: toAddressState(a?.billingAddress),
  };
}

function createBody(s: FormState): CreateAccountBody {
  const body: CreateAccountBody = { name: s.name.trim(), roles: s.roles, kind: s.kind };
  for (const field of TEXT_FIELDS) {
    const value = s[field].trim();
    if (value && field !== 'name') body[field] = value;
  }
  for (const field of CHOICE_FIELDS) {
    const value = s[field];
    if (value) (body as Record<string, unknown>)[field] = value;
  }
  if (s.tags.length) body.tags = s.tags;
  const address = addressBody(s.billingAddress);
  if (address) body.billingAddress = address;
  return body;
}

/**
 * Only what changed is sent. A cleared optional field is sent as `null`, which the API stores as
 * "no value" (the contract types these fields as plain strings, hence the cast).
 */
function updateBody(initial: FormState, s: FormState): UpdateAccountBody {
  const body: Record<string, unknown> = {};
  for (const field of TEXT_FIELDS) {
    const before = initial[field].trim();
    const after = s[field].trim();
    if (before !== after) body[field] = after === '' && field !== 'name' ? null : after;
  }
  for (const field of CHOICE_FIELDS) if (initial[field] !== s[field]) body[field] = s[field];
  if (initial.kind !== s.kind) body['kind'] = s.kind;
  if (JSON.stringify(initial.roles) !== JSON.stringify(s.roles)) body['roles'] = s.roles;
  if (JSON.stringify(initial.tags) !== JSON.stringify(s.tags)) body['tags'] = s.tags;
  if (JSON.stringify(initial.billingAddress) !== JSON.stringify(s.billingAddress)) body['billingAddress'] = addressBody(s.billingAddress) ?? null;
  return body as UpdateAccountBody;
}

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Paper withBorder p="lg" component="fieldset" style={{ border: '1px solid var(--mantine-color-gray-3)', margin: 0, minWidth: 0 }}>
      <Title order={2} fz="md" fw={650} mb="md" component="legend" style={{ float: 'left', width: '100%', padding: 0 }}>
        {title}
      </Title>
      <div style={{ clear: 'both' }}>{children}</div>
    </Paper>
  );
}

function CustomerForm({
  account,
  submitLabel,
  saving,
  error,
  onSubmit,
  onCancel,
}: {
  account: Account | null;
  submitLabel: string;
  saving: boolean;
  error: unknown;
  onSubmit: (initial: FormState, state: FormState) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const [initial] = useState(() => toFormState(account));
  const [state, setState] = useState(initial);
  const sectors = useSectors();
  const users = useUsers();
  const errors = error instanceof ApiError ? error.fields : {};
  const formRef = useRef<HTMLFormElement>(null);

  // After a refused save, take the user to the first field the server named.
  useEffect(() => {
    if (!error) return;
    const first = formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]');
    if (first) {
      first.scrollIntoView({ block: 'center' });
      first.focus({ preventScroll: true });
    }
  }, [error]);

  const set = <K extends keyof FormState>(field: K, value: FormState[K]) => setState((prev) => ({ ...prev, [field]: value }));
  const text = (field: (typeof TEXT_FIELDS)[number]) => ({
    value: state[field],
    onChange: (e: { currentTarget: { value: string } }) => set(field, e.currentTarget.value),
    error: errors[field],
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSubmit(initial, state);
  };

  return (
    <form ref={formRef} onSubmit={submit} noValidate aria-label={submitLabel}>
      <Stack gap="lg">
        {error ? <FormErrorAlert error={error} shownFields={SHOWN_PATHS} /> : null}

        <Section title={t('customers.form.sections.identity')}>
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
            <TextInput label={t('customers.fields.name')} required {...text('name')} autoComplete="organization" />
            <Select
              label={t('customers.fields.kind')}
              data={ACCOUNT_KINDS.map((k) => ({ value: k, label: t(`customers.kind.${k}`) }))}
              value={state.kind}
              onChange={(v) => v && set('kind', v as AccountKind)}
              allowDeselect={false}
              error={errors['kind']}
            />
            <Checkbox.Group label={t('customers.fields.roles')} value={state.roles} onChange={(v) => set('roles', v as AccountRole[])} error={errors['roles']} required>
              <Group gap="lg" mt={8}>
                {ACCOUNT_ROLES.map((r) => (
                  <Checkbox key={r} value={r} label={t(`customers.roles.${r}`)} />
                ))}
              </Group>
            </Checkbox.Group>
            <TagsInput
              label={t('customers.fields.tags')}
              placeholder={t('customers.form.tagsPlaceholder')}
              value={state.tags}
              onChange={(v) => set('tags', v)}
              error={errors['tags']}
              clearable
            />
          </SimpleGrid>
        </Section>

        <Section title={t('customers.form.sections.legal')}>
          <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="md">
            <TextInput label={t('customers.fields.siren')} description={t('customers.form.sirenHint')} inputMode="numeric" {...text('siren')} />
            <TextInput label={t('customers.fields.siret')} description={t('customers.form.siretHint')} inputMode="numeric" {...text('siret')} />
            <TextInput label={t('customers.fields.vatNumber')} description={t('customers.form.vatHint')} {...text('vatNumber')} />
          </SimpleGrid>
        </Section>

        <Section title={t('einvoicing.customer.section')}>
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
            <TextInput label={t('einvoicing.customer.electronicAddress')} description={t('einvoicing.customer.electronicAddressHint')} maxLength={125} {...text('electronicAddress')} />
            <TextInput label={t('einvoicing.customer.scheme')} description={t('einvoicing.customer.schemeHint')} placeholder="0225" maxLength={4} {...text('electronicAddressScheme')} />
          </SimpleGrid>
        </Section>

        <Section title={t('customers.form.sections.contact')}>
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
            <TextInput label={t('customers.fields.email')} type="email" autoComplete="email" {...text('email')} />
            <TextInput label={t('customers.fields.website')} type="url" placeholder="https://" {...text('website')} />
            <TextInput label={t('customers.fields.phone')} type="tel" autoComplete="tel" {...text('phone')} />
            <TextInput label={t('customers.fields.mobile')} type="tel" {...text('mobile')} />
          </SimpleGrid>
        </Section>

        <Section title={t('customers.form.sections.address')}>
          <AddressFields value={state.billingAddress} onChange={(v) => set('billingAddress', v)} errors={errors} prefix="billingAddress" />
        </Section>

        <Section title={t('customers.form.sections.commercial')}>
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
            <Select
              label={t('customers.fields.sector')}
              placeholder={t('customers.form.noSector')}
              data={(sectors.data?.data ?? []).map((s) => ({ value: s.id, label: `${s.code} · ${s.name}` }))}
              value={state.sectorId}
              onChange={(v) => set('sectorId', v)}
              error={errors['sectorId']}
              clearable
              searchable
            />
            <Select
              label={t('customers.fields.assignedUser')}
              placeholder={t('customers.form.noUser')}
              data={(users.data?.data ?? []).map((u) => ({ value: u.id, label: u.name }))}
              value={state.assignedUserId}
              onChange={(v) => set('assignedUserId', v)}
              error={errors['assignedUserId']}
              clearable
              searchable
            />
            <Select
              label={t('customers.fields.paymentMethod')}
              placeholder={t('common.notSet')}
              data={PAYMENT_METHODS.map((m) => ({ value: m, label: t(`customers.paymentMethods.${m}`) }))}
              value={state.preferredPaymentMethod}
              onChange={(v) => set('preferredPaymentMethod', v as PaymentMethod | null)}
              error={errors['preferredPaymentMethod']}
              clearable
            />
            <TextInput label={t('customers.fields.externalRef')} description={t('customers.form.externalRefHint')} {...text('externalRef')} />
          </SimpleGrid>
          <Textarea label={t('customers.fields.notes')} mt="md" autosize minRows={3} maxRows={10} {...text('notes')} />
        </Section>

        <Group justify="flex-end" gap="sm" pb="xl">
          <Button variant="default" onClick={onCancel}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={saving}>
            {submitLabel}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

export function CustomerCreatePage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const create = useCreateAccount();
  return (
    <>
      <PageHeader title={t('customers.form.createTitle')} back={<BackLink to="/customers" label={t('customers.detail.backToList')} />} />
      <CustomerForm
        account={null}
        submitLabel={t('customers.form.submitCreate')}
        saving={create.isPending}
        error={create.error}
        onCancel={() => navigate('/customers')}
        onSubmit={(_initial, state) =>
          create.mutate(createBody(state), { onSuccess: (account) => navigate(`/customers/${account.id}`, { state: { flash: 'created' } }) })
        }
      />
    </>
  );
}

export function CustomerEditPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const account = useAccount(id);
  const update = useUpdateAccount(id);

  if (account.isPending) return <LoadingState />;
  if (account.isError) return isApiError(account.error, 404) || isApiError(account.error, 400) ? <NotFoundAccount /> : <ErrorState error={account.error} onRetry={() => void account.refetch()} />;

  return (
    <>
      <PageHeader
        title={t('customers.form.editTitle', { name: account.data.name })}
        back={<BackLink to={`/customers/${id}`} label={account.data.name} />}
      />
      <Text size="sm" c="dimmed" mt={-12} mb="lg">
        {t('customers.form.editHint')}
      </Text>
      <CustomerForm
        key={account.data.id}
        account={account.data}
        submitLabel={t('customers.form.submitEdit')}
        saving={update.isPending}
        error={update.error}
        onCancel={() => navigate(`/customers/${id}`)}
        onSubmit={(initial, state) => {
          const body = updateBody(initial, state);
          if (!Object.keys(body).length) {
            navigate(`/customers/${id}`);
            return;
          }
          update.mutate(body, { onSuccess: () => navigate(`/customers/${id}`, { state: { flash: 'saved' } }) });
        }}
      />
    </>
  );
}
