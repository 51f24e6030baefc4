import { AccountEntity } from '@comptoir/crm';
import { TenantTx } from '@comptoir/platform/database';
import { keysetPage, Page } from '@comptoir/platform/http';
import { AllocationResponseDto } from './dto/payment-response.dto';
import { ListPaymentsQuery } from './dto/payment-requests.dto';
import { payments } from './payment-store';
import { PaymentEntity } from './payment.entity';

export interface PaymentListPage extends Page<PaymentEntity> {
  accountNames: Map<string, string>;
}

/** Filters and keyset pagination on (date, id), newest first. */
export async function listPayments(tx: TenantTx, query: ListPaymentsQuery): Promise<PaymentListPage> {
  const qb = payments(tx).query('p');
  if (query.accountId) qb.andWhere('p.accountId = :accountId', { accountId: query.accountId });
  if (query.dateFrom) qb.andWhere('p.date >= :dateFrom', { dateFrom: query.dateFrom });
  if (query.dateTo) qb.andWhere('p.date <= :dateTo', { dateTo: query.dateTo });
  if (query.method) qb.andWhere('p.method = :method', { method: query.method });
  if (query.status) qb.andWhere('p.status = :status', { status: query.status });
  if (query.direction) qb.andWhere('p.direction = :direction', { direction: query.direction });
  if (query.updatedSince) qb.andWhere('p.createdAt >= :updatedSince', { updatedSince: new Date(query.updatedSince) });
  const page = await keysetPage(qb, { key: 'p.date', type: 'timestamptz', descending: true, limit: query.limit ?? 50, cursor: query.cursor });
  return { ...page, accountNames: await accountNames(tx, page.data.map((p) => p.accountId)) };
}

export async function accountNames(tx: TenantTx, ids: string[]): Promise<Map<string, string>> {
  if (!ids.length) return new Map();
  const rows = await tx.repo(AccountEntity, 'Account').query('a').select(['a.id', 'a.name']).andWhere('a.id IN (:...ids)', { ids: [...new Set(ids)] }).getMany();
  return new Map(rows.map((a) => [a.id, a.name]));
}

/**
 * Every allocation from or to a record (a payment, a refund, an invoice, a credit note), reversals
 * included, in date order, each with a label of its other end (document number, payment method and
 * reference).
 */
export async function allocationsOf(tx: TenantTx, recordId: string): Promise<AllocationResponseDto[]> {
  return (await tx.manager.query(
    `SELECT a.id, a.source_type AS "sourceType", a.source_id AS "sourceId", a.target_type AS "targetType", a.target_id AS "targetId",
            a.amount::text AS amount, a.date::text AS date, a.reverses_id AS "reversesId",
            coalesce(sd.number, concat_ws(' ', sp.method, sp.reference)) AS "sourceLabel",
            coalesce(td.number, concat_ws(' ', tp.method, tp.reference)) AS "targetLabel"
       FROM payment_allocations a
       LEFT JOIN sales_documents sd ON a.source_type = 'credit_note' AND sd.company_id = a.company_id AND sd.id = a.source_id
       LEFT JOIN payments sp ON a.source_type = 'payment' AND sp.company_id = a.company_id AND sp.id = a.source_id
       LEFT JOIN sales_documents td ON a.target_type = 'invoice' AND td.company_id = a.company_id AND td.id = a.target_id
       LEFT JOIN payments tp ON a.target_type = 'refund' AND tp.company_id = a.company_id AND tp.id = a.target_id
      WHERE a.company_id = $1 AND (a.source_id = $2 OR a.target_id = $2)
      ORDER BY a.date, a.created_at, a.id`,
    [tx.ctx.companyId, recordId],
  )) as AllocationResponseDto[];
}
