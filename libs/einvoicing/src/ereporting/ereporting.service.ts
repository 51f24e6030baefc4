import { Injectable } from '@nestjs/common';
import { TenantDb } from '@comptoir/platform/database';
import { TenantContext, ValidationFailedError } from '@comptoir/platform/kernel';
import { eReport, EReport, ReportedPayment, ReportedSale } from './ereporting.report';

/**
 * Reads what the e-reporting needs from the sealed snapshots (never the live rows): validated
 * invoices, credit notes and deposit invoices of the period whose e-invoice flow is B2C or B2BINT,
 * and the cash received on service invoices (VAT on receipts: not when the company opted for VAT on
 * debits). TEST and proforma documents are left out; documents validated before e-invoicing existed
 * have no flow and are left out too.
 */
@Injectable()
export class EReportingService {
  constructor(private readonly db: TenantDb) {}

  report(ctx: TenantContext, from: string, to: string): Promise<EReport> {
    if (from > to) throw new ValidationFailedError([{ path: 'to', message: 'must be on or after from' }]);
    return this.db.transaction(ctx, async (tx) => {
      const sales = (await tx.manager.query(
        `SELECT d.id, d.number, d.date::text AS date, coalesce(d.kind, 'invoice') AS kind, d.snapshot->'einvoice'->>'flow' AS flow,
                d.snapshot->'buyer'->>'name' AS "buyerName", d.snapshot->'buyer'->'address'->>'country' AS "buyerCountry",
                d.snapshot->'buyer'->>'vatNumber' AS "buyerVatNumber", d.currency, coalesce(d.snapshot->'totals'->'vat', '[]') AS vat
           FROM sales_documents d
          WHERE d.company_id = $1 AND d.type = 'invoice' AND d.snapshot IS NOT NULL AND NOT d.test_mode AND NOT d.proforma
            AND d.date BETWEEN $2 AND $3 AND d.snapshot->'einvoice'->>'flow' IN ('B2C', 'B2BINT')`,
        [ctx.companyId, from, to],
      )) as ReportedSale[];
      const payments = (await tx.manager.query(
        `SELECT r.date::text AS date, r.amount::text AS amount, r.vat FROM (
           SELECT CASE WHEN a.reverses_id IS NULL THEN p.date ELSE a.date END AS date, a.amount, coalesce(d.snapshot->'totals'->'vat', '[]') AS vat
             FROM payment_allocations a
             JOIN payments p ON p.company_id = a.company_id AND p.id = a.source_id
             JOIN sales_documents d ON d.company_id = a.company_id AND d.id = a.target_id
            WHERE a.company_id = $1 AND a.source_type = 'payment' AND a.target_type = 'invoice' AND NOT d.test_mode
              AND d.snapshot->'legal'->>'operationCategory' = 'services' AND coalesce(d.snapshot->'legal'->>'vatOnDebits', 'false') <> 'true'
         ) r WHERE r.date BETWEEN $2 AND $3`,
        [ctx.companyId, from, to],
      )) as ReportedPayment[];
      return eReport(from, to, sales, payments);
    });
  }
}
