import { escapeLiteral } from 'pg';
import { EntityManager, ObjectLiteral } from 'typeorm';
import { DomainEvent, newId, NewDomainEvent, TenantContext } from '@comptoir/platform/kernel';
import { AuditChanges } from './audit-entry.entity';
import { OrganizationOwnedEntity } from './tenant-owned.entity';
import { TenantRepository } from './tenant-repository';

/** A SQL literal, escaped by the PostgreSQL driver's own function. */
const lit = (value: string | null | undefined): string => (value === null || value === undefined ? 'NULL' : escapeLiteral(value));

/** A parameter of a write deferred to COMMIT, as a literal: objects and arrays become JSON text (cast them in the SQL). */
function paramLiteral(value: unknown): string {
  if (value === null || value === undefined) return 'NULL';
  if (typeof value === 'string') return escapeLiteral(value);
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new TypeError(`${value} cannot be written as a SQL literal`);
    return String(value);
  }
  if (value instanceof Date) return escapeLiteral(value.toISOString());
  if (typeof value === 'object') return escapeLiteral(JSON.stringify(value));
  throw new TypeError(`a ${typeof value} cannot be written as a SQL literal`);
}

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
  private readonly deferred: string[] = [];

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
   * A write whose outcome the work does not read, sent with the COMMIT (before the events and audit
   * entries) instead of on a round trip of its own: `$1`, `$2`… are replaced by escaped literals. If it
   * fails, the COMMIT fails and the whole transaction rolls back, as if it had failed in place. Worth it
   * inside a critical section, where every round trip lengthens the time locks are held.
   */
  writeAtCommit(sql: string, params: unknown[]): void {
    this.deferred.push(sql.replace(/\$(\d+)/g, (_, n: string) => paramLiteral(params[Number(n) - 1])));
  }

  /**
   * The deferred writes, pending events and audit entries as statements with inline, escaped literals,
   * so that they can travel with the COMMIT in a single round trip (simple-query protocol); null when
   * there are none.
   */
  takePendingWrites(): string | null {
    if (!this.deferred.length && !this.events.length && !this.audits.length) return null;
    const statements = this.deferred.splice(0);
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
