import { Injectable } from '@nestjs/common';
import { isUuid, TenantContext } from '@comptoir/platform/kernel';
import { TenantDb, TenantTx } from '@comptoir/platform/database';
import { FileStore } from '@comptoir/platform/storage';
import { ChainBreak, ChainVerifier, StoredEntry } from './chain-verifier';
import { checkRecords } from './record-checks';
import { SealKey } from './seal-key';
import { SealSourceRegistry } from './seal-source.registry';

const CHUNK = 1000;

export interface VerifyResult {
  ok: boolean;
  /** Entries found intact (all of them when ok; those before the first broken one otherwise). */
  entries: number;
  lastHash?: string;
  firstBrokenEntry?: Pick<StoredEntry, 'seq' | 'id' | 'kind' | 'recordType' | 'recordId'> | null;
  reason?: ChainBreak['reason'];
  detail?: string;
  field?: string;
}

interface Row extends Omit<StoredEntry, 'seq'> {
  seq: string;
  headSeq: string | null;
  headHash: string | null;
}

/**
 * Recomputes a company's whole chain and checks every sealed record and original against what is
 * stored now. Reads the journal through a cursor, CHUNK entries at a time, in ONE snapshot (the
 * cursor's) that also holds the head, so entries appended meanwhile are neither half-seen nor blamed.
 */
@Injectable()
export class LedgerVerifier {
  constructor(
    private readonly db: TenantDb,
    private readonly key: SealKey,
    private readonly sources: SealSourceRegistry,
    private readonly files: FileStore,
  ) {}

  verify(ctx: TenantContext): Promise<VerifyResult> {
    return this.db.transaction(ctx, (tx) => this.run(tx));
  }

  private async run(tx: TenantTx): Promise<VerifyResult> {
    const companyId = tx.ctx.companyId;
    if (!isUuid(companyId)) throw new Error('verify needs a company');
    const chain = new ChainVerifier(this.key.value(), companyId);
    await tx.manager.query(
      `DECLARE ledger_verify NO SCROLL CURSOR FOR
         SELECT id, seq::text AS seq, kind, record_type AS "recordType", record_id AS "recordId", record_date::text AS "recordDate",
                payload, prev_hash AS "prevHash", hash,
                (SELECT last_seq::text FROM ledger_heads WHERE company_id = '${companyId}') AS "headSeq",
                (SELECT last_hash FROM ledger_heads WHERE company_id = '${companyId}') AS "headHash"
           FROM ledger_entries e WHERE e.company_id = '${companyId}' ORDER BY e.seq, e.id`,
    );
    let intact = 0;
    let head: { lastSeq: number; lastHash: string } | null | undefined;
    let last: StoredEntry | null = null;
    for (;;) {
      const rows = (await tx.manager.query(`FETCH ${CHUNK} FROM ledger_verify`)) as Row[];
      if (!rows.length) break;
      head ??= rows[0]!.headSeq === null ? null : { lastSeq: Number(rows[0]!.headSeq), lastHash: rows[0]!.headHash as string };
      const entries = rows.map(toStoredEntry);
      let chainBreak: ChainBreak | null = null;
      const brokenAt = entries.findIndex((entry) => (chainBreak = chain.check(entry)) !== null);
      const linked = brokenAt === -1 ? entries : entries.slice(0, brokenAt);
      // A record edited in an entry before the chain break is the first break.
      const recordBreak = await checkRecords(tx, linked, this.sources, this.files);
      if (recordBreak) return broken(intact + linked.indexOf(recordBreak.entry), recordBreak.entry, recordBreak);
      if (chainBreak) return broken(intact + brokenAt, entries[brokenAt]!, chainBreak);
      intact += entries.length;
      last = entries[entries.length - 1]!;
    }
    await tx.manager.query(`CLOSE ledger_verify`);
    if (head === undefined) head = await readHead(tx);
    const headBreak = chain.checkHead(head);
    if (headBreak) return broken(intact, last, headBreak);
    return { ok: true, entries: intact, lastHash: chain.lastHash };
  }
}

function toStoredEntry(row: Row): StoredEntry {
  return { id: row.id, seq: Number(row.seq), kind: row.kind, recordType: row.recordType, recordId: row.recordId, recordDate: row.recordDate, payload: row.payload, prevHash: row.prevHash, hash: row.hash };
}

function broken(intact: number, entry: StoredEntry | null, found: ChainBreak): VerifyResult {
  const firstBrokenEntry = entry && { seq: entry.seq, id: entry.id, kind: entry.kind, recordType: entry.recordType, recordId: entry.recordId };
  return { ok: false, entries: intact, firstBrokenEntry, reason: found.reason, detail: found.detail, ...(found.field !== undefined ? { field: found.field } : {}) };
}

async function readHead(tx: TenantTx): Promise<{ lastSeq: number; lastHash: string } | null> {
  const [row] = (await tx.manager.query(`SELECT last_seq::text AS "lastSeq", last_hash AS "lastHash" FROM ledger_heads WHERE company_id = $1`, [tx.ctx.companyId])) as {
    lastSeq: string;
    lastHash: string;
  }[];
  return row ? { lastSeq: Number(row.lastSeq), lastHash: row.lastHash } : null;
}
