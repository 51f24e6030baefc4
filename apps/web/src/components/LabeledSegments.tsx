import { SegmentedControl, Stack, Text, type SegmentedControlItem } from '@mantine/core';
import { useId } from 'react';

/**
 * A SegmentedControl under a visible label that names it for assistive technology (Mantine's control
 * has no label of its own).
 */
export function LabeledSegments<V extends string>({ label, value, onChange, data }: { label: string; value: V; onChange: (value: V) => void; data: (SegmentedControlItem & { value: V })[] }) {
  const id = useId();
  return (
    <Stack gap={4}>
      <Text size="sm" fw={500} id={id}>
        {label}
      </Text>
      <SegmentedControl aria-labelledby={id} value={value} onChange={(v) => onChange(v as V)} data={data} />
    </Stack>
  );
}
