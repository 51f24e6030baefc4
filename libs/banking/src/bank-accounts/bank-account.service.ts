import { Injectable } from '@nestjs/common';
import { ConflictError, FieldError, newId, NotFoundError, TenantContext, ValidationFailedError } from '@comptoir/platform/kernel';
import { diffFields, TenantDb, TenantRepository, TenantTx } from '@comptoir/platform/database';
import { AccountEntity } from '@comptoir/crm';
import { BankAccountEntity } from './bank-account.entity';
import { bicProblem, ibanProblem, normaliseBic, normaliseIban } from './bank-details';
import { CreateBankAccountDto, UpdateBankAccountDto } from './bank-account.dto';

const AUDITED = ['accountId', 'iban', 'bic', 'holder', 'label', 'isDefault', 'archivedAt'] as const;

/**
 * The company's own bank accounts and its customers' ones: IBAN in electronic format with its checksum
 * and country format checked, BIC consistent with the IBAN's country. One company account is the
 * default (receipts, SEPA collections). Removing an account archives it: mandates and payments keep
 * pointing at it.
 */
@Injectable()
export class BankAccountService {
  constructor(private readonly db: TenantDb) {}

  create(ctx: TenantContext, input: CreateBankAccountDto): Promise<BankAccountEntity> {
    return this.db.transaction(ctx, async (tx) => {
      const accountId = input.accountId ?? null;
      if (accountId) await loadCustomer(tx, accountId);
      const details = checkedDetails(input.iban, input.bic ?? null);
      const isDefault = accountId === null && (input.isDefault ?? !(await this.hasCompanyAccount(tx)));
      const id = newId();
      if (isDefault) await this.clearOtherDefaults(tx, id);
      const now = new Date();
      const account = await this.repo(tx).insert({ id, accountId, ...details, holder: input.holder.trim(), label: input.label ?? null, isDefault, archivedAt: null, createdAt: now, updatedAt: now });
      tx.audit({ entity: 'bank_account', entityId: id, action: 'create', changes: diffFields(null, account as never, AUDITED) });
      return account;
    });
  }

  /** An unknown customer (or another tenant's) simply has no accounts: lists filter, they do not 404. */
  list(ctx: TenantContext, accountId: string | undefined): Promise<BankAccountEntity[]> {
    return this.db.transaction(ctx, async (tx) => {
      const query = this.repo(tx).query('b').andWhere('b.archivedAt IS NULL');
      if (accountId) query.andWhere('b.accountId = :accountId', { accountId });
      else query.andWhere('b.accountId IS NULL');
      return query.orderBy('b.isDefault', 'DESC').addOrderBy('b.createdAt').addOrderBy('b.id').getMany();
    });
  }

  get(ctx: TenantContext, id: string): Promise<BankAccountEntity> {
    return this.db.transaction(ctx, (tx) => this.load(tx, id));
  }

  update(ctx: TenantContext, id: string, input: UpdateBankAccountDto): Promise<BankAccountEntity> {
    return this.db.transaction(ctx, async (tx) => {
      const account = await this.load(tx, id);
      const before = { ...account };
      if (input.iban !== undefined || input.bic !== undefined) {
        if (input.iban !== undefined && normaliseIban(input.iban) !== account.iban) await this.refuseIfMandated(tx, id);
        const bic = input.bic === undefined ? account.bic : input.bic;
        Object.assign(account, checkedDetails(input.iban ?? account.iban, bic));
      }
      if (input.holder !== undefined) account.holder = input.holder.trim();
      if (input.label !== undefined) account.label = input.label;
      if (input.isDefault !== undefined) {
        if (input.isDefault && account.accountId) throw new ValidationFailedError([{ path: 'isDefault', message: "Only the company's own accounts can be the default one" }]);
        if (input.isDefault && !account.isDefault) await this.clearOtherDefaults(tx, id);
        account.isDefault = input.isDefault;
      }
      const changes = diffFields(before as never, account as never, AUDITED);
      if (!Object.keys(changes).length) return account;
      account.updatedAt = new Date();
      await this.repo(tx).save(account);
      tx.audit({ entity: 'bank_account', entityId: id, action: 'update', changes });
      return account;
    });
  }

