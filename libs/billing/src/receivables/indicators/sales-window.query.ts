import { TenantTx } from '@comptoir/platform/database';

/** The DSO's sales window, in days. */
export const DSO_WINDOW_DAYS = 90;

/**
 * Sales invoiced in the DSO window ending on `asOf` (inclusive), in the same money as receivables (what
 * invoices and deposit invoices ask to be paid, less credit notes), TEST mode and drafts excluded.
 */
export async function salesOfWindow(tx: TenantTx, asOf: string): Promise<string> {
  const [row] = (await tx.manager.query(
    `SELECT COALESCE(sum(CASE WHEN d.kind = 'credit_note' THEN -d.due ELSE d.due END), 0)::numeric(19,2)::text AS sales
       FROM sales_documents d
      WHERE d.company_id = $1 AND d.type = 'invoice' AND d.status <> 'draft' AND d.number IS NOT NULL AND NOT d.test_mode
        AND d.date > $2::date - ${DSO_WINDOW_DAYS} AND d.date <= $2::date`,
    [tx.ctx.companyId, asOf],
  )) as { sales: string }[];
  return row?.sales ?? '0.00';
}
