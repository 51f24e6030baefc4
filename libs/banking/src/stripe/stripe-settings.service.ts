import { Injectable } from '@nestjs/common';
import { AppConfig } from '@comptoir/platform/config';
import { TenantDb } from '@comptoir/platform/database';
import { BusinessRuleError, newId, SecretBox, TenantContext, ValidationFailedError } from '@comptoir/platform/kernel';
import { StripeConnectionTestDto, StripeSettingsResponseDto, UpdateStripeSettingsDto } from './dto/stripe-settings.dto';
import { isTransientStripeError, StripeGateway } from './stripe-gateway';
import { keyLast4, stripeKeyProblems, stripeModeOf } from './stripe-keys';
import { openStripeAccess, secretKeyContext, stripeSettings, webhookSecretContext } from './stripe-secrets';
import { StripeSettingsEntity } from './stripe-settings.entity';

/** The company's Stripe keys: entered once, sealed at rest, tested against Stripe on demand. */
@Injectable()
export class StripeSettingsService {
  constructor(
    private readonly db: TenantDb,
    private readonly box: SecretBox,
    private readonly gateway: StripeGateway,
    private readonly config: AppConfig,
  ) {}

  get(ctx: TenantContext): Promise<StripeSettingsResponseDto> {
    return this.db.transaction(ctx, async (tx) => this.toDto(ctx.companyId, await stripeSettings(tx).query('s').getOne()));
  }

  update(ctx: TenantContext, input: UpdateStripeSettingsDto): Promise<StripeSettingsResponseDto> {
    const problems = stripeKeyProblems(input);
    if (problems.length) throw new ValidationFailedError(problems);
    return this.db.transaction(ctx, async (tx) => {
      const repo = stripeSettings(tx);
      await tx.manager.query(`SELECT pg_advisory_xact_lock(hashtext($1))`, [`stripe-settings:${ctx.companyId}`]);
      const existing = await repo.query('s').getOne();
      const now = new Date();
      const next = {
        secretKeySealed: this.box.seal(input.secretKey, secretKeyContext(ctx.companyId)),
        secretKeyLast4: keyLast4(input.secretKey),
        publishableKey: input.publishableKey,
        mode: stripeModeOf(input.secretKey),
        webhookSecretSealed: input.webhookSecret ? this.box.seal(input.webhookSecret, webhookSecretContext(ctx.companyId)) : (existing?.webhookSecretSealed ?? null),
        updatedAt: now,
      };
      const row = existing ? await repo.save(Object.assign(existing, next)) : await repo.insert({ id: newId(), ...next, createdAt: now });
      // The audit trail says that keys changed and which ones, never what they are.
      tx.audit({
        entity: 'stripe_settings',
        entityId: ctx.companyId,
        action: existing ? 'update' : 'create',
        changes: {
          mode: { from: existing?.mode ?? null, to: row.mode },
          publishableKey: { from: existing?.publishableKey ?? null, to: row.publishableKey },
          secretKeyLast4: { from: existing?.secretKeyLast4 ?? null, to: row.secretKeyLast4 },
          ...(input.webhookSecret ? { webhookSecret: { from: existing?.webhookSecretSealed ? 'set' : null, to: 'replaced' } } : {}),
        },
      });
      return this.toDto(ctx.companyId, row);
    });
  }

  /**
   * Asks Stripe who the key belongs to (GET /v1/account). Any failure, including an unreachable or
   * slow Stripe, is a 422 `stripe_connection_failed` with the reason: the answer to "do my keys work?"
   * is "no, because…", never a server error.
   */
  async testConnection(ctx: TenantContext): Promise<StripeConnectionTestDto> {
    const access = await this.db.transaction(ctx, (tx) => openStripeAccess(tx, this.box));
    try {
      const account = await this.gateway.client(access.secretKey).accounts.retrieveCurrent();
      const accountName = account.settings?.dashboard?.display_name ?? account.business_profile?.name ?? null;
      return { ok: true, mode: access.mode, accountName };
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      const prefix = isTransientStripeError(error) ? 'Stripe could not be reached' : 'Stripe refused the keys';
      throw new BusinessRuleError('stripe_connection_failed', `${prefix}: ${reason}`);
    }
  }

  private toDto(companyId: string, row: StripeSettingsEntity | null): StripeSettingsResponseDto {
    return {
      configured: row !== null,
      mode: row?.mode ?? null,
      publishableKey: row?.publishableKey ?? null,
      secretKeyLast4: row?.secretKeyLast4 ?? null,
      webhookUrl: `${this.config.publicUrl.replace(/\/$/, '')}/api/v1/stripe/webhooks/${companyId}`,
      webhookSecretConfigured: Boolean(row?.webhookSecretSealed),
      updatedAt: row?.updatedAt.toISOString() ?? null,
    };
  }
}
