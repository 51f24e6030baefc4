import { Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';

/** A read-only value under its small label, as on a document or payment page; a dash when empty. */
export function Field({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Stack gap={0}>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="sm" fw={500}>
        {children || '—'}
      </Text>
    </Stack>
  );
}
