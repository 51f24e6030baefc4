import { NotFoundError } from '@comptoir/platform/kernel';
import { TenantTx } from '@comptoir/platform/database';
import { AccountEntity } from './account.entity';

/** The caller's live (not deleted) account, or null: another tenant's id reads as absent. */
export async function findLiveAccount(tx: TenantTx, id: string): Promise<AccountEntity | null> {
  return tx.repo(AccountEntity, 'Account').query('a').andWhere('a.id = :id', { id }).andWhere('a.deletedAt IS NULL').getOne();
}

/** The caller's live account, or 404. */
export async function loadLiveAccount(tx: TenantTx, id: string): Promise<AccountEntity> {
  const account = await findLiveAccount(tx, id);
  if (!account) throw new NotFoundError('Account');
  return account;
}
