import { TenantTx } from '@comptoir/platform/database';
import { SalesDocumentEntity } from './sales-document.entity';

/**
 * The UPDATE that writes what validation decided on document rows (number, frozen snapshot, totals,
 * schedule, who and when), for one document or ten thousand: the rows travel as ONE JSON array
 * parameter, so nothing is escaped element by element and the statement stays the same size. The
 * database trigger freezes these columns afterwards.
 */
export function validatedRowsUpdate(tx: TenantTx, docs: SalesDocumentEntity[]): { sql: string; params: unknown[] } {
  const rows = docs.map((d) => ({
    id: d.id,
    number: d.number,
    snapshot: d.snapshot,
    totals: d.totals,
    schedule: d.schedule,
    net: d.net,
    vatTotal: d.vatTotal,
    gross: d.gross,
    prepaid: d.prepaid,
    due: d.due,
    dueDate: d.dueDate,
    validatedAt: d.validatedAt,
    validatedBy: d.validatedBy,
    updatedAt: d.updatedAt,
  }));
  return {
    sql: `UPDATE sales_documents d
             SET status = 'validated', number = v.number, snapshot = v.snapshot, totals = v.totals, schedule = v.schedule,
                 net = v.net, vat_total = v."vatTotal", gross = v.gross, prepaid = v.prepaid, due = v.due, due_date = v."dueDate",
                 validated_at = v."validatedAt", validated_by = v."validatedBy", updated_at = v."updatedAt"
            FROM jsonb_to_recordset($1::jsonb) AS v(id uuid, number text, snapshot jsonb, totals jsonb, schedule jsonb, net numeric, "vatTotal" numeric,
                 gross numeric, prepaid numeric, due numeric, "dueDate" date, "validatedAt" timestamptz, "validatedBy" uuid, "updatedAt" timestamptz)
           WHERE d.id = v.id AND d.company_id = $2`,
    params: [JSON.stringify(rows), tx.ctx.companyId],
  };
}
