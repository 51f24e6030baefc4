import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AppConfig } from '@comptoir/platform/config';
import { ForbiddenError, isUuid, Role, TenantContext, UnauthenticatedError } from '@comptoir/platform/kernel';
import { API_KEY_PREFIX } from '../api-key/api-key.service';
import { digestSecret, sameDigest } from '../secrets';
import { ROLE_SCOPES } from '../scopes';
import { SESSION_TOKEN_PREFIX } from '../session/session.constants';

export type Credentials =
  | { kind: 'session'; token: string }
  | { kind: 'api_key'; publicId: string; secret: string };

interface SessionPrincipal {
  kind: 'session';
  userId: string;
  userName: string;
  organizationId: string;
  memberships: { companyId: string; role: Role }[];
}

interface KeyPrincipal {
  kind: 'api_key';
  keyId: string;
  keyName: string;
  organizationId: string;
  companyId: string;
  scopes: string[];
  lastUsedAt: number;
}

type Principal = SessionPrincipal | KeyPrincipal;

const CACHE_TTL_MS = 3000;
const LAST_USED_RESOLUTION_MS = 60_000;

/** What a session token, an API key's public id and its secret can look like: printable, bounded. */
const TOKEN_CHARS = /^[\x21-\x7e]{1,512}$/;
const PUBLIC_ID = new RegExp(`^${API_KEY_PREFIX}[A-Za-z0-9_-]{1,64}$`);

function apiKey(publicId: string | undefined, secret: string | undefined): Credentials | null {
  return publicId && secret && PUBLIC_ID.test(publicId) && TOKEN_CHARS.test(secret) ? { kind: 'api_key', publicId, secret } : null;
}

function session(token: string | undefined): Credentials | null {
  return token?.startsWith(SESSION_TOKEN_PREFIX) && TOKEN_CHARS.test(token) ? { kind: 'session', token } : null;
}

/**
 * Parses `Authorization: Bearer <token>` or `Basic base64(publicId:secret)`, and the session cookie.
 * Anything that cannot be a credential (wrong shape, control characters) is no credential at all, so
 * it is answered 401 and never reaches the database.
 */
export function parseCredentials(authorization: string | undefined, cookieToken: string | undefined): Credentials | null {
  if (authorization) {
    const [scheme, value = ''] = authorization.split(' ', 2);
    if (/^bearer$/i.test(scheme ?? '')) {
      if (value.startsWith(SESSION_TOKEN_PREFIX)) return session(value);
      const dot = value.indexOf('.');
      return dot < 0 ? null : apiKey(value.slice(0, dot), value.slice(dot + 1));
    }
    if (/^basic$/i.test(scheme ?? '')) {
      const decoded = Buffer.from(value, 'base64').toString('utf8');
      const sep = decoded.indexOf(':');
      return sep < 0 ? null : apiKey(decoded.slice(0, sep), decoded.slice(sep + 1));
    }
    return null;
  }
  return session(cookieToken);
}

/**
 * Resolves credentials to a tenant context. Looked-up principals are cached for a few seconds so that
 * the hot path costs no query; revocations clear the cache of this process.
 */
@Injectable()
export class PrincipalResolver {
  private readonly cache = new Map<string, { principal: Principal; until: number }>();

  constructor(
    private readonly dataSource: DataSource,
    private readonly config: AppConfig,
  ) {}

  invalidate(): void {
    this.cache.clear();
  }

  async resolve(credentials: Credentials, requestedCompany: string | undefined, requestId?: string): Promise<TenantContext> {
    const principal = await this.principal(credentials);
    if (principal.kind === 'api_key') {
      if (requestedCompany !== undefined && requestedCompany !== principal.companyId) {
        throw new ForbiddenError('An API key acts on its own company only');
      }
      this.touch(principal);
      return {
        organizationId: principal.organizationId,
        companyId: principal.companyId,
        actor: { type: 'api_key', id: principal.keyId, name: principal.keyName },
        role: null,
        scopes: principal.scopes,
        requestId,
      };
    }
    if (requestedCompany !== undefined && !isUuid(requestedCompany)) throw new ForbiddenError('Comptoir-Company must be a company id');
    const membership = requestedCompany
      ? principal.memberships.find((m) => m.companyId === requestedCompany)
      : principal.memberships[0];
    if (!membership) throw new ForbiddenError('You have no access to this company');
    return {
      organizationId: principal.organizationId,
      companyId: membership.companyId,
      actor: { type: 'user', id: principal.userId, name: principal.userName },
      role: membership.role,
      scopes: ROLE_SCOPES[membership.role],
      requestId,
    };
  }

  private async principal(credentials: Credentials): Promise<Principal> {
    const secret = credentials.kind === 'session' ? credentials.token : credentials.secret;
    const digest = digestSecret(this.config.authSecret, secret);
    const cacheKey = credentials.kind === 'session' ? digest : `${credentials.publicId}:${digest}`;
    const cached = this.cache.get(cacheKey);
    if (cached && cached.until > Date.now()) return cached.principal;
    const principal = credentials.kind === 'session' ? await this.loadSession(digest) : await this.loadKey(credentials.publicId, digest);
    if (this.cache.size > 10_000) this.cache.clear();
    this.cache.set(cacheKey, { principal, until: Date.now() + CACHE_TTL_MS });
    return principal;
  }

  private async loadSession(digest: string): Promise<SessionPrincipal> {
    const rows: { user_id: string; name: string; organization_id: string; company_id: string | null; role: Role | null }[] =
      await this.dataSource.query(
        `SELECT u.id AS user_id, u.name, u.organization_id, m.company_id, m.role
         FROM sessions s
         JOIN users u ON u.id = s.user_id AND u.disabled_at IS NULL
         LEFT JOIN memberships m ON m.user_id = u.id
         WHERE s.token_digest = $1 AND s.revoked_at IS NULL AND s.expires_at > now()
         ORDER BY m.created_at, m.company_id`,
        [digest],
      );
    const first = rows[0];
    if (!first) throw new UnauthenticatedError('The session is invalid or has expired');
    return {
      kind: 'session',
      userId: first.user_id,
      userName: first.name,
      organizationId: first.organization_id,
      memberships: rows.filter((r) => r.company_id && r.role).map((r) => ({ companyId: r.company_id!, role: r.role! })),
    };
  }

  private async loadKey(publicId: string, digest: string): Promise<KeyPrincipal> {
    const [row]: { id: string; name: string; organization_id: string; company_id: string; scopes: string[]; secret_digest: string; last_used_at: Date | null }[] =
      await this.dataSource.query(
        `SELECT id, name, organization_id, company_id, scopes, secret_digest, last_used_at FROM api_keys WHERE public_id = $1 AND revoked_at IS NULL`,
        [publicId],
      );
    if (!row || !sameDigest(row.secret_digest, digest)) throw new UnauthenticatedError('The API key is invalid or revoked');
    return {
      kind: 'api_key',
      keyId: row.id,
      keyName: row.name,
      organizationId: row.organization_id,
      companyId: row.company_id,
      scopes: row.scopes,
      lastUsedAt: row.last_used_at ? row.last_used_at.getTime() : 0,
    };
  }

  /** Records "last used" at most once a minute per key, off the request's critical path. */
  private touch(principal: KeyPrincipal): void {
    const now = Date.now();
    if (now - principal.lastUsedAt < LAST_USED_RESOLUTION_MS) return;
    principal.lastUsedAt = now;
    this.dataSource.query(`UPDATE api_keys SET last_used_at = now() WHERE id = $1`, [principal.keyId]).catch(() => undefined);
  }
}
