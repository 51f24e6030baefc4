import { Injectable } from '@nestjs/common';
import { ConflictError, newId, NotFoundError, TenantContext, ValidationFailedError } from '@comptoir/platform/kernel';
import { diffFields, TenantDb, TenantRepository, TenantTx } from '@comptoir/platform/database';
import { registerUniqueConstraint } from '@comptoir/platform/http';
import { companyCalendar } from '@comptoir/org';
import { BankAccountEntity } from '../bank-accounts/bank-account.entity';
import { loadCustomer } from '../bank-accounts/bank-account.service';
import { ibanBankId } from '../bank-accounts/bank-details';
import { CreateMandateDto, MandateResponseDto, UpdateMandateDto } from './mandate.dto';
import { MandateAmendment, MandateEntity } from './mandate.entity';
import { effectiveStatus } from './mandate-lifecycle';
import { toMandateDto } from './mandate.mapper';

const AUDITED = ['accountId', 'bankAccountId', 'reference', 'signedOn', 'signaturePlace', 'type', 'scheme', 'status', 'preNotificationDays', 'finalCollection', 'pendingAmendment', 'revokedOn'] as const;

registerUniqueConstraint('uq_mandates_reference', 'reference', 'A mandate with this reference already exists for the company');

/**
 * SEPA mandates of the company's customers: signature, amendments (another bank account or reference,
 * kept as original values for the next collection), revocation. Lapse is read from the dates, never
 * stored by a job.
 */
@Injectable()
export class MandateService {
  constructor(private readonly db: TenantDb) {}

  create(ctx: TenantContext, input: CreateMandateDto): Promise<MandateResponseDto> {
    return this.db.transaction(ctx, async (tx) => {
      await loadCustomer(tx, input.accountId);
      const bankAccount = await customerBankAccount(tx, input.bankAccountId, input.accountId);
      const { today } = await companyCalendar(tx);
      if (input.signedOn > today) throw new ValidationFailedError([{ path: 'signedOn', message: `signedOn ${input.signedOn} is in the future (today is ${today})` }]);
      const now = new Date();
      const mandate = await this.repo(tx).insert({
        id: newId(),
        accountId: input.accountId,
        bankAccountId: bankAccount.id,
        reference: input.reference,
        signedOn: input.signedOn,
        signaturePlace: input.signaturePlace.trim(),
        type: input.type,
        scheme: input.scheme,
        status: 'active',
        preNotificationDays: input.preNotificationDays ?? 14,
        collectionCount: 0,
        lastCollectionOn: null,
        finalCollection: false,
        pendingAmendment: null,
        revokedOn: null,
        createdAt: now,
        updatedAt: now,
      });
      tx.audit({ entity: 'mandate', entityId: mandate.id, action: 'create', changes: diffFields(null, mandate as never, AUDITED) });
      return toMandateDto(mandate, bankAccount.iban, today);
    });
  }

  list(ctx: TenantContext, accountId: string | undefined): Promise<MandateResponseDto[]> {
    return this.db.transaction(ctx, async (tx) => {
      const query = this.repo(tx).query('m');
      if (accountId) query.andWhere('m.accountId = :accountId', { accountId });
      const mandates = await query.orderBy('m.createdAt', 'DESC').addOrderBy('m.id').getMany();
      const ibans = await ibansOf(tx, mandates.map((m) => m.bankAccountId));
      const { today } = await companyCalendar(tx);
      return mandates.map((m) => toMandateDto(m, ibans.get(m.bankAccountId) ?? '', today));
    });
  }

  get(ctx: TenantContext, id: string): Promise<MandateResponseDto> {
    return this.db.transaction(ctx, async (tx) => this.view(tx, await this.repo(tx).getById(id)));
  }

