import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AppConfig } from '@comptoir/platform/config';
import { newId } from '@comptoir/platform/kernel';
import { digestSecret, randomToken } from '../secrets';
import { SessionEntity } from './session.entity';

export const SESSION_TOKEN_PREFIX = 'cps_';
export const SESSION_COOKIE = 'comptoir_session';

export interface IssuedSession {
  accessToken: string;
  expiresAt: Date;
}

@Injectable()
export class SessionService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly config: AppConfig,
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

  async revoke(accessToken: string): Promise<void> {
    await this.dataSource.query(`UPDATE sessions SET revoked_at = now() WHERE token_digest = $1 AND revoked_at IS NULL`, [
      digestSecret(this.config.authSecret, accessToken),
    ]);
  }
}
