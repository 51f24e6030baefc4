import { SelectQueryBuilder } from 'typeorm';
import { escapeLike, keysetPage, Page } from '@comptoir/platform/http';
import { ProductSort } from './dto/product.dto';
import { ListProductsQuery } from './dto/list-products.query';
import { ProductEntity } from './product.entity';

const SORT_KEYS = {
  reference: { key: 'p.reference', type: 'text' },
  name: { key: 'p.name', type: 'text' },
  createdAt: { key: 'p.createdAt', type: 'timestamptz' },
  updatedAt: { key: 'p.updatedAt', type: 'timestamptz' },
} as const;

/** With a search term, sort through an expression no b-tree provides: see listAccounts in the CRM for why. */
function unindexed(key: string, type: 'text' | 'timestamptz'): string {
  return type === 'text' ? `(${key} || '')` : `(${key} + interval '0')`;
}

/** Filters, accent-insensitive search (trigram index on search_text) and keyset pagination on (sort key, id). */
export function listProducts(qb: SelectQueryBuilder<ProductEntity>, query: ListProductsQuery): Promise<Page<ProductEntity>> {
  const sort: ProductSort = query.sort ?? 'reference';
  const term = query.q?.trim();
  if (term) qb.andWhere(`p.searchText LIKE '%' || comptoir_fold(:q) || '%'`, { q: escapeLike(term) });
  if (query.type) qb.andWhere('p.type = :type', { type: query.type });
  if (query.active !== undefined) qb.andWhere('p.active = :active', { active: query.active });
  if (query.supplierAccountId) {
    qb.andWhere('EXISTS (SELECT 1 FROM product_suppliers s WHERE s.company_id = p.company_id AND s.product_id = p.id AND s.supplier_account_id = :supplierAccountId)', {
      supplierAccountId: query.supplierAccountId,
    });
  }
  if (query.updatedSince) qb.andWhere('p.updatedAt >= :updatedSince', { updatedSince: new Date(query.updatedSince) });
  const { key, type } = SORT_KEYS[sort.replace('-', '') as keyof typeof SORT_KEYS];
  return keysetPage(qb, { key: term ? unindexed(key, type) : key, type, descending: sort.startsWith('-'), limit: query.limit ?? 50, cursor: query.cursor });
}
