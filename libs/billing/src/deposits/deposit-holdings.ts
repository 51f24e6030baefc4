import { TenantTx } from '@comptoir/platform/database';

/** A validated deposit invoice drawn on an order or quote. */
export interface DepositDrawn {
  id: string;
  number: string;
  date: string;
  gross: string;
  /** A final invoice (draft or validated) already deducts it. */
  deducted: boolean;
}

/**
 * The deposit invoices drawn on a document or on the documents it was converted from (the quote of an
 * order: a deposit paid on the quote is deducted when the order is invoiced), oldest first, walked up
 * the `converted` links by PostgreSQL in one recursive query.
 */
export async function depositsDrawn(tx: TenantTx, documentId: string): Promise<DepositDrawn[]> {
  return (await tx.manager.query(
    `WITH RECURSIVE holders(id) AS (
        SELECT $2::uuid
        UNION
        SELECT l.parent_id FROM sales_document_links l JOIN holders h ON l.child_id = h.id
         WHERE l.company_id = $1 AND l.relation = 'converted')
     SELECT d.id, d.number, CAST(d.date AS text) AS date, CAST(d.gross AS text) AS gross,
            EXISTS (SELECT 1 FROM sales_document_lines x JOIN sales_documents f ON f.id = x.document_id AND f.company_id = x.company_id
                     WHERE x.company_id = $1 AND x.deposit_invoice_id = d.id AND f.kind = 'invoice') AS deducted
       FROM sales_document_links k JOIN sales_documents d ON d.id = k.child_id AND d.company_id = k.company_id
      WHERE k.company_id = $1 AND k.relation = 'deposit' AND k.parent_id IN (SELECT id FROM holders) AND d.status <> 'draft'
      ORDER BY d.date, d.number`,
    [tx.ctx.companyId, documentId],
  )) as DepositDrawn[];
}
