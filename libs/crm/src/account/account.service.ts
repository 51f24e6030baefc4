import { Injectable } from '@nestjs/common';
import { newId, normaliseVatNumber, NotFoundError, TenantContext, ValidationFailedError } from '@comptoir/platform/kernel';
import { diffFields, TenantDb, TenantRepository, TenantTx } from '@comptoir/platform/database';
import { Page } from '@comptoir/platform/http';
import { listAccounts } from './account-list';
import { AccountEntity } from './account.entity';
import { ACCOUNT_CREATED, ACCOUNT_DELETED, ACCOUNT_UPDATED, AccountEventPayload } from './account.events';
import { toAccountDto } from './account.mapper';
import { CreateAccountDto, UpdateAccountDto } from './dto/account.dto';
import { ListAccountsQuery } from './dto/list-accounts.query';

const AUDITED = [
  'name', 'kind', 'roles', 'siren', 'siret', 'vatNumber', 'electronicAddress', 'electronicAddressScheme', 'email', 'phone', 'mobile', 'website', 'billingAddress',
  'deliveryAddresses', 'tags', 'customFields', 'sectorId', 'assignedUserId', 'externalRef', 'preferredPaymentMethod', 'notes',
] as const;

/** Fields a PATCH may not clear with null (the others accept null to clear them). */
const NOT_NULL = ['name', 'kind', 'roles', 'deliveryAddresses', 'tags', 'customFields'] as const;

/** A new account shows every optional field, as null, like one read back. */
const NULLABLE_DEFAULTS: Partial<AccountEntity> = {
  siren: null, siret: null, vatNumber: null, electronicAddress: null, electronicAddressScheme: null, email: null, phone: null, mobile: null, website: null, billingAddress: null,
  sectorId: null, assignedUserId: null, externalRef: null, preferredPaymentMethod: null, notes: null, deletedAt: null,
};

export type UpsertMatch = 'externalRef' | 'siren' | 'email';

/** Use cases of CRM accounts: create, read, list and search, update, soft delete, upsert for connectors. */
@Injectable()
export class AccountService {
  constructor(private readonly db: TenantDb) {}

  create(ctx: TenantContext, input: CreateAccountDto): Promise<AccountEntity> {
    return this.db.transaction(ctx, (tx) => this.insert(tx, input));
  }

  get(ctx: TenantContext, id: string): Promise<AccountEntity> {
    return this.db.transaction(ctx, (tx) => this.load(tx, id));
  }

  list(ctx: TenantContext, query: ListAccountsQuery): Promise<Page<AccountEntity>> {
    return this.db.transaction(ctx, (tx) => listAccounts(this.repo(tx).query('a'), query));
  }

  update(ctx: TenantContext, id: string, input: UpdateAccountDto): Promise<AccountEntity> {
    return this.db.transaction(ctx, async (tx) => this.apply(tx, await this.load(tx, id), input));
  }

  delete(ctx: TenantContext, id: string): Promise<void> {
    return this.db.transaction(ctx, async (tx) => {
      const account = await this.load(tx, id);
      account.deletedAt = new Date();
      account.updatedAt = account.deletedAt;
      await this.repo(tx).save(account);
      tx.audit({ entity: 'account', entityId: id, action: 'delete', changes: { deletedAt: { from: null, to: account.deletedAt } } });
      this.emit(tx, ACCOUNT_DELETED, account, []);
    });
  }

  /**
   * Creates or updates the account matched by external reference, else SIREN, else email. A
   * transaction-scoped advisory lock on the match keys makes concurrent upserts of the same
   * record serialise instead of creating twins.
   */
  upsert(ctx: TenantContext, input: CreateAccountDto): Promise<{ account: AccountEntity; matchedBy: UpsertMatch | null }> {
    return this.db.transaction(ctx, async (tx) => {
      const keys = ([['externalRef', input.externalRef], ['siren', input.siren], ['email', input.email?.toLowerCase()]] as const).filter(
        (k): k is readonly [UpsertMatch, string] => Boolean(k[1]),
      );
      if (!keys.length) {
        throw new ValidationFailedError([{ path: 'externalRef', message: 'upsert needs externalRef, siren or email to match on' }]);
      }
      for (const [, value] of keys) await tx.manager.query(`SELECT pg_advisory_xact_lock(hashtext($1))`, [`${ctx.companyId}:${value}`]);
      for (const [field, value] of keys) {
        const qb = this.repo(tx).query('a').andWhere('a.deletedAt IS NULL');
        const column = field === 'email' ? 'lower(a.email)' : `a.${field}`;
        const match = await qb.andWhere(`${column} = :value`, { value }).orderBy('a.createdAt').addOrderBy('a.id').getOne();
        if (match) return { account: await this.apply(tx, match, input), matchedBy: field };
      }
      return { account: await this.insert(tx, input), matchedBy: null };
    });
  }

