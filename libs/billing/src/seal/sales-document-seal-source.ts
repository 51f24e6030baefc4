import { Injectable } from '@nestjs/common';
import { SealSource } from '@comptoir/ledger-lock';
import { TenantTx } from '@comptoir/platform/database';
import { loadSealedRows, payloadFromRow } from '../document/document-snapshot';

/**
 * Tells the ledger verification what a sealed sales document says NOW: its frozen snapshot with the
 * legal columns (number, date, parties, totals…) laid over it, so that an edit of either — done past
 * the triggers by someone with owner rights — no longer matches the sealed hash.
 */
@Injectable()
export class SalesDocumentSealSource implements SealSource {
  readonly recordType = 'sales_document';

  async currentPayloads(tx: TenantTx, recordIds: string[]): Promise<Map<string, Record<string, unknown>>> {
    const rows = await loadSealedRows(tx, recordIds);
    return new Map(rows.map((row) => [row.id, payloadFromRow(row)]));
  }
}
