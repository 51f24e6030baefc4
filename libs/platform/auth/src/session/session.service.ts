import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AppConfig } from '@comptoir/platform/config';
import { newId } from '@comptoir/platform/kernel';
import { PrincipalResolver } from '../guard/principal-resolver.service';
import { digestSecret, randomToken } from '../secrets';
import { SESSION_TOKEN_PREFIX } from './session.constants';
import { SessionEntity } from './session.entity';

export { SESSION_COOKIE, SESSION_TOKEN_PREFIX } from './session.constants';

export interface IssuedSession {
  accessToken: string;
  expiresAt: Date;
}

@Injectable()
export class SessionService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly config: AppConfig,
    private readonly resolver: PrincipalResolver,
  ) {}

  async issue(userId: string, organizationId: string, manager = this.dataSource.manager): Promise<IssuedSession> {
    const accessToken = `${SESSION_TOKEN_PREFIX}${randomToken()}`;
    const expiresAt = new Date(Date.now() + this.config.sessionTtlHours * 3600_000);
    await manager.insert(SessionEntity, {
      id: newId(),
      userId,
      organizationId,
      tokenDigest: digestSecret(this.config.authSecret, accessToken),
      expiresAt,
    });
    return { accessToken, expiresAt };
  }

  /** Ends a session; the resolver forgets it too, so the very next request with it is refused. */
  async revoke(accessToken: string): Promise<void> {
    await this.dataSource.query(`UPDATE sessions SET revoked_at = now() WHERE token_digest = $1 AND revoked_at IS NULL`, [
      digestSecret(this.config.authSecret, accessToken),
    ]);
    this.resolver.invalidate();
  }
}
