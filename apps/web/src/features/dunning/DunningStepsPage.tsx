import { Button, Checkbox, Group, NumberInput, Paper, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCan } from '../../app/session';
import { FormErrorAlert, PageHeader, QueryFallback } from '../../components/ui';
import { ApiError } from '../../lib/api';
import { type DunningStepInput, useDunningSteps, useSaveDunningSteps } from './dunning-api';

const NEW_STEP: DunningStepInput = { name: '', delayDays: 15, subject: '', body: '', attachPdf: true, feeNote: null };

/** The company's dunning sequence: name, delay, template with merge fields, PDF, fee note; and the "due soon" window. */
export function DunningStepsPage() {
  const { t } = useTranslation();
  const can = useCan();
  const query = useDunningSteps();
  const save = useSaveDunningSteps();
  const [steps, setSteps] = useState<DunningStepInput[]>([]);
  const [dueSoonDays, setDueSoonDays] = useState(7);
  useEffect(() => {
    if (!query.data) return;
    setSteps(query.data.steps.map(({ id, name, delayDays, subject, body, attachPdf, feeNote }) => ({ id, name, delayDays, subject, body, attachPdf, feeNote })));
    setDueSoonDays(query.data.dueSoonDays);
  }, [query.data]);
  const update = (index: number, patch: Partial<DunningStepInput>) => setSteps((all) => all.map((s, i) => (i === index ? { ...s, ...patch } : s)));
  const errors = save.error instanceof ApiError ? save.error.fields : {};
  const err = (path: string) => errors[path];
  return (
    <>
      <PageHeader title={t('dunning.steps.title')} description={t('dunning.steps.description', { fields: (query.data?.mergeFields ?? []).map((f) => `{{${f}}}`).join(' ') })} />
      <QueryFallback query={query} empty={null} />
      <form
        onSubmit={(e) => {
          e.preventDefault();
          save.mutate({ dueSoonDays, steps });
        }}
      >
        <Stack>
          <FormErrorAlert error={save.error} shownFields={steps.flatMap((_, i) => ['name', 'delayDays', 'subject', 'body', 'feeNote'].map((f) => `steps[${i}].${f}`))} />
          <NumberInput label={t('dunning.steps.dueSoonDays')} value={dueSoonDays} min={0} max={90} onChange={(v) => setDueSoonDays(Number(v) || 0)} w={260} error={err('dueSoonDays')} />
          {steps.map((step, i) => (
            <Paper key={step.id ?? `new-${i}`} withBorder p="md" aria-label={t('dunning.steps.step', { n: i + 1 })}>
              <Stack gap="xs">
                <Group justify="space-between">
                  <Title order={3} fz="md">
                    {t('dunning.steps.step', { n: i + 1 })}
                  </Title>
                  {can('billing:write') && steps.length > 1 ? (
                    <Button size="xs" variant="subtle" color="red" onClick={() => setSteps((all) => all.filter((_, j) => j !== i))}>
                      {t('dunning.steps.remove')}
                    </Button>
                  ) : null}
                </Group>
                <Group grow>
                  <TextInput label={t('dunning.steps.name')} value={step.name} onChange={(e) => update(i, { name: e.currentTarget.value })} error={err(`steps[${i}].name`)} />
                  <NumberInput label={i === 0 ? t('dunning.steps.delayFirst') : t('dunning.steps.delay')} value={step.delayDays} min={0} max={365} onChange={(v) => update(i, { delayDays: Number(v) || 0 })} error={err(`steps[${i}].delayDays`)} />
                </Group>
                <TextInput label={t('dunning.steps.subject')} value={step.subject} onChange={(e) => update(i, { subject: e.currentTarget.value })} error={err(`steps[${i}].subject`)} />
                <Textarea label={t('dunning.steps.body')} autosize minRows={5} value={step.body} onChange={(e) => update(i, { body: e.currentTarget.value })} error={err(`steps[${i}].body`)} />
                <Textarea label={t('dunning.steps.feeNote')} autosize minRows={1} value={step.feeNote ?? ''} onChange={(e) => update(i, { feeNote: e.currentTarget.value || null })} error={err(`steps[${i}].feeNote`)} />
                <Checkbox label={t('dunning.steps.attachPdf')} checked={step.attachPdf} onChange={(e) => update(i, { attachPdf: e.currentTarget.checked })} />
              </Stack>
            </Paper>
          ))}
          {can('billing:write') ? (
            <Group>
              <Button variant="default" onClick={() => setSteps((all) => [...all, { ...NEW_STEP }])} disabled={steps.length >= 10}>
                {t('dunning.steps.add')}
              </Button>
              <Button type="submit" loading={save.isPending}>
                {t('common.save')}
              </Button>
              {save.isSuccess ? <Text size="sm" c="teal">{t('dunning.steps.saved')}</Text> : null}
            </Group>
          ) : null}
        </Stack>
      </form>
    </>
  );
}
