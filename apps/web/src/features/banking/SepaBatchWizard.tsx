import { Alert, Badge, Button, Checkbox, Group, Paper, SegmentedControl, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { IconAlert } from '../../components/icons';
import { FormErrorAlert, QueryFallback } from '../../components/ui';
import { ApiError } from '../../lib/api';
import { formatDate, formatMoney } from '../../lib/format';
import { useCreateSepaBatch, useMandates, useOpenInvoices, type SepaBatch, type SepaFormat } from './banking-api';

const addDays = (days: number) => {
  const d = new Date();
  d.setDate(d.getDate() + days);
  return d.toISOString().slice(0, 10);
};

/**
 * New SEPA batch: open invoices with, for each, whether it can be collected (an active mandate, no
 * collection pending); a collection date and the file format. The server checks everything again and
 * answers 422 with the reason of each invoice it refuses: those reasons show on their rows.
 */
export function SepaBatchWizard({ onCreated }: { onCreated: (batch: SepaBatch) => void }) {
  const { t } = useTranslation();
  const invoices = useOpenInvoices();
  const mandates = useMandates();
  const create = useCreateSepaBatch();
  const [selected, setSelected] = useState<string[]>([]);
  const [collectionDate, setCollectionDate] = useState(addDays(15));
  const [format, setFormat] = useState<SepaFormat>('pain.008.001.08');

  const activeMandate = useMemo(() => {
    const byAccount = new Map<string, string>();
    for (const m of mandates.data?.data ?? []) if (m.status === 'active' && !byAccount.has(m.accountId)) byAccount.set(m.accountId, m.reference);
    return byAccount;
  }, [mandates.data]);
  const rows = (invoices.data ?? []).map((inv) => ({
    inv,
    blocker: inv.collectionStatus === 'pending' ? t('banking.wizard.pending') : !activeMandate.has(inv.accountId) ? t('banking.wizard.noMandate') : null,
  }));
  const collectable = rows.filter((r) => !r.blocker).map((r) => r.inv.id);
  // The server's reasons, keyed by invoice id (its errors name `invoiceIds[<i>]` in the order sent).
  const serverErrors = new Map<string, string>();
  const sent = create.variables?.invoiceIds ?? [];
  if (create.error instanceof ApiError) {
    for (const [path, message] of Object.entries(create.error.fields)) {
      const index = /^invoiceIds\[(\d+)\]$/.exec(path)?.[1];
      const id = index === undefined ? undefined : sent[Number(index)];
      if (id) serverErrors.set(id, message);
    }
  }
  const toggle = (id: string, on: boolean) => setSelected((prev) => (on ? [...prev, id] : prev.filter((x) => x !== id)));
  const submit = () => create.mutate({ invoiceIds: selected, collectionDate, format }, { onSuccess: (batch) => batch && onCreated(batch) });

  return (
    <Paper withBorder p="lg" component="section" aria-label={t('banking.wizard.title')}>
      <Title order={2} fz="md" fw={650} mb="md">
        {t('banking.wizard.title')}
      </Title>
      <Stack>
        <Group align="flex-end">
          <TextInput type="date" label={t('banking.wizard.collectionDate')} value={collectionDate} onChange={(e) => setCollectionDate(e.currentTarget.value)} error={create.error instanceof ApiError ? create.error.fields['collectionDate'] : undefined} />
          <Stack gap={4}>
            <Text size="sm" fw={500}>
              {t('banking.wizard.format')}
            </Text>
            <SegmentedControl
              aria-label={t('banking.wizard.format')}
              value={format}
              onChange={(v) => setFormat(v as SepaFormat)}
              data={[
                { value: 'pain.008.001.08', label: 'pain.008.001.08' },
                { value: 'pain.008.001.02', label: 'pain.008.001.02' },
              ]}
            />
          </Stack>
          <Button variant="default" onClick={() => setSelected(collectable)} disabled={!collectable.length}>
            {t('banking.wizard.selectCollectable', { count: collectable.length })}
          </Button>
        </Group>
        {create.error && !serverErrors.size ? <FormErrorAlert error={create.error} shownFields={['collectionDate']} /> : null}
        {serverErrors.size ? (
          <Alert color="red" variant="light" icon={<IconAlert />} role="alert" title={t('banking.wizard.refused', { count: serverErrors.size })}>
            {t('banking.wizard.refusedHelp')}
          </Alert>
        ) : null}
        {rows.length ? (
          <Table aria-label={t('banking.wizard.invoices')} highlightOnHover>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col" w={40} />
                <Table.Th scope="col">{t('banking.wizard.number')}</Table.Th>
                <Table.Th scope="col">{t('banking.wizard.customer')}</Table.Th>
                <Table.Th scope="col">{t('banking.wizard.dueDate')}</Table.Th>
                <Table.Th scope="col" ta="right">
                  {t('banking.wizard.open')}
                </Table.Th>
                <Table.Th scope="col">{t('banking.wizard.collectable')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map(({ inv, blocker }) => {
                const reason = serverErrors.get(inv.id) ?? blocker;
                return (
                  <Table.Tr key={inv.id}>
                    <Table.Td>
                      <Checkbox aria-label={t('banking.wizard.pick', { number: inv.number ?? inv.id })} checked={selected.includes(inv.id)} onChange={(e) => toggle(inv.id, e.currentTarget.checked)} />
                    </Table.Td>
                    <Table.Td ff="monospace" fz="sm">
                      {inv.number}
                    </Table.Td>
                    <Table.Td>{inv.accountName}</Table.Td>
                    <Table.Td>{formatDate(inv.dueDate)}</Table.Td>
                    <Table.Td ta="right">{formatMoney(inv.balance?.due ?? inv.due, inv.currency)}</Table.Td>
                    <Table.Td>
                      {reason ? (
                        <Text size="sm" c="red">
                          {reason}
                        </Text>
                      ) : (
                        <Badge color="teal" variant="light">
                          {activeMandate.get(inv.accountId)}
                        </Badge>
                      )}
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        ) : (
          <QueryFallback query={invoices} empty={<Text c="dimmed">{t('banking.wizard.none')}</Text>} />
        )}
        <Group justify="flex-end">
          <Text size="sm" c="dimmed">
            {t('banking.wizard.selected', { count: selected.length })}
          </Text>
          <Button onClick={submit} loading={create.isPending} disabled={!selected.length}>
            {t('banking.wizard.submit')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}
