import { Role } from '@comptoir/platform/kernel';

export const MODULES = ['org', 'crm', 'catalog', 'billing', 'ledger', 'banking', 'planning', 'stock', 'integrations'] as const;
export type ModuleName = (typeof MODULES)[number];
export type Scope = `${ModuleName}:read` | `${ModuleName}:write` | '*';

export const ALL_SCOPES: readonly string[] = ['*', ...MODULES.flatMap((m) => [`${m}:read`, `${m}:write`])];

const everyModule = (access: 'read' | 'write') => MODULES.map((m) => `${m}:${access}`);

/** Role × scope table (docs/security.md mirrors it). Write implies read. */
export const ROLE_SCOPES: Record<Role, readonly string[]> = {
  admin: ['*'],
  manager: [...everyModule('write').filter((s) => s !== 'org:write'), 'org:read'],
  sales: ['org:read', 'crm:write', 'catalog:read', 'billing:write', 'planning:read', 'stock:read'],
  planner: ['org:read', 'crm:read', 'catalog:read', 'planning:write', 'stock:read'],
  accountant: [...everyModule('read'), 'ledger:write'],
};

export function hasScope(granted: readonly string[], required: string): boolean {
  if (granted.includes('*') || granted.includes(required)) return true;
  const [module, access] = required.split(':');
  return access === 'read' && granted.includes(`${module}:write`);
}
