import type { TFunction } from 'i18next';

export const ROLES = ['admin', 'manager', 'sales', 'planner', 'accountant'] as const;
export type Role = (typeof ROLES)[number];

export function isRole(value: string | null | undefined): value is Role {
  return (ROLES as readonly string[]).includes(value ?? '');
}

export function roleLabel(t: TFunction, role: string | null | undefined): string {
  return isRole(role) ? t(`roles.${role}`) : (role ?? '—');
}