  /** Archives the account: it leaves the lists, but mandates, batches and payments that used it keep it. */
  archive(ctx: TenantContext, id: string): Promise<void> {
    return this.db.transaction(ctx, async (tx) => {
      const account = await this.load(tx, id);
      const before = { ...account };
      Object.assign(account, { archivedAt: new Date(), isDefault: false, updatedAt: new Date() });
      await this.repo(tx).save(account);
      await tx.manager.query(`UPDATE mandates SET status = 'revoked', revoked_on = CURRENT_DATE, updated_at = now() WHERE company_id = $1 AND bank_account_id = $2 AND status = 'active'`, [tx.ctx.companyId, id]);
      tx.audit({ entity: 'bank_account', entityId: id, action: 'delete', changes: diffFields(before as never, account as never, AUDITED) });
    });
  }

  private repo(tx: TenantTx): TenantRepository<BankAccountEntity> {
    return tx.repo(BankAccountEntity, 'Bank account');
  }

  private async load(tx: TenantTx, id: string): Promise<BankAccountEntity> {
    const account = await this.repo(tx).getById(id);
    if (account.archivedAt) throw new NotFoundError('Bank account');
    return account;
  }

  /** A debtor's new IBAN is a mandate amendment (carried in the next collection), never an in-place edit. */
  private async refuseIfMandated(tx: TenantTx, id: string): Promise<void> {
    const [row] = (await tx.manager.query(`SELECT 1 FROM mandates WHERE company_id = $1 AND bank_account_id = $2 AND status = 'active' LIMIT 1`, [tx.ctx.companyId, id])) as unknown[];
    if (row) throw new ConflictError('bank_account_in_use', 'An active mandate debits this account: add the new account and amend the mandate instead', [{ path: 'iban', message: 'An active mandate debits this account' }]);
  }

  private async hasCompanyAccount(tx: TenantTx): Promise<boolean> {
    return (await this.repo(tx).query('b').andWhere('b.accountId IS NULL AND b.archivedAt IS NULL').getCount()) > 0;
  }

  private async clearOtherDefaults(tx: TenantTx, keepId: string): Promise<void> {
    await tx.manager.query(`SELECT pg_advisory_xact_lock(hashtext($1))`, [`bank-account-default:${tx.ctx.companyId}`]);
    await tx.manager.query(`UPDATE bank_accounts SET is_default = false, updated_at = now() WHERE company_id = $1 AND is_default AND id <> $2`, [tx.ctx.companyId, keepId]);
  }
}

/** The normalised IBAN and BIC, or a 400 naming the fields at fault. */
function checkedDetails(rawIban: string, rawBic: string | null): { iban: string; bic: string | null } {
  const iban = normaliseIban(rawIban);
  const bic = rawBic ? normaliseBic(rawBic) : null;
  const errors: FieldError[] = [];
  const ibanError = ibanProblem(iban);
  if (ibanError) errors.push({ path: 'iban', message: ibanError });
  const bicError = bic && !ibanError ? bicProblem(bic, iban) : null;
  if (bicError) errors.push({ path: 'bic', message: bicError });
  if (errors.length) throw new ValidationFailedError(errors);
  return { iban, bic };
}

/** A live customer of the caller's company; another tenant's id is a 404 like an absent one. */
export async function loadCustomer(tx: TenantTx, accountId: string): Promise<AccountEntity> {
  const account = await tx.repo(AccountEntity, 'Account').query('a').andWhere('a.id = :accountId AND a.deletedAt IS NULL', { accountId }).getOne();
  if (!account) throw new NotFoundError('Account');
  return account;
}
