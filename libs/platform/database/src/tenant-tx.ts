import { escapeLiteral } from 'pg';
import { EntityManager, ObjectLiteral } from 'typeorm';
import { DomainEvent, newId, NewDomainEvent, TenantContext } from '@comptoir/platform/kernel';
import { AuditChanges } from './audit-entry.entity';
import { OrganizationOwnedEntity } from './tenant-owned.entity';
import { TenantRepository } from './tenant-repository';

/** A SQL literal, escaped by the PostgreSQL driver's own function. */
const lit = (value: string | null | undefined): string => (value === null || value === undefined ? 'NULL' : escapeLiteral(value));

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

  /**
   * The pending events and audit entries as ONE statement with inline, escaped literals, so that it
   * can travel with the COMMIT in a single round trip (simple-query protocol); null when there are none.
   */
  takePendingWrites(): string | null {
    if (!this.events.length && !this.audits.length) return null;
    const statements: string[] = [];
    if (this.events.length) {
      const rows = this.events.map(
        (e) =>
          `(${lit(e.id)}::uuid, ${lit(e.organizationId)}::uuid, ${lit(e.companyId || null)}::uuid, ${lit(e.name)}, ${lit(e.aggregateType)}, ${lit(e.aggregateId)}::uuid, ${lit(JSON.stringify(e.payload))}::jsonb, ${lit(e.occurredAt)}::timestamptz)`,
      );
      statements.push(
        `INSERT INTO outbox_events (id, organization_id, company_id, name, aggregate_type, aggregate_id, payload, occurred_at) VALUES ${rows.join(', ')}`,
      );
    }
    if (this.audits.length) {
      const { actor, requestId } = this.ctx;
      const now = new Date().toISOString();
      const rows = this.audits.map(
        (a) =>
          `(${lit(newId())}::uuid, ${lit(this.ctx.organizationId)}::uuid, ${lit(this.ctx.companyId || null)}::uuid, ${lit(actor.type)}, ${lit(actor.type === 'system' ? null : actor.id)}::uuid, ${lit(actor.name)}, ${lit(a.entity)}, ${lit(a.entityId)}::uuid, ${lit(a.action)}, ${lit(JSON.stringify(a.changes))}::jsonb, ${lit(now)}::timestamptz, ${lit(requestId ?? null)})`,
      );
      statements.push(
        `INSERT INTO audit_entries (id, organization_id, company_id, actor_type, actor_id, actor_name, entity, entity_id, action, changes, at, request_id) VALUES ${rows.join(', ')}`,
      );
    }
    this.events.length = 0;
    this.audits.length = 0;
    return statements.join('; ');
  }
}
