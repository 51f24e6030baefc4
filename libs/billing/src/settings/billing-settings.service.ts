import { Injectable } from '@nestjs/common';
import { validatePaymentTerms } from '@comptoir/billing-engine';
import { newId, TenantContext } from '@comptoir/platform/kernel';
import { diffFields, TenantDb, TenantTx } from '@comptoir/platform/database';
import { asInstallments, assertTermsValid } from '../document/document-totals';
import { BillingSettings, defaultBillingSettings } from './billing-defaults';
import { UpdateBillingSettingsDto } from './billing-settings.dto';
import { BillingSettingsEntity } from './billing-settings.entity';

const AUDITED = ['latePenaltyText', 'earlyPaymentText', 'termsOfSale', 'paymentTerms', 'pdfOptions', 'vatOnDebits', 'quoteValidityDays'] as const;

/** The company's billing settings: defaults until first changed, then one row. */
@Injectable()
export class BillingSettingsService {
  constructor(private readonly db: TenantDb) {}

  get(ctx: TenantContext): Promise<BillingSettings> {
    return this.db.transaction(ctx, (tx) => this.effective(tx));
  }

  /** The settings in force inside a transaction (used by document creation and printing). */
  async effective(tx: TenantTx): Promise<BillingSettings> {
    const row = await tx.repo(BillingSettingsEntity, 'Billing settings').query('s').getOne();
    return row ?? defaultBillingSettings();
  }

  update(ctx: TenantContext, input: UpdateBillingSettingsDto): Promise<BillingSettings> {
    return this.db.transaction(ctx, async (tx) => {
      if (input.paymentTerms?.length) assertTermsValid(validatePaymentTerms(asInstallments(input.paymentTerms)));
      const repo = tx.repo(BillingSettingsEntity, 'Billing settings');
      await tx.manager.query(`SELECT pg_advisory_xact_lock(hashtext($1))`, [`billing-settings:${ctx.companyId}`]);
      const existing = await repo.query('s').getOne();
      const before: BillingSettings = existing ? { ...existing } : defaultBillingSettings();
      const { paymentTerms, pdfOptions, ...rest } = input;
      const next: BillingSettings = {
        ...before,
        ...stripUndefined(rest),
        paymentTerms: paymentTerms ? asInstallments(paymentTerms) : before.paymentTerms,
        pdfOptions: { ...before.pdfOptions, ...stripUndefined(pdfOptions ?? {}) },
        updatedAt: new Date(),
      };
      const changes = diffFields(before as never, next as never, AUDITED);
      if (existing) {
        Object.assign(existing, next);
        await repo.save(existing);
      } else {
        await repo.insert({ id: newId(), ...next, createdAt: next.updatedAt!, updatedAt: next.updatedAt! });
      }
      tx.audit({ entity: 'billing_settings', entityId: ctx.companyId, action: existing ? 'update' : 'create', changes });
      return next;
    });
  }
}

function stripUndefined<T extends object>(input: T): Partial<T> {
  return Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined)) as Partial<T>;
}
