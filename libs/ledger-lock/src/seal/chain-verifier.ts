import { entryHash, genesisHash } from './seal-chain';

export const BREAK_REASONS = [
  'hash_mismatch',
  'sequence_gap',
  'prev_hash_mismatch',
  'head_mismatch',
  'record_changed',
  'record_missing',
  'original_changed',
  'original_missing',
] as const;
export type BreakReason = (typeof BREAK_REASONS)[number];

/** A journal entry as read back for verification. */
export interface StoredEntry {
  id: string;
  seq: number;
  kind: string;
  recordType: string;
  recordId: string;
  recordDate: string;
  payload: Record<string, unknown>;
  prevHash: string;
  hash: string;
}

export interface ChainBreak {
  reason: BreakReason;
  detail: string;
  field?: string;
}

/**
 * Walks a company's chain entry by entry, in seq order, remembering only the previous link: the
 * journal can be streamed through it whatever its size.
 */
export class ChainVerifier {
  private expectedSeq = 1;
  private prevHash: string;

  constructor(
    private readonly key: string,
    companyId: string,
  ) {
    this.prevHash = genesisHash(key, companyId);
  }

  /** The break this entry shows, or null when it links correctly (it then becomes the previous link). */
  check(entry: StoredEntry): ChainBreak | null {
    if (entry.seq !== this.expectedSeq) {
      return { reason: 'sequence_gap', detail: `Entry ${entry.seq} follows entry ${this.expectedSeq - 1}: ${entry.seq > this.expectedSeq ? 'entries are missing' : 'seq repeats or goes back'}` };
    }
    if (entry.prevHash !== this.prevHash) return { reason: 'prev_hash_mismatch', detail: `Entry ${entry.seq} does not point at the hash of entry ${entry.seq - 1}` };
    if (entryHash(this.key, entry) !== entry.hash) {
      return { reason: 'hash_mismatch', detail: `Entry ${entry.seq} does not match its hash: its content or hash was changed` };
    }
    this.expectedSeq += 1;
    this.prevHash = entry.hash;
    return null;
  }

  /** The chain read must end where the head says it ends. */
  checkHead(head: { lastSeq: number; lastHash: string } | null): ChainBreak | null {
    const lastSeq = this.expectedSeq - 1;
    if (!head) return lastSeq === 0 ? null : { reason: 'head_mismatch', detail: `The chain has ${lastSeq} entries but no head` };
    if (head.lastSeq !== lastSeq || (lastSeq > 0 && head.lastHash !== this.prevHash)) {
      return { reason: 'head_mismatch', detail: `The head points at entry ${head.lastSeq} but the chain ends at entry ${lastSeq}${head.lastSeq > lastSeq ? ': the last entries are missing' : ''}` };
    }
    return null;
  }

  get lastHash(): string {
    return this.prevHash;
  }
}
