import { Injectable } from '@nestjs/common';
import { FieldError, newId, TenantContext, ValidationFailedError } from '@comptoir/platform/kernel';
import { diffFields, TenantDb, TenantTx } from '@comptoir/platform/database';
import { PlatformRegistry } from '../platform/platform-registry';
import { PutEInvoicingSettingsDto } from './einvoicing-settings.dto';
import { EInvoicingSettingsEntity } from './einvoicing-settings.entity';

/** The settings a caller reads and writes (platformConfig, which may hold sealed secrets, is the platform adapters' business). */
export type EInvoicingSettings = Pick<EInvoicingSettingsEntity, 'enabled' | 'electronicAddress' | 'electronicAddressScheme' | 'profile' | 'platform' | 'transmitFormat' | 'autoTransmit'> & {
  updatedAt: Date | null;
};

const AUDITED = ['enabled', 'electronicAddress', 'electronicAddressScheme', 'profile', 'platform', 'transmitFormat', 'autoTransmit'] as const;

/** What a company that never saved its settings has (the table's defaults): not enabled, files only. */
export function defaultEInvoicingSettings(): EInvoicingSettings {
  return { enabled: false, electronicAddress: null, electronicAddressScheme: '0225', profile: 'EN16931', platform: 'none', transmitFormat: 'facturx', autoTransmit: false, updatedAt: null };
}

/** The company's e-invoicing settings: the defaults until first saved, then one row. */
@Injectable()
export class EInvoicingSettingsService {
  constructor(
    private readonly db: TenantDb,
    private readonly platforms: PlatformRegistry,
  ) {}

  get(ctx: TenantContext): Promise<EInvoicingSettings> {
    return this.db.transaction(ctx, (tx) => this.effective(tx));
  }

  async effective(tx: TenantTx): Promise<EInvoicingSettings> {
    const row = await tx.repo(EInvoicingSettingsEntity, 'E-invoicing settings').query('s').getOne();
    return row ? fromRow(row) : defaultEInvoicingSettings();
  }

  /** The values `platform` accepts: `none` and the adapters registered on this deployment. */
  platformNames(): string[] {
    return this.platforms.names();
  }

  /** Replaces the settings (PUT); what is left out takes its default. */
  put(ctx: TenantContext, input: PutEInvoicingSettingsDto): Promise<EInvoicingSettings> {
    const defaults = defaultEInvoicingSettings();
    const next: EInvoicingSettings = {
      enabled: input.enabled,
      electronicAddress: input.electronicAddress ?? null,
      electronicAddressScheme: input.electronicAddressScheme ?? defaults.electronicAddressScheme,
      profile: input.profile ?? defaults.profile,
      platform: input.platform ?? defaults.platform,
      transmitFormat: input.transmitFormat ?? defaults.transmitFormat,
      autoTransmit: input.autoTransmit ?? defaults.autoTransmit,
      updatedAt: new Date(),
    };
    this.assertConsistent(next);
    return this.db.transaction(ctx, async (tx) => {
      const repo = tx.repo(EInvoicingSettingsEntity, 'E-invoicing settings');
      // Two first saves at once would both insert: the second waits here and then updates.
      await tx.manager.query(`SELECT pg_advisory_xact_lock(hashtext($1))`, [`einvoicing-settings:${ctx.companyId}`]);
      const existing = await repo.query('s').getOne();
      const before = existing ? fromRow(existing) : defaults;
      const { updatedAt, ...values } = next;
      if (existing) {
        Object.assign(existing, values, { updatedAt });
        await repo.save(existing);
      } else {
        await repo.insert({ id: newId(), ...values, platformConfig: {}, createdAt: updatedAt!, updatedAt: updatedAt! });
      }
      tx.audit({ entity: 'einvoicing_settings', entityId: ctx.companyId, action: existing ? 'update' : 'create', changes: diffFields(before as never, next as never, AUDITED) });
      return next;
    });
  }

  /** What the DTO cannot see: the platform must be one this deployment knows, and transmitting needs one. */
  private assertConsistent(s: EInvoicingSettings): void {
    const errors: FieldError[] = [];
    if (!this.platforms.accepts(s.platform)) errors.push({ path: 'platform', message: `platform must be one of: ${this.platforms.names().join(', ')}` });
    else if (s.autoTransmit && s.platform === 'none') errors.push({ path: 'autoTransmit', message: 'autoTransmit needs a platform to transmit to' });
    if (errors.length) throw new ValidationFailedError(errors);
  }
}

function fromRow(row: EInvoicingSettingsEntity): EInvoicingSettings {
  const { enabled, electronicAddress, electronicAddressScheme, profile, platform, transmitFormat, autoTransmit, updatedAt } = row;
  return { enabled, electronicAddress, electronicAddressScheme, profile, platform, transmitFormat, autoTransmit, updatedAt };
}
