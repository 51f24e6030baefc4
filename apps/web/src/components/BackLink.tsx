import { Anchor, Group } from '@mantine/core';
import { Link } from 'react-router-dom';
import { IconArrowLeft } from './icons';

/** The small "← back to …" link above a page title. */
export function BackLink({ to, label }: { to: string; label: string }) {
  return (
    <Anchor component={Link} to={to} size="sm" c="dimmed">
      <Group gap={4} component="span">
        <IconArrowLeft size={14} />
        {label}
      </Group>
    </Anchor>
  );
}
