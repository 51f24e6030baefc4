import { Injectable } from '@nestjs/common';
import { NotFoundError } from '@comptoir/platform/kernel';
import type { EInvoicingPlatformAdapter } from './einvoicing-platform';

/** The settings value that means "no platform: the originals are made and kept, nothing is transmitted". */
export const NO_PLATFORM = 'none';

/**
 * The approved-platform adapters this deployment knows, by name. Adapters register themselves in
 * `onModuleInit` (see FakeEInvoicingPlatform); the settings accept a platform only when it is here or
 * `none`.
 */
@Injectable()
export class PlatformRegistry {
  private readonly adapters = new Map<string, EInvoicingPlatformAdapter>();

  register(adapter: EInvoicingPlatformAdapter): void {
    if (adapter.name === NO_PLATFORM) throw new Error(`"${NO_PLATFORM}" is not a platform name`);
    this.adapters.set(adapter.name, adapter);
  }

  /** Every value `settings.platform` may take: `none`, then the registered adapters. */
  names(): string[] {
    return [NO_PLATFORM, ...[...this.adapters.keys()].sort()];
  }

  /** True for `none` and for a registered adapter. */
  accepts(name: string): boolean {
    return name === NO_PLATFORM || this.adapters.has(name);
  }

  /** The adapter, or 404 for a name no adapter registered (a callback URL naming an unknown platform). */
  get(name: string): EInvoicingPlatformAdapter {
    const adapter = this.adapters.get(name);
    if (!adapter) throw new NotFoundError('E-invoicing platform');
    return adapter;
  }
}
