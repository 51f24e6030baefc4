import { createHash } from 'node:crypto';
import type { TenantTx } from '@comptoir/platform/database';
import type { FileStore } from '@comptoir/platform/storage';
import { canonicalJson } from '../canonical-json';
import { ChainBreak, StoredEntry } from './chain-verifier';
import { firstDifference } from './first-difference';
import type { SealSourceRegistry } from './seal-source.registry';
import type { OriginalPayload } from './seal.types';

const FILE_READS_AT_ONCE = 8;

export interface RecordBreak extends ChainBreak {
  entry: StoredEntry;
}

/**
 * Checks that what the entries sealed still matches what is stored outside the journal: the records'
 * current payloads (through their SealSource) and the original files (through the FileStore).
 * Returns the break of the entry with the lowest seq, or null.
 */
export async function checkRecords(tx: TenantTx, entries: StoredEntry[], sources: SealSourceRegistry, files: FileStore): Promise<RecordBreak | null> {
  const breaks = [...(await checkPayloads(tx, entries, sources)), ...(await checkOriginals(entries, files))];
  return breaks.sort((a, b) => a.entry.seq - b.entry.seq)[0] ?? null;
}

async function checkPayloads(tx: TenantTx, entries: StoredEntry[], sources: SealSourceRegistry): Promise<RecordBreak[]> {
  const byType = new Map<string, StoredEntry[]>();
  for (const entry of entries) {
    if (entry.kind === 'original' || !sources.get(entry.recordType)) continue;
    byType.set(entry.recordType, [...(byType.get(entry.recordType) ?? []), entry]);
  }
  const breaks: RecordBreak[] = [];
  for (const [recordType, sealed] of byType) {
    const current = await sources.get(recordType)!.currentPayloads(tx, [...new Set(sealed.map((e) => e.recordId))]);
    for (const entry of sealed) {
      const now = current.get(entry.recordId);
      if (!now) {
        breaks.push({ entry, reason: 'record_missing', detail: `The ${recordType} ${entry.recordId} sealed in entry ${entry.seq} no longer exists` });
      } else if (canonicalJson(now) !== canonicalJson(entry.payload)) {
        const field = firstDifference(entry.payload, now) ?? '';
        breaks.push({ entry, field, reason: 'record_changed', detail: `The ${recordType} ${entry.recordId} differs from what entry ${entry.seq} sealed, first at "${field}"` });
      }
    }
  }
  return breaks;
}

async function checkOriginals(entries: StoredEntry[], files: FileStore): Promise<RecordBreak[]> {
  const originals = entries.filter((e) => e.kind === 'original');
  const breaks: RecordBreak[] = [];
  for (let i = 0; i < originals.length; i += FILE_READS_AT_ONCE) {
    const found = await Promise.all(originals.slice(i, i + FILE_READS_AT_ONCE).map((entry) => checkOriginal(entry, files)));
    breaks.push(...found.filter((b): b is RecordBreak => b !== null));
  }
  return breaks;
}

async function checkOriginal(entry: StoredEntry, files: FileStore): Promise<RecordBreak | null> {
  const { fileKey, sha256 } = entry.payload as OriginalPayload;
  let bytes: Buffer;
  try {
    bytes = await files.get(fileKey);
  } catch {
    return { entry, reason: 'original_missing', detail: `The original file ${fileKey} sealed in entry ${entry.seq} cannot be read` };
  }
  const actual = createHash('sha256').update(bytes).digest('hex');
  if (actual === sha256) return null;
  return { entry, reason: 'original_changed', detail: `The original file ${fileKey} no longer has the SHA-256 sealed in entry ${entry.seq}` };
}
