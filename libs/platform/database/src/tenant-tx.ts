import { EntityManager, ObjectLiteral } from 'typeorm';
import { DomainEvent, newId, NewDomainEvent, TenantContext } from '@comptoir/platform/kernel';
import { AuditChanges } from './audit-entry.entity';
import { OrganizationOwnedEntity } from './tenant-owned.entity';
import { TenantRepository } from './tenant-repository';

export interface AuditRecord {
  entity: string;
  entityId: string;
  action: 'create' | 'update' | 'delete' | string;
  changes: AuditChanges;
}

/**
 * One unit of work for one tenant: repositories scoped to it, plus the events and audit entries that
 * commit or roll back together with the change.
 */
export class TenantTx {
  private readonly events: DomainEvent[] = [];
  private readonly audits: AuditRecord[] = [];

  constructor(
    readonly manager: EntityManager,
    readonly ctx: TenantContext,
  ) {}

  repo<T extends OrganizationOwnedEntity & ObjectLiteral>(target: new () => T, label: string): TenantRepository<T> {
    return new TenantRepository(this.manager, target, this.ctx, label);
  }

  emit(event: NewDomainEvent): DomainEvent {
    const full: DomainEvent = {
      ...event,
      id: newId(),
      organizationId: this.ctx.organizationId,
      // Organisation-level work (signup, password reset) runs with no company: '' is not a company id.
      companyId: this.ctx.companyId || null,
      occurredAt: new Date().toISOString(),
    };
    this.events.push(full);
    return full;
  }

  audit(record: AuditRecord): void {
    if (record.action === 'update' && Object.keys(record.changes).length === 0) return;
    this.audits.push(record);
  }

  /** Writes the pending events and audit entries in one statement, just before commit. */
  async flush(): Promise<void> {
    if (!this.events.length && !this.audits.length) return;
    const params: unknown[] = [];
    const p = (v: unknown) => {
      params.push(v);
      return `$${params.length}`;
    };
    const ctes: string[] = [];
    if (this.events.length) {
      const rows = this.events.map(
        (e) =>
          `(${p(e.id)}::uuid, ${p(e.organizationId)}::uuid, ${p(e.companyId)}::uuid, ${p(e.name)}, ${p(e.aggregateType)}, ${p(e.aggregateId)}::uuid, ${p(JSON.stringify(e.payload))}::jsonb, ${p(e.occurredAt)}::timestamptz)`,
      );
      ctes.push(
        `INSERT INTO outbox_events (id, organization_id, company_id, name, aggregate_type, aggregate_id, payload, occurred_at) VALUES ${rows.join(', ')}`,
      );
    }
    if (this.audits.length) {
      const { actor, requestId } = this.ctx;
      const now = new Date().toISOString();
      const rows = this.audits.map(
        (a) =>
          `(${p(newId())}::uuid, ${p(this.ctx.organizationId)}::uuid, ${p(this.ctx.companyId || null)}::uuid, ${p(actor.type)}, ${p(actor.type === 'system' ? null : actor.id)}::uuid, ${p(actor.name)}, ${p(a.entity)}, ${p(a.entityId)}::uuid, ${p(a.action)}, ${p(JSON.stringify(a.changes))}::jsonb, ${p(now)}::timestamptz, ${p(requestId ?? null)})`,
      );
      ctes.push(
        `INSERT INTO audit_entries (id, organization_id, company_id, actor_type, actor_id, actor_name, entity, entity_id, action, changes, at, request_id) VALUES ${rows.join(', ')}`,
      );
    }
    const sql = ctes.length === 2 ? `WITH outbox AS (${ctes[0]}) ${ctes[1]}` : ctes[0]!;
    await this.manager.query(sql, params);
    this.events.length = 0;
    this.audits.length = 0;
  }
}
