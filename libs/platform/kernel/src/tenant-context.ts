/** Who is acting: a signed-in user or a company API key. Recorded on every audit entry. */
export interface Actor {
  type: 'user' | 'api_key' | 'system';
  id: string;
  name: string;
}

export const ROLES = ['admin', 'manager', 'sales', 'planner', 'accountant'] as const;
export type Role = (typeof ROLES)[number];

/**
 * The tenant a request or job works for. Built only by the auth guard (HTTP) or from an event's
 * organization/company (jobs); every data access goes through it.
 */
export interface TenantContext {
  organizationId: string;
  companyId: string;
  actor: Actor;
  role: Role | null;
  scopes: readonly string[];
  requestId?: string;
}
