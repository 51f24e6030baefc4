// Copies of a draft made through the API, written in SQL: the batch benchmark needs 10,000 drafts, and
// creating them through the API (about 100/s here) would take minutes without being what is measured.
// Every column is copied but the ids (and each line's document id), so the copies are drafts exactly as
// the API writes them.
import type { Client } from 'pg';

const columnsOf = async (db: Client, table: string, except: string[]) =>
  (await db.query<{ column_name: string }>(`SELECT column_name FROM information_schema.columns WHERE table_name = $1 ORDER BY ordinal_position`, [table])).rows
    .map((r) => r.column_name)
    .filter((c) => !except.includes(c))
    .map((c) => `"${c}"`);

/** `count` copies of draft `templateId` with its lines; their ids in creation order. */
export async function copyDraft(db: Client, templateId: string, count: number): Promise<string[]> {
  const docColumns = await columnsOf(db, 'sales_documents', ['id']);
  const lineColumns = await columnsOf(db, 'sales_document_lines', ['id', 'document_id']);
  const { rows } = await db.query<{ id: string }>(
    `WITH copies AS (
       INSERT INTO sales_documents (id, ${docColumns.join(', ')})
       SELECT gen_random_uuid(), ${docColumns.map((c) => `d.${c}`).join(', ')} FROM sales_documents d, generate_series(1, $2) WHERE d.id = $1
       RETURNING id
     ), lines AS (
       INSERT INTO sales_document_lines (id, document_id, ${lineColumns.join(', ')})
       SELECT gen_random_uuid(), copies.id, ${lineColumns.map((c) => `l.${c}`).join(', ')} FROM copies, sales_document_lines l WHERE l.document_id = $1
     )
     SELECT id FROM copies`,
    [templateId, count],
  );
  await db.query('ANALYZE sales_documents; ANALYZE sales_document_lines');
  return rows.map((r) => r.id);
}
