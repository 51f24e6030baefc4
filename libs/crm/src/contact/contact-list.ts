import { SelectQueryBuilder } from 'typeorm';
import { Page } from '@comptoir/platform/http';
import { keysetPage } from '@comptoir/platform/http';
import { whereFoldedContains } from '../common/folded-search';
import { ContactEntity } from './contact.entity';
import { ContactSort } from './dto/contact.dto';
import { ListContactsQuery } from './dto/list-contacts.query';

const SORT_KEYS = { lastName: { key: 'c.lastName', type: 'text' }, createdAt: { key: 'c.createdAt', type: 'timestamptz' }, updatedAt: { key: 'c.updatedAt', type: 'timestamptz' } } as const;

/**
 * Contacts of live accounts only (a deleted account hides its contacts), filtered and keyset-paged.
 * The caller scopes `qb` to the tenant (alias `c`).
 */
export function listContacts(qb: SelectQueryBuilder<ContactEntity>, query: ListContactsQuery): Promise<Page<ContactEntity>> {
  const sort: ContactSort = query.sort ?? 'lastName';
  const { key, type } = SORT_KEYS[sort.replace('-', '') as keyof typeof SORT_KEYS];
  qb.andWhere('EXISTS (SELECT 1 FROM accounts acc WHERE acc.company_id = c.company_id AND acc.id = c.account_id AND acc.deleted_at IS NULL)');
  if (query.accountId) qb.andWhere('c.accountId = :accountId', { accountId: query.accountId });
  whereFoldedContains(qb, `concat_ws(' ', c.firstName, c.lastName, c.email, c.jobTitle)`, query.q);
  if (query.updatedSince) qb.andWhere('c.updatedAt >= :updatedSince', { updatedSince: new Date(query.updatedSince) });
  return keysetPage(qb, { key, type, descending: sort.startsWith('-'), limit: query.limit ?? 50, cursor: query.cursor });
}
