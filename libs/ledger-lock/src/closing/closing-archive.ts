import { createHash, createHmac } from 'node:crypto';
import type { TenantTx } from '@comptoir/platform/database';
import type { FileStore, ZipEntry } from '@comptoir/platform/storage';
import type { LedgerClosingEntity } from './ledger-closing.entity';

/** A file of the archive, zipped by zipFiles (@comptoir/platform/storage) with the closing's date. */
export type ArchiveFile = ZipEntry;

interface EntryRow {
  seq: string;
  id: string;
  kind: string;
  recordType: string;
  recordId: string;
  recordDate: string;
  payload: Record<string, unknown>;
  prevHash: string;
  hash: string;
}

/** seq read as text (bigint); sorting is on e.seq, the number. */
const ENTRY_COLUMNS = `seq::text AS seq, id, kind, record_type AS "recordType", record_id AS "recordId", record_date::text AS "recordDate", payload, prev_hash AS "prevHash", hash`;

/**
 * The files of a closing's archive: data.json (the closing and the sealed entries dated in its period,
 * with the 'original' entries of those records), the original files themselves, manifest.json (every
 * file with its SHA-256 and size) and manifest.sig (HMAC-SHA-256 of manifest.json with the seal key).
 */
export async function archiveFiles(tx: TenantTx, closing: LedgerClosingEntity, files: FileStore, sealKey: string): Promise<ArchiveFile[]> {
  const entries = (await tx.manager.query(
    `SELECT ${ENTRY_COLUMNS} FROM ledger_entries e WHERE company_id = $1 AND kind <> 'original' AND record_date BETWEEN $2 AND $3 ORDER BY e.seq`,
    [tx.ctx.companyId, closing.startDate, closing.endDate],
  )) as EntryRow[];
  const originals = (await tx.manager.query(
    `SELECT ${ENTRY_COLUMNS} FROM ledger_entries e WHERE company_id = $1 AND kind = 'original' AND payload->>'recordId' = ANY($2) ORDER BY e.seq`,
    [tx.ctx.companyId, [...new Set(entries.map((e) => e.recordId))]],
  )) as EntryRow[];
  const data = {
    format: 'comptoir-closing-archive/1',
    companyId: closing.companyId,
    closing: { id: closing.id, kind: closing.kind, period: closing.period, startDate: closing.startDate, endDate: closing.endDate, totals: closing.totals, sealSeq: Number(closing.sealSeq), retainUntil: closing.retainUntil },
    entries: entries.map(toJson),
    originals: originals.map(toJson),
  };
  const archived: ArchiveFile[] = [{ path: 'data.json', bytes: Buffer.from(`${JSON.stringify(data, null, 2)}\n`) }];
  for (const original of originals) archived.push({ path: `originals/${String(original.payload['fileKey'])}`, bytes: await files.get(String(original.payload['fileKey'])) });
  const manifest = {
    format: 'comptoir-closing-archive/1',
    companyId: closing.companyId,
    closingId: closing.id,
    period: closing.period,
    files: archived.map((file) => ({ path: file.path, sha256: createHash('sha256').update(file.bytes).digest('hex'), size: file.bytes.length })),
  };
  const manifestBytes = Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`);
  archived.push({ path: 'manifest.json', bytes: manifestBytes });
  archived.push({ path: 'manifest.sig', bytes: Buffer.from(`${createHmac('sha256', sealKey).update(manifestBytes).digest('hex')}\n`) });
  return archived;
}

function toJson(row: EntryRow): Record<string, unknown> {
  return { ...row, seq: Number(row.seq) };
}
