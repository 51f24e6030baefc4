import { Injectable } from '@nestjs/common';
import { AppConfig } from '@comptoir/platform/config';
import { TenantContext, ValidationFailedError, newId } from '@comptoir/platform/kernel';
import { TenantDb, TenantRepository, TenantTx } from '@comptoir/platform/database';
import { digestSecret, randomToken } from '../secrets';
import { ALL_SCOPES } from '../scopes';
import { ApiKeyEntity } from './api-key.entity';

export const API_KEY_PREFIX = 'cpk_';

export interface CreatedApiKey {
  key: ApiKeyEntity;
  secret: string;
  token: string;
}

/** Company API keys: the secret is returned once, then only its digest exists. */
@Injectable()
export class ApiKeyService {
  constructor(
    private readonly db: TenantDb,
    private readonly config: AppConfig,
  ) {}

  private repo(tx: TenantTx): TenantRepository<ApiKeyEntity> {
    return tx.repo(ApiKeyEntity, 'API key');
  }

  create(ctx: TenantContext, input: { name: string; scopes: string[] }): Promise<CreatedApiKey> {
    const unknown = input.scopes.filter((s) => !ALL_SCOPES.includes(s));
    if (unknown.length) {
      throw new ValidationFailedError(unknown.map((s) => ({ path: 'scopes', message: `unknown scope ${s}` })));
    }
    return this.db.transaction(ctx, async (tx) => {
      const secret = randomToken();
      const publicId = `${API_KEY_PREFIX}${randomToken(9)}`;
      const key = await this.repo(tx).insert({
        id: newId(),
        name: input.name,
        publicId,
        secretDigest: digestSecret(this.config.authSecret, secret),
        scopes: [...new Set(input.scopes)],
        createdBy: ctx.actor.type === 'user' ? ctx.actor.id : null,
        createdAt: new Date(),
        lastUsedAt: null,
        revokedAt: null,
      });
      tx.audit({ entity: 'api_key', entityId: key.id, action: 'create', changes: { name: { from: null, to: key.name }, scopes: { from: null, to: key.scopes } } });
      return { key, secret, token: `${publicId}.${secret}` };
    });
  }

  list(ctx: TenantContext): Promise<ApiKeyEntity[]> {
    return this.db.transaction(ctx, (tx) => this.repo(tx).query('k').orderBy('k.createdAt', 'DESC').getMany());
  }

  revoke(ctx: TenantContext, id: string): Promise<ApiKeyEntity> {
    return this.db.transaction(ctx, async (tx) => {
      const key = await this.repo(tx).getById(id);
      if (!key.revokedAt) {
        key.revokedAt = new Date();
        await this.repo(tx).save(key);
        tx.audit({ entity: 'api_key', entityId: key.id, action: 'revoke', changes: { revokedAt: { from: null, to: key.revokedAt } } });
      }
      return key;
    });
  }
}
