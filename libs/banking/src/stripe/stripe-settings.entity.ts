import { Column, Entity, ForeignKey, Unique } from 'typeorm';
import { CompanyOwnedEntity } from '@comptoir/platform/database';

export const STRIPE_MODES = ['test', 'live'] as const;
export type StripeMode = (typeof STRIPE_MODES)[number];

/**
 * A company's Stripe account: its keys, sealed with SECRETS_KEY (SecretBox, bound to the company and
 * the column), never returned by the API. One row per company, created on first entry.
 */
@Entity('stripe_settings')
@Unique('uq_stripe_settings_company', ['companyId'])
@ForeignKey('companies', ['organizationId', 'companyId'], ['organizationId', 'id'], { name: 'fk_stripe_settings_company' })
export class StripeSettingsEntity extends CompanyOwnedEntity {
  /** Secret (sk_…) or restricted (rk_…) key, sealed. */
  @Column('text')
  secretKeySealed: string;

  /** Shown as "configured ••••1234" so that a person can tell which key is in place. */
  @Column('varchar', { length: 4 })
  secretKeyLast4: string;

  @Column('varchar', { length: 255 })
  publishableKey: string;

  /** Webhook signing secret (whsec_…), sealed; null until entered (webhooks are refused until then). */
  @Column('text', { nullable: true })
  webhookSecretSealed: string | null;

  /** From the key prefix: sk_test_/rk_test_ → test, sk_live_/rk_live_ → live. */
  @Column('varchar', { length: 4 })
  mode: StripeMode;

  @Column({ type: 'timestamptz', precision: 3, default: () => 'now()' })
  createdAt: Date;

  @Column({ type: 'timestamptz', precision: 3, default: () => 'now()' })
  updatedAt: Date;
}
