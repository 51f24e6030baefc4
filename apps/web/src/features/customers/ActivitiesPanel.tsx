import { ActionIcon, Badge, Button, Group, Paper, Select, SimpleGrid, Text, Textarea, TextInput, ThemeIcon, Timeline, Tooltip } from '@mantine/core';
import { useState, type ReactNode } from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { useCan } from '../../app/session';
import { ApiError } from '../../lib/api';
import { formatDate, formatDateTime, formatTime } from '../../lib/format';
import { LabeledSegments } from '../../components/LabeledSegments';
import { IconCalendar, IconCheck, IconHistory, IconMail, IconNote, IconPhone, IconPlus, IconTask, IconTrash, IconUsers } from '../../components/icons';
import { FormModal } from '../../components/FormModal';
import { useConfirmTarget } from '../../components/useConfirmTarget';
import { ConfirmDialog, EmptyBlock, ErrorState, LoadingState } from '../../components/ui';
import {
  ACTIVITY_KINDS,
  USER_ACTIVITY_TYPES,
  useAccountActivities,
  useActivityActions,
  useCreateActivity,
  type Activity,
  type ActivityInput,
  type ActivityKind,
  type UserActivityType,
} from './contacts-activities-api';

const TYPE_ICONS: Record<string, ReactNode> = {
  meeting: <IconUsers size={14} />,
  call: <IconPhone size={14} />,
  visit: <IconCalendar size={14} />,
  email: <IconMail size={14} />,
  quote_follow_up: <IconTask size={14} />,
  note: <IconNote size={14} />,
  system: <IconHistory size={14} />,
  other: <IconCalendar size={14} />,
};

