import { Injectable } from '@nestjs/common';
import { TenantTx } from '@comptoir/platform/database';
import { BusinessRuleError, SecretBox } from '@comptoir/platform/kernel';
import { EInvoicingSettingsEntity } from '../settings/einvoicing-settings.entity';
import { EInvoicingPlatform, EInvoicingPlatformAdapter } from './einvoicing-platform';
import { NO_PLATFORM, PlatformRegistry } from './platform-registry';

/** Where platformConfig keeps the adapters' sealed secrets: `secrets.<platform>.<name>`. */
type SealedSecrets = Record<string, Record<string, string>>;

/** Each sealed secret opens only for its company, platform and name. */
const secretContext = (companyId: string, platform: string, name: string) => `einvoicing_settings:${companyId}:${platform}:${name}`;

export interface OpenedPlatform {
  adapter: EInvoicingPlatformAdapter;
  platform: EInvoicingPlatform;
  settings: EInvoicingSettingsEntity;
}

/**
 * Opens the company's connection to its platform: the settings row, the adapter it names, the
 * secrets of platformConfig opened with the secret box. Secrets an adapter makes itself (the fake's
 * callback secret) are made and sealed on first use.
 */
@Injectable()
export class PlatformConnections {
  constructor(
    private readonly registry: PlatformRegistry,
    private readonly box: SecretBox,
  ) {}

  settingsOf(tx: TenantTx): Promise<EInvoicingSettingsEntity | null> {
    return tx.repo(EInvoicingSettingsEntity, 'E-invoicing settings').query('s').getOne();
  }

  /** The company's platform; 422 `einvoicing_platform_not_set` when its settings say `none`. */
  async open(tx: TenantTx, expected?: string): Promise<OpenedPlatform> {
    const opened = await this.openChosen(tx);
    if (!opened) {
      throw new BusinessRuleError('einvoicing_platform_not_set', 'No e-invoicing platform is chosen in the e-invoicing settings: the originals are kept, nothing is transmitted', [{ path: 'platform', message: 'is none' }]);
    }
    if (expected !== undefined && expected !== opened.adapter.name) {
      throw new BusinessRuleError('einvoicing_platform_mismatch', `The company transmits through ${opened.adapter.name}, not ${expected}`, [{ path: 'platform', message: `is ${opened.adapter.name}` }]);
    }
    return opened;
  }

  /** The company's platform, or null when its settings say `none`. */
  async openChosen(tx: TenantTx): Promise<OpenedPlatform | null> {
    const settings = await this.settingsOf(tx);
    const name = settings?.platform ?? NO_PLATFORM;
    if (!settings || name === NO_PLATFORM) return null;
    const adapter = this.registry.get(name);
    const { secrets: allSealed, ...config } = settings.platformConfig as { secrets?: SealedSecrets };
    let sealed = allSealed?.[name] ?? {};
    if (adapter.provisionSecrets && !Object.keys(sealed).length) {
      sealed = Object.fromEntries(Object.entries(adapter.provisionSecrets()).map(([key, value]) => [key, this.box.seal(value, secretContext(tx.ctx.companyId, name, key))]));
      settings.platformConfig = { ...settings.platformConfig, secrets: { ...allSealed, [name]: sealed } };
      await tx.manager.query(`UPDATE einvoicing_settings SET platform_config = $1::jsonb, updated_at = now() WHERE company_id = $2 AND id = $3`, [JSON.stringify(settings.platformConfig), tx.ctx.companyId, settings.id]);
      tx.audit({ entity: 'einvoicing_settings', entityId: tx.ctx.companyId, action: 'platform_secrets', changes: { [`${name}.secrets`]: { from: null, to: Object.keys(sealed) } } });
    }
    const secrets = Object.fromEntries(Object.entries(sealed).map(([key, value]) => [key, this.openSecret(tx.ctx.companyId, name, key, value)]));
    const platform = adapter.connect({ organizationId: tx.ctx.organizationId, companyId: tx.ctx.companyId, config, secrets });
    return { adapter, platform, settings };
  }

  /** A secret that no longer opens (SECRETS_KEY replaced) is for the company to enter again, not a server error. */
  private openSecret(companyId: string, platform: string, name: string, sealed: string): string {
    try {
      return this.box.open(sealed, secretContext(companyId, platform, name));
    } catch {
      throw new BusinessRuleError('einvoicing_platform_secrets_unreadable', `The stored ${platform} secrets cannot be decrypted with the current SECRETS_KEY`);
    }
  }
}
