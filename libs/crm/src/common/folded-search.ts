import { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { escapeLike } from '@comptoir/platform/http';

/** Accent- and case-insensitive substring match of `q` in the folded text of `expression`. */
export function whereFoldedContains<T extends ObjectLiteral>(qb: SelectQueryBuilder<T>, expression: string, q: string | undefined): void {
  if (q?.trim()) qb.andWhere(`comptoir_fold(${expression}) LIKE '%' || comptoir_fold(:q) || '%'`, { q: escapeLike(q.trim()) });
}