function ActivityModal({ accountId, opened, onClose }: { accountId: string; opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const create = useCreateActivity(accountId);
  const [kind, setKind] = useState<ActivityKind>('event');
  const [type, setType] = useState<UserActivityType>('meeting');
  const [title, setTitle] = useState('');
  const [notes, setNotes] = useState('');
  const [startsAt, setStartsAt] = useState('');
  const [endsAt, setEndsAt] = useState('');
  const [dueOn, setDueOn] = useState('');
  const errors = create.error instanceof ApiError ? create.error.fields : {};

  const submit = () => {
    const input: ActivityInput = { kind, type, title: title.trim() };
    if (notes.trim()) input.notes = notes.trim();
    if (kind === 'event') {
      if (startsAt) input.startsAt = new Date(startsAt).toISOString();
      if (endsAt) input.endsAt = new Date(endsAt).toISOString();
    } else if (dueOn) input.dueOn = dueOn;
    create.mutate(input, { onSuccess: onClose });
  };

  return (
    <FormModal opened={opened} title={t('activities.add')} size="lg" onClose={onClose} onSubmit={submit} error={create.error} shownFields={['kind', 'type', 'title', 'notes', 'startsAt', 'endsAt', 'dueOn']} submitLabel={t('common.create')} loading={create.isPending}>
      <LabeledSegments
        label={t('activities.fields.kind')}
        value={kind}
        onChange={setKind}
        data={ACTIVITY_KINDS.map((k) => ({ value: k, label: t(`activities.kind.${k}`) }))}
      />
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <Select
          label={t('activities.fields.type')}
          data={USER_ACTIVITY_TYPES.map((ty) => ({ value: ty, label: t(`activities.types.${ty}`) }))}
          value={type}
          onChange={(v) => v && setType(v as UserActivityType)}
          allowDeselect={false}
          error={errors['type']}
        />
        <TextInput label={t('activities.fields.title')} value={title} onChange={(e) => setTitle(e.currentTarget.value)} error={errors['title']} required />
      </SimpleGrid>
      {kind === 'event' ? (
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput type="datetime-local" label={t('activities.fields.startsAt')} value={startsAt} onChange={(e) => setStartsAt(e.currentTarget.value)} error={errors['startsAt']} required />
          <TextInput type="datetime-local" label={t('activities.fields.endsAt')} value={endsAt} onChange={(e) => setEndsAt(e.currentTarget.value)} error={errors['endsAt']} />
        </SimpleGrid>
      ) : (
        <TextInput type="date" label={t('activities.fields.dueOn')} value={dueOn} onChange={(e) => setDueOn(e.currentTarget.value)} error={errors['dueOn']} required />
      )}
      <Textarea label={t('activities.fields.notes')} value={notes} onChange={(e) => setNotes(e.currentTarget.value)} error={errors['notes']} autosize minRows={2} />
    </FormModal>
  );
}

function when(t: TFunction, a: Activity): string {
  if (a.kind === 'task') return a.dueOn ? t('activities.dueOn', { date: formatDate(a.dueOn) }) : formatDateTime(a.createdAt);
  if (a.startsAt) return a.endsAt ? `${formatDateTime(a.startsAt)} – ${formatTime(a.endsAt)}` : formatDateTime(a.startsAt);
  return formatDateTime(a.createdAt);
}

export function ActivitiesPanel({ accountId }: { accountId: string }) {
  const { t } = useTranslation();
  const can = useCan();
  const activities = useAccountActivities(accountId);
  const { complete, remove } = useActivityActions(accountId);
  const [adding, setAdding] = useState(false);
  const deleting = useConfirmTarget<Activity, unknown>(remove);
  const writable = can('crm:write');

  if (activities.isPending) return <LoadingState />;
  if (activities.isError) {
    return <ErrorState error={activities.error} onRetry={() => void activities.refetch()} />;
  }
  const rows = activities.data.data;

  return (
    <Paper withBorder p="md">
      <Group justify="space-between" mb="md">
        <Text fw={650}>{t('activities.title')}</Text>
        {writable ? (
          <Button size="xs" leftSection={<IconPlus size={14} />} onClick={() => setAdding(true)}>
            {t('activities.add')}
          </Button>
        ) : null}
      </Group>
      {rows.length === 0 ? (
        <EmptyBlock icon={<IconCalendar size={26} />} title={t('activities.empty')} description={t('activities.emptyDescription')} />
      ) : (
        <Timeline bulletSize={26} lineWidth={2} active={-1} aria-label={t('activities.title')}>
          {rows.map((a) => {
            const system = a.type === 'system';
            const done = Boolean(a.doneAt);
            return (
              <Timeline.Item
                key={a.id}
                bullet={
                  <ThemeIcon size={26} radius="xl" variant={system ? 'light' : 'filled'} color={system ? 'gray' : done ? 'teal' : 'comptoir'}>
                    {done ? <IconCheck size={14} /> : TYPE_ICONS[a.type]}
                  </ThemeIcon>
                }
                title={
                  <Group gap="xs" wrap="wrap">
                    <Text fw={600} size="sm" td={done ? 'line-through' : undefined}>
                      {a.title}
                    </Text>
                    {system ? null : (
                      <Badge size="xs" variant="light" color={a.kind === 'task' ? 'orange' : 'blue'}>
                        {t(`activities.kind.${a.kind}`)} · {t(`activities.types.${a.type}`)}
                      </Badge>
                    )}
                  </Group>
                }
              >
                <Text size="xs" c="dimmed" mt={2}>
                  {when(t, a)}
                </Text>
                {a.notes ? (
                  <Text size="sm" mt={4} style={{ whiteSpace: 'pre-wrap' }}>
                    {a.notes}
                  </Text>
                ) : null}
                {writable && !system ? (
                  <Group gap={6} mt={6}>
                    {a.kind === 'task' ? (
                      <Button
                        size="compact-xs"
                        variant="light"
                        color={done ? 'gray' : 'teal'}
                        onClick={() => complete.mutate({ id: a.id, done: !done })}
                        loading={complete.isPending && complete.variables?.id === a.id}
                      >
                        {done ? t('activities.reopen') : t('activities.markDone')}
                      </Button>
                    ) : null}
                    <Tooltip label={t('common.delete')}>
                      <ActionIcon size="sm" variant="subtle" color="red" aria-label={t('activities.deleteNamed', { title: a.title })} onClick={() => deleting.ask(a)}>
                        <IconTrash size={14} />
                      </ActionIcon>
                    </Tooltip>
                  </Group>
                ) : null}
              </Timeline.Item>
            );
          })}
        </Timeline>
      )}
      {adding ? <ActivityModal accountId={accountId} opened onClose={() => setAdding(false)} /> : null}
      <ConfirmDialog
        {...deleting.dialog}
        title={t('activities.delete')}
        message={t('activities.deleteConfirm', { title: deleting.target?.title ?? '' })}
        confirmLabel={t('common.delete')}
      />
    </Paper>
  );
}