  private repo(tx: TenantTx): TenantRepository<AccountEntity> {
    return tx.repo(AccountEntity, 'Account');
  }

  private async load(tx: TenantTx, id: string): Promise<AccountEntity> {
    const account = await this.repo(tx).getById(id);
    if (account.deletedAt) throw new NotFoundError('Account');
    return account;
  }

  private async insert(tx: TenantTx, input: CreateAccountDto): Promise<AccountEntity> {
    await this.assertReferences(tx, input);
    const now = new Date();
    const account = await this.repo(tx).insert({
      id: newId(),
      kind: 'company',
      ...NULLABLE_DEFAULTS,
      deliveryAddresses: [],
      tags: [],
      customFields: {},
      ...normalise(input),
      createdAt: now,
      updatedAt: now,
    });
    tx.audit({ entity: 'account', entityId: account.id, action: 'create', changes: diffFields(null, account as never, AUDITED) });
    this.emit(tx, ACCOUNT_CREATED, account, []);
    return account;
  }

  private async apply(tx: TenantTx, account: AccountEntity, input: UpdateAccountDto): Promise<AccountEntity> {
    const nulls = NOT_NULL.filter((field) => (input as Record<string, unknown>)[field] === null);
    if (nulls.length) throw new ValidationFailedError(nulls.map((field) => ({ path: field, message: `${field} cannot be null` })));
    await this.assertReferences(tx, input);
    const before = { ...account };
    Object.assign(account, normalise(input));
    const changes = diffFields(before as never, account as never, AUDITED);
    if (!Object.keys(changes).length) return account;
    account.updatedAt = new Date();
    await this.repo(tx).save(account);
    tx.audit({ entity: 'account', entityId: account.id, action: 'update', changes });
    this.emit(tx, ACCOUNT_UPDATED, account, Object.keys(changes));
    return account;
  }

  /** The sector and the assigned user must belong to the caller's company. */
  private async assertReferences(tx: TenantTx, input: UpdateAccountDto): Promise<void> {
    if (input.sectorId) {
      const [sector] = await tx.manager.query(`SELECT 1 FROM sectors WHERE id = $1 AND company_id = $2`, [input.sectorId, tx.ctx.companyId]);
      if (!sector) throw new ValidationFailedError([{ path: 'sectorId', message: 'sectorId is not a sector of this company' }]);
    }
    if (input.assignedUserId) {
      const [member] = await tx.manager.query(`SELECT 1 FROM memberships WHERE user_id = $1 AND company_id = $2`, [input.assignedUserId, tx.ctx.companyId]);
      if (!member) throw new ValidationFailedError([{ path: 'assignedUserId', message: 'assignedUserId is not a user of this company' }]);
    }
  }

  private emit(tx: TenantTx, name: string, account: AccountEntity, changed: string[]): void {
    const payload: AccountEventPayload = { account: toAccountDto(account), changed };
    tx.emit({ name, aggregateType: 'account', aggregateId: account.id, payload: payload as unknown as Record<string, unknown> });
  }
}

function normalise<T extends UpdateAccountDto>(input: T): Partial<AccountEntity> {
  const out: Partial<AccountEntity> = {};
  for (const [key, value] of Object.entries(input)) if (value !== undefined) (out as Record<string, unknown>)[key] = value;
  if (input.email) out.email = input.email.toLowerCase();
  if (input.vatNumber) out.vatNumber = normaliseVatNumber(input.vatNumber);
  return out;
}
