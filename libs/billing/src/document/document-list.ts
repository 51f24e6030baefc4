import { AccountEntity } from '@comptoir/crm';
import { TenantTx } from '@comptoir/platform/database';
import { escapeLike, keysetPage, Page } from '@comptoir/platform/http';
import { DocumentType } from './document-kinds';
import { documents } from './document-store';
import { DocumentSort, ListDocumentsQuery } from './dto/list-documents.query';
import { SalesDocumentEntity } from './sales-document.entity';

const SORT_KEYS = {
  // A date compares with the cursor's timestamptz at midnight of the session zone, exactly as it was read.
  date: { key: 'd.date', type: 'timestamptz' },
  createdAt: { key: 'd.createdAt', type: 'timestamptz' },
  updatedAt: { key: 'd.updatedAt', type: 'timestamptz' },
} as const;

export interface DocumentListPage extends Page<SalesDocumentEntity> {
  accountNames: Map<string, string>;
}

/** Filters, search on number, title and customer name, keyset pagination on (sort key, id). */
export async function listDocuments(tx: TenantTx, type: DocumentType, query: ListDocumentsQuery): Promise<DocumentListPage> {
  const qb = documents(tx).query('d').andWhere('d.type = :type', { type });
  if (query.status) qb.andWhere('d.status = :status', { status: query.status });
  if (query.kind) qb.andWhere('d.kind = :kind', { kind: query.kind });
  if (query.paymentStatus) qb.andWhere('d.paymentStatus = :paymentStatus', { paymentStatus: query.paymentStatus });
  if (query.accountId) qb.andWhere('d.accountId = :accountId', { accountId: query.accountId });
  if (query.dateFrom) qb.andWhere('d.date >= :dateFrom', { dateFrom: query.dateFrom });
  if (query.dateTo) qb.andWhere('d.date <= :dateTo', { dateTo: query.dateTo });
  if (query.updatedSince) qb.andWhere('d.updatedAt >= :updatedSince', { updatedSince: new Date(query.updatedSince) });
  const term = query.q?.trim();
  if (term) {
    qb.andWhere(
      `(comptoir_fold(coalesce(d.number, '') || ' ' || coalesce(d.title, '')) LIKE '%' || comptoir_fold(:q) || '%'
        OR d.accountId IN (SELECT a.id FROM accounts a WHERE a.company_id = d.company_id AND a.search_text LIKE '%' || comptoir_fold(:q) || '%'))`,
      { q: escapeLike(term) },
    );
  }
  const sort: DocumentSort = query.sort ?? '-date';
  const { key, type: keyType } = SORT_KEYS[sort.replace('-', '') as keyof typeof SORT_KEYS];
  const page = await keysetPage(qb, { key, type: keyType, descending: sort.startsWith('-'), limit: query.limit ?? 50, cursor: query.cursor });
  return { ...page, accountNames: await accountNames(tx, page.data.map((d) => d.accountId)) };
}

async function accountNames(tx: TenantTx, ids: string[]): Promise<Map<string, string>> {
  if (!ids.length) return new Map();
  const rows = await tx.repo(AccountEntity, 'Account').query('a').select(['a.id', 'a.name']).andWhere('a.id IN (:...ids)', { ids: [...new Set(ids)] }).getMany();
  return new Map(rows.map((a) => [a.id, a.name]));
}
