import { AuditChanges, TenantTx } from '@comptoir/platform/database';

export type CatalogAggregate = 'vat_rate' | 'product' | 'price_list' | 'customer_price';
export type CatalogVerb = 'created' | 'updated' | 'archived' | 'deleted';

const AUDIT_ACTION: Record<CatalogVerb, string> = { created: 'create', updated: 'update', archived: 'update', deleted: 'delete' };

/**
 * Records one change of a catalog aggregate: the audit entry and the `catalog.<aggregate>.<verb>`
 * event (payload: the resource as the API shows it, and the fields that changed), both committed
 * with the change itself.
 */
export function recordCatalogChange(
  tx: TenantTx,
  change: { aggregate: CatalogAggregate; verb: CatalogVerb; id: string; changes: AuditChanges; resource: object },
): void {
  tx.audit({ entity: change.aggregate, entityId: change.id, action: AUDIT_ACTION[change.verb], changes: change.changes });
  tx.emit({
    name: `catalog.${change.aggregate}.${change.verb}`,
    aggregateType: change.aggregate,
    aggregateId: change.id,
    payload: { [camel(change.aggregate)]: change.resource, changed: Object.keys(change.changes) },
  });
}

const camel = (s: string) => s.replace(/_([a-z])/g, (_m, c: string) => c.toUpperCase());
