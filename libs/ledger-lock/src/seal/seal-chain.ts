import { createHmac } from 'node:crypto';
import { canonicalJson } from '../canonical-json';

/** What the HMAC of one journal entry covers. */
export interface ChainLink {
  prevHash: string;
  seq: number;
  kind: string;
  recordType: string;
  recordId: string;
  recordDate: string;
  payload: unknown;
}

/**
 * The hash of an entry: HMAC-SHA-256 keyed by the seal key over the previous hash, the entry's place
 * and identity, and the canonical serialisation of its payload, one field a line.
 */
export function entryHash(key: string, link: ChainLink, canonicalPayload = canonicalJson(link.payload)): string {
  const message = [link.prevHash, String(link.seq), link.kind, link.recordType, link.recordId, link.recordDate, canonicalPayload].join('\n');
  return createHmac('sha256', key).update(message, 'utf8').digest('hex');
}

/**
 * The prevHash of a company's first entry. Keyed by the company id rather than a constant, so a chain
 * copied under another company's id does not verify.
 */
export function genesisHash(key: string, companyId: string): string {
  return createHmac('sha256', key).update(`comptoir-ledger-genesis\n${companyId}`, 'utf8').digest('hex');
}

/**
 * Hashes new entries after the head (lastSeq, lastHash): their seqs follow on, each links to the one
 * before. Each comes back with its canonical payload, serialised once for the hash and the insert.
 */
export function chainLinks<T extends Omit<ChainLink, 'prevHash' | 'seq'>>(
  key: string,
  head: { lastSeq: number; lastHash: string },
  entries: T[],
): (T & { seq: number; prevHash: string; hash: string; canonicalPayload: string })[] {
  let prevHash = head.lastHash;
  return entries.map((entry, i) => {
    const linked = { ...entry, seq: head.lastSeq + i + 1, prevHash };
    const canonicalPayload = canonicalJson(entry.payload);
    const hash = entryHash(key, linked, canonicalPayload);
    prevHash = hash;
    return { ...linked, hash, canonicalPayload };
  });
}
