import { SelectQueryBuilder } from 'typeorm';
import { Cursor, decodeCursor, encodeCursor, Page } from '@comptoir/platform/http';
import { AccountEntity } from './account.entity';
import { AccountSort } from './dto/account.dto';
import { ListAccountsQuery } from './dto/list-accounts.query';

const SORT_COLUMNS = { name: 'name', createdAt: 'createdAt', updatedAt: 'updatedAt' } as const;

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

/**
 * Filters, text search and keyset pagination on (sort column, id): every page is an index range
 * scan, so page 2,000 costs what page 1 does.
 */
export async function listAccounts(qb: SelectQueryBuilder<AccountEntity>, query: ListAccountsQuery): Promise<Page<AccountEntity>> {
  const limit = query.limit ?? 50;
  const sort: AccountSort = query.sort ?? 'name';
  const descending = sort.startsWith('-');
  const column = SORT_COLUMNS[sort.replace('-', '') as keyof typeof SORT_COLUMNS];
  qb.andWhere('a.deletedAt IS NULL');
  if (query.q?.trim()) qb.andWhere(`a.searchText LIKE '%' || comptoir_fold(:q) || '%'`, { q: escapeLike(query.q.trim()) });
  if (query.role) qb.andWhere(':role = ANY(a.roles)', { role: query.role });
  if (query.tag) qb.andWhere('a.tags @> ARRAY[:tag]::text[]', { tag: query.tag });
  if (query.sectorId) qb.andWhere('a.sectorId = :sectorId', { sectorId: query.sectorId });
  if (query.assignedUserId) qb.andWhere('a.assignedUserId = :assignedUserId', { assignedUserId: query.assignedUserId });
  if (query.updatedSince) qb.andWhere('a.updatedAt >= :updatedSince', { updatedSince: new Date(query.updatedSince) });
  if (query.cursor) {
    const cursor = decodeCursor(query.cursor);
    const value = column === 'name' ? cursor.value : cursor.value && new Date(cursor.value);
    qb.andWhere(`(a.${column}, a.id) ${descending ? '<' : '>'} (:cursorValue, :cursorId)`, { cursorValue: value, cursorId: cursor.id });
  }
  const direction = descending ? 'DESC' : 'ASC';
  const rows = await qb.orderBy(`a.${column}`, direction).addOrderBy('a.id', direction).limit(limit + 1).getMany();
  const page = rows.slice(0, limit);
  const last = page[page.length - 1];
  const nextCursor: Cursor | null = rows.length > limit && last ? { id: last.id, value: cursorValue(last, column) } : null;
  return { data: page, nextCursor: nextCursor && encodeCursor(nextCursor) };
}

function cursorValue(row: AccountEntity, column: (typeof SORT_COLUMNS)[keyof typeof SORT_COLUMNS]): string {
  const value = row[column];
  return value instanceof Date ? value.toISOString() : value;
}
