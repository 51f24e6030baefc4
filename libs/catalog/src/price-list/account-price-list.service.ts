import { Injectable } from '@nestjs/common';
import { newId, NotFoundError, TenantContext, ValidationFailedError } from '@comptoir/platform/kernel';
import { TenantDb, TenantTx } from '@comptoir/platform/database';
import { CustomerPriceListEntity } from './customer-price-list.entity';
import { PriceListEntity } from './price-list.entity';

export interface AccountPriceList {
  accountId: string;
  priceList: { list: PriceListEntity; itemCount: number } | null;
}

/**
 * Which price list a customer account buys at. The change is audited on the account itself, so it
 * shows in the account's history next to its CRM changes.
 */
@Injectable()
export class AccountPriceListService {
  constructor(private readonly db: TenantDb) {}

  get(ctx: TenantContext, accountId: string): Promise<AccountPriceList> {
    return this.db.transaction(ctx, async (tx) => {
      await assertLiveAccount(tx, accountId);
      return this.read(tx, accountId);
    });
  }

  assign(ctx: TenantContext, accountId: string, priceListId: string): Promise<AccountPriceList> {
    return this.db.transaction(ctx, async (tx) => {
      await assertLiveAccount(tx, accountId);
      const list = await tx.repo(PriceListEntity, 'Price list').findById(priceListId);
      if (!list) throw new ValidationFailedError([{ path: 'priceListId', message: 'priceListId is not a price list of this company' }]);
      await this.assignIn(tx, accountId, priceListId);
      return this.read(tx, accountId);
    });
  }

  unassign(ctx: TenantContext, accountId: string): Promise<void> {
    return this.db.transaction(ctx, async (tx) => {
      await assertLiveAccount(tx, accountId);
      const current = await this.current(tx, accountId);
      if (!current) return;
      await tx.repo(CustomerPriceListEntity, 'Price list assignment').remove(current);
      tx.audit({ entity: 'account', entityId: accountId, action: 'update', changes: { priceListId: { from: current.priceListId, to: null } } });
    });
  }

  /** Assignment inside the caller's transaction; the account and list are known to be the company's. */
  async assignIn(tx: TenantTx, accountId: string, priceListId: string): Promise<void> {
    const current = await this.current(tx, accountId);
    if (current?.priceListId === priceListId) return;
    await tx.manager.query(
      `INSERT INTO customer_price_lists (id, organization_id, company_id, account_id, price_list_id) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (company_id, account_id) DO UPDATE SET price_list_id = EXCLUDED.price_list_id, assigned_at = now()`,
      [newId(), tx.ctx.organizationId, tx.ctx.companyId, accountId, priceListId],
    );
    tx.audit({ entity: 'account', entityId: accountId, action: 'update', changes: { priceListId: { from: current?.priceListId ?? null, to: priceListId } } });
  }

  private current(tx: TenantTx, accountId: string): Promise<CustomerPriceListEntity | null> {
    return tx.repo(CustomerPriceListEntity, 'Price list assignment').query('a').andWhere('a.accountId = :accountId', { accountId }).getOne();
  }

  private async read(tx: TenantTx, accountId: string): Promise<AccountPriceList> {
    const current = await this.current(tx, accountId);
    if (!current) return { accountId, priceList: null };
    const list = await tx.repo(PriceListEntity, 'Price list').getById(current.priceListId);
    const [count] = await tx.manager.query(`SELECT count(*)::int AS n FROM price_list_items WHERE company_id = $1 AND price_list_id = $2`, [tx.ctx.companyId, list.id]);
    return { accountId, priceList: { list, itemCount: count.n as number } };
  }
}

/** A live (not deleted) account of the caller's company, or 404. */
export async function assertLiveAccount(tx: TenantTx, accountId: string): Promise<void> {
  const [row] = await tx.manager.query(`SELECT 1 FROM accounts WHERE company_id = $1 AND id = $2 AND deleted_at IS NULL`, [tx.ctx.companyId, accountId]);
  if (!row) throw new NotFoundError('Account');
}
