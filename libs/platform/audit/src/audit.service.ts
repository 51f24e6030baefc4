import { Injectable } from '@nestjs/common';
import { TenantContext } from '@comptoir/platform/kernel';
import { AuditEntryEntity, TenantDb } from '@comptoir/platform/database';
import { keysetPage, Page } from '@comptoir/platform/http';

/** Records that belong to the organisation rather than to one company: visible from any of its companies. */
const ORGANIZATION_LEVEL = new Set(['company', 'organization', 'user']);

export interface AuditPageQuery {
  limit?: number;
  cursor?: string;
  updatedSince?: string;
}

/** Reads the audit trail (written by TenantTx.audit in the transaction of each change). */
@Injectable()
export class AuditService {
  constructor(private readonly db: TenantDb) {}

  history(ctx: TenantContext, entity: string, entityId: string, query: AuditPageQuery): Promise<Page<AuditEntryEntity>> {
    return this.db.transaction(ctx, async (tx) => {
      const qb = tx.manager
        .createQueryBuilder(AuditEntryEntity, 'x')
        .where('x.organizationId = :org AND x.entity = :entity AND x.entityId = :entityId', { org: ctx.organizationId, entity, entityId });
      if (!ORGANIZATION_LEVEL.has(entity)) qb.andWhere('x.companyId = :company', { company: ctx.companyId });
      if (query.updatedSince) qb.andWhere('x.at >= :since', { since: new Date(query.updatedSince) });
      return keysetPage(qb, { key: 'x.at', type: 'timestamptz', descending: true, limit: query.limit ?? 50, cursor: query.cursor });
    });
  }
}
