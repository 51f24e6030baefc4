import { TenantTx } from '@comptoir/platform/database';
import { DocumentMapDto } from './dto/document-response.dto';
import { loadDocument } from './document-store';
import type { DocumentStatus, DocumentType, InvoiceKind, LinkRelation } from './document-kinds';

/**
 * The whole chain a document belongs to: every document reachable through links in either direction
 * (quote → order → delivery note → invoice → credit notes, revisions), walked by PostgreSQL in one
 * recursive query (UNION drops the documents already reached, so cycles end).
 */
export async function documentMap(tx: TenantTx, id: string): Promise<DocumentMapDto> {
  await loadDocument(tx, null, id);
  const company = tx.ctx.companyId;
  const chain = `WITH RECURSIVE chain(id) AS (
      SELECT $2::uuid
      UNION
      SELECT CASE WHEN l.parent_id = c.id THEN l.child_id ELSE l.parent_id END
      FROM sales_document_links l JOIN chain c ON l.parent_id = c.id OR l.child_id = c.id
      WHERE l.company_id = $1)`;
  const nodes = (await tx.manager.query(
    `${chain} SELECT d.id, d.type, d.kind, d.number, d.status, CAST(d.date AS text) AS date, CAST(d.net AS text) AS net, CAST(d.gross AS text) AS gross
     FROM sales_documents d JOIN chain c ON c.id = d.id WHERE d.company_id = $1 ORDER BY d.created_at, d.id`,
    [company, id],
  )) as { id: string; type: DocumentType; kind: InvoiceKind | null; number: string | null; status: DocumentStatus; date: string; net: string; gross: string }[];
  const edges = (await tx.manager.query(
    `${chain} SELECT l.parent_id AS "parentId", l.child_id AS "childId", l.relation FROM sales_document_links l
     WHERE l.company_id = $1 AND l.parent_id IN (SELECT id FROM chain) ORDER BY l.created_at, l.id`,
    [company, id],
  )) as { parentId: string; childId: string; relation: LinkRelation }[];
  return { rootId: id, nodes, edges };
}
