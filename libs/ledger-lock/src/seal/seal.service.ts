import { Injectable } from '@nestjs/common';
import { newId } from '@comptoir/platform/kernel';
import { TenantTx } from '@comptoir/platform/database';
import { PERIOD_CLOSED_AT_COMMIT, periodClosed } from '../closing/period-closed.error';
import { assertIsoDate } from '../company-calendar';
import { NumberingService } from '../numbering/numbering.service';
import { AssignedNumber, AssignManyRequest } from '../numbering/numbering.types';
import { ChainHead, chainHead, lockHeadSql } from './chain-head';
import { chainLinks, genesisHash } from './seal-chain';
import { SealKey } from './seal-key';
import { SealedEntry, SealEntryInput, SealKind } from './seal.types';

export type { ChainHead } from './chain-head';

/** Kinds that record business dated in a period; originals and closings may land after it closed. */
const PERIOD_GUARDED: readonly SealKind[] = ['invoice', 'credit_note', 'deposit', 'payment'];

/**
 * Appends entries to the company's hash chain inside the caller's transaction: locks the chain head,
 * hashes the new entries after it, then inserts them and moves the head in one statement.
 */
@Injectable()
export class SealService {
  constructor(
    private readonly key: SealKey,
    private readonly numbering: NumberingService,
  ) {}

  async seal(tx: TenantTx, entry: SealEntryInput, lockedHead?: ChainHead): Promise<SealedEntry> {
    const [sealed] = await this.sealMany(tx, [entry], lockedHead);
    return sealed as SealedEntry;
  }

  /**
   * Legal numbers for records about to be sealed, and the chain head, locked in that order in ONE
   * statement: validations hold both locks until they commit, so every round trip saved between the
   * two is throughput. Pass the head to sealMany.
   */
  numberForSealing(tx: TenantTx, req: AssignManyRequest): Promise<{ numbers: AssignedNumber[]; head: ChainHead }> {
    return this.numbering.assignManyLockingHead(tx, req, genesisHash(this.key.value(), tx.ctx.companyId));
  }

  /** `lockedHead`: the head this transaction already locked (numberForSealing, lockHead); else it is locked here. */
  async sealMany(tx: TenantTx, entries: SealEntryInput[], lockedHead?: ChainHead): Promise<SealedEntry[]> {
    if (!entries.length) return [];
    entries.forEach((entry, i) => assertIsoDate(entry.recordDate, `entries[${i}].recordDate`));
    const head = lockedHead ?? (await this.lockHead(tx));
    const linked = chainLinks(this.key.value(), head, entries);
    const last = linked[linked.length - 1]!;
    const guarded = entries.filter((e) => PERIOD_GUARDED.includes(e.kind)).map((e) => e.recordDate).sort()[0] ?? null;
    // Statement run after the head lock was granted (by an earlier statement), so it sees a closing
    // committed while we waited: the period check and the append are one atomic step against closings.
    // The payloads travel as one JSON array (a jsonb[] parameter would escape every payload again).
    const [result] = (await tx.manager.query(
      `WITH closed AS (
         SELECT max(end_date)::text AS until FROM ledger_closings WHERE company_id = $2
       ), allowed AS (
         SELECT $3::date IS NULL OR (SELECT until FROM closed) IS NULL OR $3::date > (SELECT until FROM closed)::date AS ok
       ), appended AS (
         INSERT INTO ledger_entries (id, organization_id, company_id, seq, kind, record_type, record_id, record_date, payload, prev_hash, hash)
         SELECT e.id, $1, $2, e.seq, e.kind, e.record_type, e.record_id, e.record_date, e.payload, e.prev_hash, e.hash
           FROM ROWS FROM (unnest($4::uuid[]), unnest($5::bigint[]), unnest($6::text[]), unnest($7::text[]), unnest($8::uuid[]), unnest($9::date[]),
                           jsonb_array_elements($10::jsonb), unnest($11::text[]), unnest($12::text[]))
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
        `[${linked.map((l) => l.canonicalPayload).join(',')}]`,
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
   * sealMany for a transaction that already holds the head (numberForSealing) and has nothing to do
   * after the seal but COMMIT: the entries are hashed now and their append travels with the COMMIT
   * (TenantTx.writeAtCommit), so the head is held for one round trip less. The period check comes first
   * in that message, a statement of its own and so later than the head lock: it sees a closing committed
   * while this transaction waited for the head, and then raises, which fails the COMMIT — the caller
   * turns that error back into period_closed with periodClosedAtCommit.
   */
  sealAtCommit(tx: TenantTx, entries: SealEntryInput[], lockedHead: ChainHead): SealedEntry[] {
    if (!entries.length) return [];
    entries.forEach((entry, i) => assertIsoDate(entry.recordDate, `entries[${i}].recordDate`));
    const linked = chainLinks(this.key.value(), lockedHead, entries);
    const last = linked[linked.length - 1]!;
    const guarded = entries.filter((e) => PERIOD_GUARDED.includes(e.kind)).map((e) => e.recordDate).sort()[0] ?? null;
    if (guarded) {
      tx.writeAtCommit(
        `DO $check$ DECLARE until date; BEGIN
           SELECT max(end_date) INTO until FROM ledger_closings WHERE company_id = $1::uuid;
           IF until IS NOT NULL AND $2::date <= until THEN
             RAISE EXCEPTION USING ERRCODE = '${PERIOD_CLOSED_AT_COMMIT.sqlState}', MESSAGE = '${PERIOD_CLOSED_AT_COMMIT.message}', DETAIL = until::text, HINT = $2;
           END IF;
         END $check$`,
        [tx.ctx.companyId, guarded],
      );
    }
    tx.writeAtCommit(
      `WITH appended AS (
         INSERT INTO ledger_entries (id, organization_id, company_id, seq, kind, record_type, record_id, record_date, payload, prev_hash, hash)
         SELECT e.id, $1, $2, e.seq, e.kind, e."recordType", e."recordId", e."recordDate", e.payload, e."prevHash", e.hash
           FROM jsonb_to_recordset($3::jsonb) AS e(id uuid, seq bigint, kind text, "recordType" text, "recordId" uuid, "recordDate" date, payload jsonb, "prevHash" text, hash text)
       )
       UPDATE ledger_heads SET last_seq = $4, last_hash = $5, updated_at = now() WHERE company_id = $2`,
      [
        tx.ctx.organizationId,
        tx.ctx.companyId,
        linked.map((l) => ({ id: newId(), seq: l.seq, kind: l.kind, recordType: l.recordType, recordId: l.recordId, recordDate: l.recordDate, payload: l.payload, prevHash: l.prevHash, hash: l.hash })),
        last.seq,
        last.hash,
      ],
    );
    return linked.map((l) => ({ seq: l.seq, hash: l.hash }));
  }

  /**
   * Locks the company's chain head (creating it at the genesis hash on first use) and returns it.
   * A closing takes this lock before computing its totals, so no entry can slip in underneath.
   */
  async lockHead(tx: TenantTx): Promise<ChainHead> {
    const rows = (await tx.manager.query(lockHeadSql({ companyId: '$1', organizationId: '$2', genesisHash: '$3' }), [
      tx.ctx.companyId,
      tx.ctx.organizationId,
      genesisHash(this.key.value(), tx.ctx.companyId),
    ])) as { lastSeq: string; lastHash: string }[];
    return chainHead(rows[0]);
  }
}
