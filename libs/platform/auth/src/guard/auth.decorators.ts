import { createParamDecorator, ExecutionContext, SetMetadata } from '@nestjs/common';
import { TenantContext } from '@comptoir/platform/kernel';

export const PUBLIC_ROUTE = 'comptoir:public';
export const REQUIRED_SCOPE = 'comptoir:scope';

/** The route needs no credentials (signup, login, health). */
export const Public = () => SetMetadata(PUBLIC_ROUTE, true);

/** The caller's role or key must grant this scope, e.g. `crm:write`. */
export const RequireScope = (scope: string) => SetMetadata(REQUIRED_SCOPE, scope);

export interface AuthenticatedRequest {
  tenant?: TenantContext;
}

/** The tenant context set by the AuthGuard; a route without the guard fails loudly instead of leaking. */
export const Tenant = createParamDecorator((_data: unknown, context: ExecutionContext): TenantContext => {
  const tenant = context.switchToHttp().getRequest<AuthenticatedRequest>().tenant;
  if (!tenant) throw new Error('Tenant context missing: is the route public by mistake?');
  return tenant;
});
