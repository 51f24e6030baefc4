import { Injectable } from '@nestjs/common';
import { TenantContext } from '@comptoir/platform/kernel';
import { AuditEntryEntity, TenantDb } from '@comptoir/platform/database';

/** Reads the audit trail (written by TenantTx.audit in the transaction of each change). */
@Injectable()
export class AuditService {
  constructor(private readonly db: TenantDb) {}

  history(ctx: TenantContext, entity: string, entityId: string) {
    return this.db.transaction(ctx, async (tx) => {
      // Company-level records are visible from their company; organisation-level ones (no company) from any.
      const rows = await tx.manager
        .createQueryBuilder(AuditEntryEntity, 'x')
        .where('x.organizationId = :org AND x.entity = :entity AND x.entityId = :entityId', { org: ctx.organizationId, entity, entityId })
        .andWhere(entity === 'company' || entity === 'organization' || entity === 'user' ? '1 = 1' : 'x.companyId = :company', { company: ctx.companyId })
        .orderBy('x.at', 'DESC')
        .addOrderBy('x.id', 'DESC')
        .limit(200)
        .getMany();
      return rows.map((r) => ({
        id: r.id,
        at: r.at.toISOString(),
        actor: { type: r.actorType, id: r.actorId, name: r.actorName },
        action: r.action,
        entity: r.entity,
        entityId: r.entityId,
        changes: r.changes,
        requestId: r.requestId,
      }));
    });
  }
}
