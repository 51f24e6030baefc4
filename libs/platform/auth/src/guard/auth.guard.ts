import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request } from 'express';
import { ForbiddenError, UnauthenticatedError } from '@comptoir/platform/kernel';
import { hasScope } from '../scopes';
import { SESSION_COOKIE } from '../session/session.service';
import { AuthenticatedRequest, PUBLIC_ROUTE, REQUIRED_SCOPE } from './auth.decorators';
import { parseCredentials, PrincipalResolver } from './principal-resolver.service';

export const COMPANY_HEADER = 'comptoir-company';

/**
 * Global guard: every route needs a session or an API key unless marked @Public, and a route that
 * declares @RequireScope is refused (403) to callers whose role or key lacks it.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly resolver: PrincipalResolver,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_ROUTE, targets)) return true;
    const request = context.switchToHttp().getRequest<Request & AuthenticatedRequest & { id?: string }>();
    const cookies = (request as Request & { cookies?: Record<string, string> }).cookies;
    const credentials = parseCredentials(request.headers.authorization, cookies?.[SESSION_COOKIE]);
    if (!credentials) throw new UnauthenticatedError();
    const header = request.headers[COMPANY_HEADER];
    const tenant = await this.resolver.resolve(credentials, Array.isArray(header) ? header[0] : header, request.id ? String(request.id) : undefined);
    const scope = this.reflector.getAllAndOverride<string | undefined>(REQUIRED_SCOPE, targets);
    if (scope && !hasScope(tenant.scopes, scope)) throw new ForbiddenError(`This needs the ${scope} scope`);
    request.tenant = tenant;
    return true;
  }
}
