import { Injectable } from '@nestjs/common';
import { TenantContext } from '@comptoir/platform/kernel';
import { TenantDb } from '@comptoir/platform/database';
import { FileStore, zipFiles } from '@comptoir/platform/storage';
import { SealKey } from '../seal/seal-key';
import { archiveFiles } from './closing-archive';
import { LedgerClosingEntity } from './ledger-closing.entity';

/** A closing's archive, built once and kept in the file store; later requests serve the stored copy. */
@Injectable()
export class ClosingArchiveService {
  constructor(
    private readonly db: TenantDb,
    private readonly files: FileStore,
    private readonly key: SealKey,
  ) {}

  async archive(ctx: TenantContext, closingId: string): Promise<{ closing: LedgerClosingEntity; bytes: Buffer }> {
    return this.db.transaction(ctx, async (tx) => {
      const closing = await tx.repo(LedgerClosingEntity, 'Closing').getById(closingId);
      if (await this.files.exists(closing.archiveKey)) return { closing, bytes: await this.files.get(closing.archiveKey) };
      const bytes = await zipFiles(await archiveFiles(tx, closing, this.files, this.key.value()), closing.createdAt);
      await this.files.put(closing.archiveKey, bytes, 'application/zip');
      return { closing, bytes };
    });
  }
}
