import { TenantTx } from '@comptoir/platform/database';
import { statusAfterConversion } from './document-conversion';
import { documents } from './document-store';
import { SalesDocumentEntity } from './sales-document.entity';

/** The last revision number of a quote family (the first version and every revision of it). */
export async function lastRevision(tx: TenantTx, root: string): Promise<number> {
  const [row] = (await tx.manager.query(`SELECT max(revision) AS last FROM sales_documents WHERE company_id = $1 AND (id = $2 OR revision_of = $2)`, [tx.ctx.companyId, root])) as { last: number | null }[];
  return Number(row?.last ?? 1);
}

/**
 * The other still open versions of an accepted quote, locked, each with the status it closes with:
 * only one version of a quote is accepted (DOMAIN §4). A validated version was offered to the customer,
 * who chose another one: it is refused. A draft was never offered: it is cancelled, as its author would.
 */
export async function competingRevisions(tx: TenantTx, accepted: SalesDocumentEntity): Promise<{ doc: SalesDocumentEntity; closeAs: 'refused' | 'cancelled' }[]> {
  const root = accepted.revisionOf ?? accepted.id;
  const open = await documents(tx)
    .query('d')
    .andWhere(`d.type = 'quote' AND (d.id = :root OR d.revisionOf = :root) AND d.id <> :accepted AND d.status IN ('draft', 'validated')`, { root, accepted: accepted.id })
    .orderBy('d.revision')
    .setLock('pessimistic_write')
    .getMany();
  return open.map((doc) => ({ doc, closeAs: doc.status === 'validated' ? 'refused' : 'cancelled' }));
}

/**
 * The parents a draft conversion had made done and that no other conversion keeps done once the draft is
 * deleted (a quote accepted by this order only, an order invoiced by this invoice only), locked: they go back to validated.
 */
export async function parentsToReopen(tx: TenantTx, child: SalesDocumentEntity): Promise<SalesDocumentEntity[]> {
  const parents = await documents(tx)
    .query('p')
    .innerJoin('sales_document_links', 'k', `k.parent_id = p.id AND k.company_id = p.company_id AND k.relation = 'converted'`)
    .andWhere(`k.child_id = :child AND p.status = 'done'`, { child: child.id })
    .setLock('pessimistic_write', undefined, ['p'])
    .getMany();
  const reopened: SalesDocumentEntity[] = [];
  for (const parent of parents) {
    if (statusAfterConversion(parent.type, child.type) !== 'done') continue;
    const others = (await tx.manager.query(
      `SELECT c.type FROM sales_document_links k JOIN sales_documents c ON c.id = k.child_id AND c.company_id = k.company_id
        WHERE k.company_id = $1 AND k.parent_id = $2 AND k.relation = 'converted' AND k.child_id <> $3`,
      [tx.ctx.companyId, parent.id, child.id],
    )) as { type: SalesDocumentEntity['type'] }[];
    if (!others.some((o) => statusAfterConversion(parent.type, o.type) === 'done')) reopened.push(parent);
  }
  return reopened;
}
