import { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { decodeCursor, encodeCursor, Page } from './cursor';

export interface KeysetOptions {
  /** SQL expression of the sort key (property paths allowed): never null for the rows listed. */
  key: string;
  /** How the key is compared when read back from a cursor. */
  type: 'text' | 'timestamptz';
  descending: boolean;
  limit: number;
  cursor?: string;
}

/**
 * Keyset pagination on (sort key, id): the key is read back as text by PostgreSQL itself, so a
 * cursor compares exactly whatever the column's precision, and page N costs what page 1 does.
 */
export async function keysetPage<T extends ObjectLiteral & { id: string }>(qb: SelectQueryBuilder<T>, options: KeysetOptions): Promise<Page<T>> {
  const alias = qb.alias;
  const direction = options.descending ? 'DESC' : 'ASC';
  if (options.cursor) {
    const cursor = decodeCursor(options.cursor);
    qb.andWhere(`(${options.key}, ${alias}.id) ${options.descending ? '<' : '>'} (CAST(:keysetValue AS ${options.type}), CAST(:keysetId AS uuid))`, {
      keysetValue: cursor.value,
      keysetId: cursor.id,
    });
  }
  qb.addSelect(`CAST(${options.key} AS text)`, 'keyset_value')
    .orderBy(options.key, direction)
    .addOrderBy(`${alias}.id`, direction)
    .limit(options.limit + 1);
  const { entities, raw } = await qb.getRawAndEntities<{ keyset_value: string }>();
  const page = entities.slice(0, options.limit);
  const last = page[page.length - 1];
  const nextCursor = entities.length > options.limit && last ? encodeCursor({ id: last.id, value: raw[page.length - 1]!.keyset_value }) : null;
  return { data: page, nextCursor };
}

/** Escapes LIKE wildcards so user text matches literally. */
export const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);
