import { Provider } from '@nestjs/common';
import { AppConfig } from '@comptoir/platform/config';
import { TenantTx } from '@comptoir/platform/database';
import { BusinessRuleError, SecretBox, secretsKeyBytes } from '@comptoir/platform/kernel';
import { StripeMode, StripeSettingsEntity } from './stripe-settings.entity';

/** The API refuses to start without SECRETS_KEY: keys sealed with a made-up one could never be read back. */
export const SECRET_BOX_PROVIDER: Provider = {
  provide: SecretBox,
  inject: [AppConfig],
  useFactory: (config: AppConfig) => {
    if (!config.secretsKey) {
      throw new Error(
        'SECRETS_KEY is not set: the API seals third-party secrets (Stripe keys) with it (32 random bytes, hex or base64). ' +
          '`npm start` generates one into .data/secrets.json; in production set it from your secret store.',
      );
    }
    return new SecretBox([secretsKeyBytes(config.secretsKey)]);
  },
};

/** Each sealed column opens only in its own row: a value copied to another company or column does not. */
export const secretKeyContext = (companyId: string) => `stripe_settings:${companyId}:secret_key`;
export const webhookSecretContext = (companyId: string) => `stripe_settings:${companyId}:webhook_secret`;

export interface StripeAccess {
  secretKey: string;
  mode: StripeMode;
}

export function stripeSettings(tx: TenantTx) {
  return tx.repo(StripeSettingsEntity, 'Stripe settings');
}

/** The company's secret key, opened for one call to Stripe; 422 while Stripe is not set up. */
export async function openStripeAccess(tx: TenantTx, box: SecretBox): Promise<StripeAccess> {
  const row = await stripeSettings(tx).query('s').getOne();
  if (!row) throw new BusinessRuleError('stripe_not_configured', 'Stripe is not set up for this company: enter its keys in the Stripe settings first');
  return { secretKey: openSealed(box, row.secretKeySealed, secretKeyContext(tx.ctx.companyId)), mode: row.mode };
}

/**
 * A sealed key that no longer opens (SECRETS_KEY replaced or lost) is the company's problem to fix by
 * entering its keys again, not a server error.
 */
export function openSealed(box: SecretBox, sealed: string, context: string): string {
  try {
    return box.open(sealed, context);
  } catch {
    throw new BusinessRuleError('stripe_keys_unreadable', 'The stored Stripe keys cannot be decrypted with the current SECRETS_KEY: enter them again in the Stripe settings');
  }
}
