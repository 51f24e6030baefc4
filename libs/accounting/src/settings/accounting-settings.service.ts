import { Injectable } from '@nestjs/common';
import { BillingSettingsService } from '@comptoir/billing';
import { FieldError, newId, TenantContext, ValidationFailedError } from '@comptoir/platform/kernel';
import { diffFields, TenantDb, TenantTx } from '@comptoir/platform/database';
import { rateKey } from '../fec/account-plan';
import { AccountingSettings, defaultAccountingSettings } from './accounting-defaults';
import { AccountingSettingsDto } from './accounting-settings.dto';
import { AccountingSettingsEntity } from './accounting-settings.entity';

const AUDITED = [
  'vatRegime', 'salesJournal', 'bankJournal', 'customersAccount', 'salesGoodsAccount', 'salesServicesAccount', 'vatCollectedAccount',
  'vatPendingAccount', 'depositsAccount', 'bankAccount', 'roundingDebitAccount', 'roundingCreditAccount', 'rateAccounts', 'bankAccounts',
] as const;

/** The company's accounting settings: the PCG defaults until first saved, then one row. */
@Injectable()
export class AccountingSettingsService {
  constructor(
    private readonly db: TenantDb,
    private readonly billingSettings: BillingSettingsService,
  ) {}

  get(ctx: TenantContext): Promise<AccountingSettings> {
    return this.db.transaction(ctx, (tx) => this.effective(tx));
  }

  /** The settings in force inside a transaction (the export reads them in its own). */
  async effective(tx: TenantTx): Promise<AccountingSettings> {
    const row = await tx.repo(AccountingSettingsEntity, 'Accounting settings').query('s').getOne();
    return row ? fromRow(row) : defaultAccountingSettings((await this.billingSettings.effective(tx)).vatOnDebits);
  }

  /** Replaces the settings (PUT): every account and journal is given; rate and bank lists default to none. */
  put(ctx: TenantContext, input: AccountingSettingsDto): Promise<AccountingSettings> {
    return this.db.transaction(ctx, async (tx) => {
      const next: AccountingSettings = {
        ...input,
        salesJournal: { code: input.salesJournal.code, label: input.salesJournal.label },
        bankJournal: { code: input.bankJournal.code, label: input.bankJournal.label },
        rateAccounts: (input.rateAccounts ?? []).map((r) => ({ rate: rateKey(r.rate), salesGoods: r.salesGoods ?? null, salesServices: r.salesServices ?? null, vatCollected: r.vatCollected ?? null })),
        bankAccounts: (input.bankAccounts ?? []).map((b) => ({ bankAccountId: b.bankAccountId, account: b.account })),
        updatedAt: new Date(),
      };
      await assertConsistent(tx, next);
      const repo = tx.repo(AccountingSettingsEntity, 'Accounting settings');
      await tx.manager.query(`SELECT pg_advisory_xact_lock(hashtext($1))`, [`accounting-settings:${ctx.companyId}`]);
      const existing = await repo.query('s').getOne();
      const before = existing ? fromRow(existing) : await this.effective(tx);
      const values = toRow(next);
      if (existing) {
        Object.assign(existing, values);
        await repo.save(existing);
      } else {
        await repo.insert({ id: newId(), ...values, createdAt: next.updatedAt!, updatedAt: next.updatedAt! });
      }
      tx.audit({ entity: 'accounting_settings', entityId: ctx.companyId, action: existing ? 'update' : 'create', changes: diffFields(before as never, next as never, AUDITED) });
      return next;
    });
  }
}

/**
 * What the DTO cannot see: the pending VAT account must differ from every collected one (the bank
 * journal moves VAT between them), the two journals need their own codes, a rate or a bank account is
 * listed once, and the bank accounts are the company's own.
 */
async function assertConsistent(tx: TenantTx, s: AccountingSettings): Promise<void> {
  const errors: FieldError[] = [];
  if (s.salesJournal.code === s.bankJournal.code) errors.push({ path: 'bankJournal.code', message: 'The bank journal needs a code of its own' });
  if (s.vatPendingAccount === s.vatCollectedAccount) errors.push({ path: 'vatPendingAccount', message: 'The pending VAT account must differ from the collected VAT account' });
  const rates = new Set<string>();
  s.rateAccounts.forEach((r, i) => {
    if (rates.has(r.rate)) errors.push({ path: `rateAccounts[${i}].rate`, message: `Rate ${r.rate} is listed twice` });
    rates.add(r.rate);
    if (r.vatCollected === s.vatPendingAccount) errors.push({ path: `rateAccounts[${i}].vatCollected`, message: 'The pending VAT account must differ from the collected VAT account' });
  });
  const ids = s.bankAccounts.map((b) => b.bankAccountId);
  const own = new Set(
    ids.length
      ? ((await tx.manager.query(`SELECT id FROM bank_accounts WHERE company_id = $1 AND account_id IS NULL AND id = ANY($2::uuid[])`, [tx.ctx.companyId, ids])) as { id: string }[]).map((r) => r.id)
      : [],
  );
  ids.forEach((id, i) => {
    if (ids.indexOf(id) !== i) errors.push({ path: `bankAccounts[${i}].bankAccountId`, message: 'This bank account is listed twice' });
    else if (!own.has(id)) errors.push({ path: `bankAccounts[${i}].bankAccountId`, message: "Not one of the company's own bank accounts" });
  });
  if (errors.length) throw new ValidationFailedError(errors);
}

function fromRow(row: AccountingSettingsEntity): AccountingSettings {
  return {
    vatRegime: row.vatRegime,
    salesJournal: { code: row.salesJournalCode, label: row.salesJournalLabel },
    bankJournal: { code: row.bankJournalCode, label: row.bankJournalLabel },
    customersAccount: row.customersAccount,
    salesGoodsAccount: row.salesGoodsAccount,
    salesServicesAccount: row.salesServicesAccount,
    vatCollectedAccount: row.vatCollectedAccount,
    vatPendingAccount: row.vatPendingAccount,
    depositsAccount: row.depositsAccount,
    bankAccount: row.bankAccount,
    roundingDebitAccount: row.roundingDebitAccount,
    roundingCreditAccount: row.roundingCreditAccount,
    rateAccounts: row.rateAccounts,
    bankAccounts: row.bankAccounts,
    updatedAt: row.updatedAt,
  };
}

function toRow(s: AccountingSettings): Omit<AccountingSettingsEntity, 'id' | 'organizationId' | 'companyId' | 'createdAt'> {
  const { salesJournal, bankJournal, updatedAt, ...rest } = s;
  return { ...rest, salesJournalCode: salesJournal.code, salesJournalLabel: salesJournal.label, bankJournalCode: bankJournal.code, bankJournalLabel: bankJournal.label, updatedAt: updatedAt! };
}
