import { Injectable } from '@nestjs/common';
import { TenantTx } from '@comptoir/platform/database';
import { SealedEntry, SealEntryInput } from './seal.types';

/** Appends entries to the company's hash chain inside the caller's transaction. */
@Injectable()
export class SealService {
  async seal(tx: TenantTx, entry: SealEntryInput): Promise<SealedEntry> {
    const [sealed] = await this.sealMany(tx, [entry]);
    return sealed as SealedEntry;
  }

  async sealMany(_tx: TenantTx, _entries: SealEntryInput[]): Promise<SealedEntry[]> {
    throw new Error('SealService.sealMany: not implemented yet');
  }
}
