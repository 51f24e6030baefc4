import { Injectable } from '@nestjs/common';
import { newId } from '@comptoir/platform/kernel';
import { TenantTx } from '@comptoir/platform/database';
import { canonicalJson } from '../canonical-json';
import { periodClosed } from '../closing/period-closed.error';
import { assertIsoDate } from '../company-calendar';
import { chainLinks, genesisHash } from './seal-chain';
import { SealKey } from './seal-key';
import { SealedEntry, SealEntryInput, SealKind } from './seal.types';

export interface ChainHead {
  lastSeq: number;
  lastHash: string;
}

/** Kinds that record business dated in a period; originals and closings may land after it closed. */
const PERIOD_GUARDED: readonly SealKind[] = ['invoice', 'credit_note', 'deposit', 'payment'];

/**
 * Appends entries to the company's hash chain inside the caller's transaction: locks the chain head,
 * hashes the new entries after it, then inserts them and moves the head in one statement.
 */
@Injectable()
export class SealService {
  constructor(private readonly key: SealKey) {}

  async seal(tx: TenantTx, entry: SealEntryInput): Promise<SealedEntry> {
    const [sealed] = await this.sealMany(tx, [entry]);
    return sealed as SealedEntry;
  }

  async sealMany(tx: TenantTx, entries: SealEntryInput[]): Promise<SealedEntry[]> {
    if (!entries.length) return [];
    entries.forEach((entry, i) => assertIsoDate(entry.recordDate, `entries[${i}].recordDate`));
    const head = await this.lockHead(tx);
    const linked = chainLinks(this.key.value(), head, entries);
    const last = linked[linked.length - 1]!;
    const guarded = entries.filter((e) => PERIOD_GUARDED.includes(e.kind)).map((e) => e.recordDate).sort()[0] ?? null;
    // Statement run after the head lock was granted, so it sees a closing committed while we waited:
    // the period check and the append are one atomic step against concurrent closings.
    const [result] = (await tx.manager.query(
      `WITH closed AS (
         SELECT max(end_date)::text AS until FROM ledger_closings WHERE company_id = $2
       ), allowed AS (
         SELECT $3::date IS NULL OR (SELECT until FROM closed) IS NULL OR $3::date > (SELECT until FROM closed)::date AS ok
       ), appended AS (
         INSERT INTO ledger_entries (id, organization_id, company_id, seq, kind, record_type, record_id, record_date, payload, prev_hash, hash)
         SELECT e.id, $1, $2, e.seq, e.kind, e.record_type, e.record_id, e.record_date, e.payload, e.prev_hash, e.hash
           FROM unnest($4::uuid[], $5::bigint[], $6::text[], $7::text[], $8::uuid[], $9::date[], $10::jsonb[], $11::text[], $12::text[])
                AS e(id, seq, kind, record_type, record_id, record_date, payload, prev_hash, hash)
          WHERE (SELECT ok FROM allowed)
         RETURNING 1
       ), moved AS (
         UPDATE ledger_heads SET last_seq = $13, last_hash = $14, updated_at = now() WHERE company_id = $2 AND (SELECT ok FROM allowed)
       )
       SELECT (SELECT ok FROM allowed) AS ok, (SELECT until FROM closed) AS until, (SELECT count(*)::int FROM appended) AS appended`,
      [
        tx.ctx.organizationId,
        tx.ctx.companyId,
        guarded,
        linked.map(() => newId()),
        linked.map((l) => l.seq),
        linked.map((l) => l.kind),
        linked.map((l) => l.recordType),
        linked.map((l) => l.recordId),
        linked.map((l) => l.recordDate),
        linked.map((l) => canonicalJson(l.payload)),
        linked.map((l) => l.prevHash),
        linked.map((l) => l.hash),
        last.seq,
        last.hash,
      ],
    )) as { ok: boolean; until: string | null; appended: number }[];
    if (!result?.ok) throw periodClosed(guarded as string, result?.until ?? '');
    return linked.map((l) => ({ seq: l.seq, hash: l.hash }));
  }

  /**
   * Locks the company's chain head (creating it at the genesis hash on first use) and returns it.
   * A closing takes this lock before computing its totals, so no entry can slip in underneath.
   */
  async lockHead(tx: TenantTx): Promise<ChainHead> {
    const [head] = (await tx.manager.query(
      `INSERT INTO ledger_heads (company_id, organization_id, last_seq, last_hash) VALUES ($1, $2, 0, $3)
       ON CONFLICT (company_id) DO UPDATE SET company_id = excluded.company_id
       RETURNING last_seq AS "lastSeq", last_hash AS "lastHash"`,
      [tx.ctx.companyId, tx.ctx.organizationId, genesisHash(this.key.value(), tx.ctx.companyId)],
    )) as { lastSeq: string; lastHash: string }[];
    return { lastSeq: Number(head?.lastSeq), lastHash: head?.lastHash as string };
  }
}
