import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { TenantDb } from '@comptoir/platform/database';
import { NotFoundError, TenantContext } from '@comptoir/platform/kernel';
import { PlatformCallbackError } from './einvoicing-platform';
import { LifecycleService } from './lifecycle.service';
import { PlatformConnections } from './platform-connections';
import { PlatformRegistry } from './platform-registry';

export interface CallbackReceipt {
  received: number;
  recorded: number;
  duplicates: number;
}

interface FlowRow {
  organization_id: string;
  company_id: string;
  einvoice_id: string;
  platform_ref: string;
}

type Headers = Record<string, string | string[] | undefined>;

/**
 * A platform's status callback. It comes without credentials: the flows it names tell the company
 * (einvoice_platform_flows, security definer), whose own secret must then verify the signature over
 * the raw body before anything it says is applied — all in one transaction, so a bad signature or a
 * failure changes nothing. A status delivered again is stored once.
 */
@Injectable()
export class PlatformCallbacks {
  constructor(
    private readonly dataSource: DataSource,
    private readonly db: TenantDb,
    private readonly registry: PlatformRegistry,
    private readonly connections: PlatformConnections,
    private readonly lifecycle: LifecycleService,
  ) {}

  async receive(platformName: string, headers: Headers, body: Buffer): Promise<CallbackReceipt> {
    const adapter = this.registry.get(platformName);
    const refs = [...new Set(adapter.callbackRefs(headers, body))];
    if (!refs.length) throw new PlatformCallbackError('it names no flow');
    const flows = (await this.dataSource.query(`SELECT * FROM einvoice_platform_flows($1, $2::text[])`, [platformName, refs])) as FlowRow[];
    const einvoiceOf = new Map(flows.map((f) => [f.platform_ref, f.einvoice_id]));
    if (refs.some((ref) => !einvoiceOf.has(ref))) throw new NotFoundError('E-invoice flow');
    const tenants = new Set(flows.map((f) => `${f.organization_id}/${f.company_id}`));
    if (tenants.size !== 1) throw new PlatformCallbackError('its flows belong to more than one company');
    const [flow] = flows as [FlowRow];
    const ctx: TenantContext = {
      organizationId: flow.organization_id,
      companyId: flow.company_id,
      actor: { type: 'system', id: `platform:${platformName}`, name: `E-invoicing platform ${platformName}` },
      role: null,
      scopes: [],
    };
    return this.db.transaction(ctx, async (tx) => {
      const { platform } = await this.connections.open(tx, platformName);
      const updates = platform.parseCallback(headers, body);
      const receipt: CallbackReceipt = { received: updates.length, recorded: 0, duplicates: 0 };
      for (const update of updates) {
        const einvoiceId = einvoiceOf.get(update.platformRef);
        if (!einvoiceId) throw new NotFoundError('E-invoice flow');
        await this.lifecycle.lockStatus(tx, einvoiceId);
        const outcome = await this.lifecycle.record(tx, einvoiceId, { ...update, source: 'platform' });
        if (outcome.recorded) receipt.recorded += 1;
        else receipt.duplicates += 1;
      }
      return receipt;
    });
  }
}
