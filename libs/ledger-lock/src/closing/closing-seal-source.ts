import { Injectable, OnModuleInit } from '@nestjs/common';
import type { TenantTx } from '@comptoir/platform/database';
import { SealSource } from '../seal/seal-source';
import { SealSourceRegistry } from '../seal/seal-source.registry';
import { closingPayload } from './closing-payload';
import { LedgerClosingEntity } from './ledger-closing.entity';

export const CLOSING_RECORD_TYPE = 'closing';

/** Closings are sealed records too: verification notices an edited closing row. */
@Injectable()
export class ClosingSealSource implements SealSource, OnModuleInit {
  readonly recordType = CLOSING_RECORD_TYPE;

  constructor(private readonly registry: SealSourceRegistry) {}

  onModuleInit(): void {
    this.registry.register(this);
  }

  async currentPayloads(tx: TenantTx, recordIds: string[]): Promise<Map<string, Record<string, unknown>>> {
    const rows = await tx.repo(LedgerClosingEntity, 'Closing').query('c').andWhere('c.id IN (:...ids)', { ids: recordIds }).getMany();
    return new Map(rows.map((row) => [row.id, closingPayload(row)]));
  }
}
