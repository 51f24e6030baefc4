import { Badge, Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { AccountRole } from './accounts-api';

export const ROLE_COLORS: Record<AccountRole, string> = { customer: 'teal', prospect: 'orange', supplier: 'grape' };

export function RoleBadges({ roles, size = 'sm' }: { roles: AccountRole[]; size?: 'xs' | 'sm' | 'md' }) {
  const { t } = useTranslation();
  return (
    <Group gap={4} wrap="nowrap">
      {roles.map((role) => (
        <Badge key={role} color={ROLE_COLORS[role]} variant="light" size={size} radius="sm">
          {t(`customers.roles.${role}`)}
        </Badge>
      ))}
    </Group>
  );
}

export function TagList({ tags, max = 3 }: { tags: string[]; max?: number }) {
  const shown = tags.slice(0, max);
  return (
    <Group gap={4} wrap="nowrap">
      {shown.map((tag) => (
        <Badge key={tag} color="gray" variant="outline" size="sm" radius="sm" tt="none" fw={500}>
          {tag}
        </Badge>
      ))}
      {tags.length > max ? (
        <Badge color="gray" variant="transparent" size="sm" tt="none">
          +{tags.length - max}
        </Badge>
      ) : null}
    </Group>
  );
}
