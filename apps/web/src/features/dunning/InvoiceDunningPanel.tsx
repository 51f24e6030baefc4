import { Badge, Button, Group, Paper, Select, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useCan } from '../../app/session';
import { FormErrorAlert } from '../../components/ui';
import { formatDateTime } from '../../lib/format';
import { RECOVERY_STATUSES, type RecoveryStatus, useInvoiceDunning, useResolveDunningEvent, useSetRecoveryStatus } from './dunning-api';

const STATUS_COLOURS: Record<string, string> = { pending: 'gray', sending: 'blue', sent: 'teal', uncertain: 'orange', failed: 'red' };

/** On a validated invoice: its recovery status (suspends dunning) and its follow-up history, uncertain steps reviewable. */
export function InvoiceDunningPanel({ invoiceId, recoveryStatus }: { invoiceId: string; recoveryStatus: RecoveryStatus | null }) {
  const { t } = useTranslation();
  const can = useCan();
  const history = useInvoiceDunning(invoiceId);
  const setStatus = useSetRecoveryStatus(invoiceId);
  const resolve = useResolveDunningEvent();
  const events = history.data?.data ?? [];
  return (
    <Paper withBorder p="md" aria-label={t('dunning.invoice.title')}>
      <Stack gap="sm">
        <Group justify="space-between">
          <Title order={3} fz="md">
            {t('dunning.invoice.title')}
          </Title>
          <Select
            label={t('dunning.invoice.recoveryStatus')}
            w={240}
            disabled={!can('billing:write') || setStatus.isPending}
            value={recoveryStatus ?? 'none'}
            data={[{ value: 'none', label: t('dunning.recovery.none') }, ...RECOVERY_STATUSES.map((s) => ({ value: s, label: t(`dunning.recovery.${s}`) }))]}
            onChange={(value) => value && setStatus.mutate(value === 'none' ? null : (value as RecoveryStatus))}
            allowDeselect={false}
          />
        </Group>
        <FormErrorAlert error={setStatus.error ?? resolve.error} />
        {events.length ? (
          <Table aria-label={t('dunning.invoice.history')}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('dunning.invoice.step')}</Table.Th>
                <Table.Th>{t('dunning.invoice.status')}</Table.Th>
                <Table.Th>{t('dunning.invoice.recipient')}</Table.Th>
                <Table.Th>{t('dunning.invoice.sentAt')}</Table.Th>
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {events.map((e) => (
                <Table.Tr key={e.id}>
                  <Table.Td>{e.step.name}</Table.Td>
                  <Table.Td>
                    <Badge color={STATUS_COLOURS[e.status]} variant="light">
                      {t(`dunning.mailStatus.${e.status as 'sent'}`)}
                    </Badge>
                  </Table.Td>
                  <Table.Td>{e.recipient}</Table.Td>
                  <Table.Td>{e.sentAt ? formatDateTime(e.sentAt) : formatDateTime(e.createdAt)}</Table.Td>
                  <Table.Td>
                    {e.status === 'uncertain' && can('billing:write') ? (
                      <Group gap="xs">
                        <Button size="xs" variant="default" onClick={() => resolve.mutate({ id: e.id, action: 'mark_sent' })}>
                          {t('dunning.invoice.markSent')}
                        </Button>
                        <Button size="xs" variant="default" onClick={() => resolve.mutate({ id: e.id, action: 'send_again' })}>
                          {t('dunning.invoice.sendAgain')}
                        </Button>
                      </Group>
                    ) : null}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        ) : (
          <Text size="sm" c="dimmed">
            {t('dunning.invoice.none')}
          </Text>
        )}
      </Stack>
    </Paper>
  );
}
