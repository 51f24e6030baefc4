import { Button, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/**
 * The end of a settings form, which stays on the page after saving: its submit button, and a status line
 * (role "status", read out by screen readers) once the last change is saved, until the next edit.
 */
export function SaveBar({ saved, savedLabel, saving, pb }: { saved: boolean; savedLabel: string; saving: boolean; pb?: 'xl' }) {
  const { t } = useTranslation();
  return (
    <Group justify="flex-end" pb={pb}>
      {saved ? (
        <Text role="status" size="sm" c="green.8">
          {savedLabel}
        </Text>
      ) : null}
      <Button type="submit" loading={saving}>
        {t('common.save')}
      </Button>
    </Group>
  );
}
