import { ValidationFailedError } from '@comptoir/platform/kernel';
import { decodeCursor, encodeCursor, Page } from '@comptoir/platform/http';
import type { TenantTx } from '@comptoir/platform/database';
import { LedgerEntryEntity } from './ledger-entry.entity';
import { ListLedgerEntriesQuery } from './dto/ledger.dto';

/** Journal entries in chain order, keyset-paginated on seq (unique per company). */
export async function listLedgerEntries(tx: TenantTx, query: ListLedgerEntriesQuery): Promise<Page<LedgerEntryEntity>> {
  const limit = query.limit ?? 50;
  const qb = tx.repo(LedgerEntryEntity, 'Ledger entry').query('e');
  if (query.kind) qb.andWhere('e.kind = :kind', { kind: query.kind });
  if (query.recordId) qb.andWhere('e.recordId = :recordId', { recordId: query.recordId });
  if (query.from) qb.andWhere('e.recordDate >= :from', { from: query.from });
  if (query.to) qb.andWhere('e.recordDate <= :to', { to: query.to });
  if (query.updatedSince) qb.andWhere('e.createdAt >= :updatedSince', { updatedSince: new Date(query.updatedSince) });
  if (query.cursor) {
    const cursor = decodeCursor(query.cursor);
    if (!/^\d{1,15}$/.test(cursor.value ?? '')) throw new ValidationFailedError([{ path: 'cursor', message: 'cursor is not a cursor returned by this API' }]);
    qb.andWhere('e.seq > :after', { after: cursor.value });
  }
  const rows = await qb.orderBy('e.seq', 'ASC').limit(limit + 1).getMany();
  const data = rows.slice(0, limit);
  const last = data[data.length - 1];
  return { data, nextCursor: rows.length > limit && last ? encodeCursor({ value: last.seq, id: last.id }) : null };
}
