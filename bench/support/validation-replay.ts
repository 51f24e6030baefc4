// The physical reference of the billing benchmark: the SQL core of one invoice validation, replayed by
// pgbench with no application in between. Per transaction: lock the draft, lock the number series, bump
// its counter, lock the company's chain head, insert the journal entry, move the head, update the
// document (number, frozen snapshot, status). The journal payload is a real sealed snapshot taken from
// the bench database, so row sizes match what the application writes.
import { escapeLiteral } from 'pg';
import type { Client } from 'pg';
import { copyDraft } from './draft-copies';

export interface ReplayScript {
  sql: string;
  statements: string[];
}

/**
 * Prepares `drafts` copies of an existing draft invoice of `companyId` (served one per transaction by a
 * sequence) and returns the pgbench script. Needs one validated invoice in the company (its snapshot is
 * the payload) and one remaining draft (the template of the copies).
 */
export async function validationReplayScript(db: Client, companyId: string, drafts: number): Promise<ReplayScript> {
  const one = async <T>(sql: string, params: unknown[] = []): Promise<T> => {
    const { rows } = await db.query(sql, params);
    if (!rows[0]) throw new Error(`validation replay: nothing found for ${sql}`);
    return rows[0] as T;
  };
  const validated = await one<{ organization_id: string; snapshot: unknown; date: string }>(
    `SELECT organization_id, snapshot, date::text AS date FROM sales_documents WHERE company_id = $1 AND type = 'invoice' AND status = 'validated' LIMIT 1`,
    [companyId],
  );
  const template = await one<{ id: string }>(`SELECT id FROM sales_documents WHERE company_id = $1 AND type = 'invoice' AND status = 'draft' LIMIT 1`, [companyId]);
  const series = await one<{ id: string; period_key: string }>(
    `SELECT s.id, c.period_key FROM number_sequences s JOIN number_counters c ON c.sequence_id = s.id
      WHERE s.company_id = $1 AND s.document_type = 'invoice' ORDER BY c.last_date DESC LIMIT 1`,
    [companyId],
  );

  // Copies of the template draft, numbered 1…N for the replay's sequence.
  const ids = await copyDraft(db, template.id, drafts);
  await db.query(`DROP TABLE IF EXISTS bench_replay_drafts; DROP SEQUENCE IF EXISTS bench_replay_seq`);
  await db.query(`CREATE TABLE bench_replay_drafts (n bigint PRIMARY KEY, id uuid NOT NULL)`);
  await db.query(`CREATE SEQUENCE bench_replay_seq`);
  await db.query(`INSERT INTO bench_replay_drafts (n, id) SELECT n, id FROM unnest($1::uuid[]) WITH ORDINALITY AS c(id, n)`, [ids]);
  await db.query('ANALYZE bench_replay_drafts');

  const company = escapeLiteral(companyId);
  const payload = escapeLiteral(JSON.stringify(validated.snapshot));
  const statements = [
    `SELECT quote_literal(d.id) AS doc FROM sales_documents d WHERE d.id = (SELECT id FROM bench_replay_drafts WHERE n = (SELECT nextval('bench_replay_seq'))) AND d.company_id = ${company} FOR UPDATE \\gset`,
    `SELECT quote_literal(s.id) AS series FROM number_sequences s WHERE s.id = ${escapeLiteral(series.id)} AND s.company_id = ${company} FOR UPDATE \\gset`,
    `UPDATE number_counters SET last_value = last_value + 1, last_date = ${escapeLiteral(validated.date)} WHERE sequence_id = :series AND period_key = ${escapeLiteral(series.period_key)} RETURNING last_value AS counter \\gset`,
    `SELECT last_seq + 1 AS next_seq, quote_literal(last_hash) AS prev_hash FROM ledger_heads WHERE company_id = ${company} FOR UPDATE \\gset`,
    `INSERT INTO ledger_entries (id, organization_id, company_id, seq, kind, record_type, record_id, record_date, payload, prev_hash, hash) VALUES (gen_random_uuid(), ${escapeLiteral(validated.organization_id)}, ${company}, :next_seq, 'invoice', 'sales_document', :doc, ${escapeLiteral(validated.date)}, ${payload}::jsonb, :prev_hash, encode(sha256(convert_to(:prev_hash || :next_seq, 'UTF8')), 'hex'))`,
    `UPDATE ledger_heads SET last_seq = :next_seq, last_hash = encode(sha256(convert_to(:prev_hash || :next_seq, 'UTF8')), 'hex'), updated_at = now() WHERE company_id = ${company}`,
    `UPDATE sales_documents SET status = 'validated', number = 'REPLAY-' || :counter, snapshot = ${payload}::jsonb, validated_at = now(), updated_at = now() WHERE id = :doc`,
  ];
  return { sql: ['BEGIN;', ...statements.map((s) => (s.endsWith('\\gset') ? s : `${s};`)), 'COMMIT;', ''].join('\n'), statements: statements.map((s) => s.slice(0, 120)) };
}