  /** Amends the mandate: a change of bank account or reference is recorded for the next collection. */
  update(ctx: TenantContext, id: string, input: UpdateMandateDto): Promise<MandateResponseDto> {
    return this.db.transaction(ctx, async (tx) => {
      const mandate = await this.repo(tx).getById(id);
      const { today } = await companyCalendar(tx);
      if (effectiveStatus(mandate, today) !== 'active') throw new ConflictError('mandate_not_active', `Mandate ${mandate.reference} is ${effectiveStatus(mandate, today)}: it can no longer be amended`);
      const before = { ...mandate };
      const amendment: MandateAmendment = mandate.pendingAmendment ?? { originalReference: null, originalIban: null, otherBank: false };
      if (input.bankAccountId !== undefined && input.bankAccountId !== mandate.bankAccountId) {
        const previous = await tx.repo(BankAccountEntity, 'Bank account').getById(mandate.bankAccountId);
        const next = await customerBankAccount(tx, input.bankAccountId, mandate.accountId, 'bankAccountId');
        const originalIban = amendment.originalIban ?? previous.iban;
        Object.assign(amendment, { originalIban: next.iban === originalIban ? null : originalIban, otherBank: ibanBankId(next.iban) !== ibanBankId(originalIban) });
        mandate.bankAccountId = next.id;
      }
      if (input.reference !== undefined && input.reference !== mandate.reference) {
        const originalReference = amendment.originalReference ?? mandate.reference;
        amendment.originalReference = input.reference === originalReference ? null : originalReference;
        mandate.reference = input.reference;
      }
      // Before the first collection there is nothing to amend at the bank: the FRST carries the new data.
      const amended = amendment.originalReference !== null || amendment.originalIban !== null;
      mandate.pendingAmendment = amended && mandate.collectionCount > 0 ? amendment : null;
      if (input.signaturePlace !== undefined) mandate.signaturePlace = input.signaturePlace.trim();
      if (input.preNotificationDays !== undefined) mandate.preNotificationDays = input.preNotificationDays;
      if (input.finalCollection !== undefined) mandate.finalCollection = input.finalCollection;
      const changes = diffFields(before as never, mandate as never, AUDITED);
      if (Object.keys(changes).length) {
        mandate.updatedAt = new Date();
        await this.repo(tx).save(mandate);
        tx.audit({ entity: 'mandate', entityId: id, action: 'update', changes });
      }
      return this.view(tx, mandate, today);
    });
  }

  revoke(ctx: TenantContext, id: string, date: string | undefined): Promise<MandateResponseDto> {
    return this.db.transaction(ctx, async (tx) => {
      const mandate = await this.repo(tx).getById(id);
      const { today } = await companyCalendar(tx);
      if (mandate.status === 'revoked') throw new ConflictError('mandate_not_active', `Mandate ${mandate.reference} is already revoked`);
      const before = { ...mandate };
      Object.assign(mandate, { status: 'revoked', revokedOn: date ?? today, updatedAt: new Date() });
      await this.repo(tx).save(mandate);
      tx.audit({ entity: 'mandate', entityId: id, action: 'update', changes: diffFields(before as never, mandate as never, AUDITED) });
      return this.view(tx, mandate, today);
    });
  }

  private async view(tx: TenantTx, mandate: MandateEntity, today?: string): Promise<MandateResponseDto> {
    const ibans = await ibansOf(tx, [mandate.bankAccountId]);
    return toMandateDto(mandate, ibans.get(mandate.bankAccountId) ?? '', today ?? (await companyCalendar(tx)).today);
  }

  private repo(tx: TenantTx): TenantRepository<MandateEntity> {
    return tx.repo(MandateEntity, 'Mandate');
  }
}

/** A live bank account of the customer, or a 400 on the field (another customer's or the company's own). */
async function customerBankAccount(tx: TenantTx, id: string, accountId: string, path = 'bankAccountId'): Promise<BankAccountEntity> {
  const bankAccount = await tx.repo(BankAccountEntity, 'Bank account').query('b').andWhere('b.id = :id AND b.archivedAt IS NULL', { id }).getOne();
  if (!bankAccount) throw new NotFoundError('Bank account');
  if (bankAccount.accountId !== accountId) throw new ValidationFailedError([{ path, message: `Bank account ${id} is not one of the customer's accounts` }]);
  return bankAccount;
}

async function ibansOf(tx: TenantTx, ids: string[]): Promise<Map<string, string>> {
  if (!ids.length) return new Map();
  const rows = (await tx.manager.query(`SELECT id, iban FROM bank_accounts WHERE company_id = $1 AND id = ANY($2::uuid[])`, [tx.ctx.companyId, ids])) as { id: string; iban: string }[];
  return new Map(rows.map((r) => [r.id, r.iban]));
}
